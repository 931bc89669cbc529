import { Injectable } from '@nestjs/common';
import { ConsultationView, DecisionRequest, DecisionView, LIVE_EVENTS, SpeakerView, Tally } from '@omnibus/shared';
import { retryTransaction } from '../database/transaction-retry';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { DelegationsRepository } from '../committees/delegations.repository';
import { ConsultationsRepository, consultationView } from '../consultations/consultations.repository';
import { DraftsRepository } from '../drafts/drafts.repository';
import { DraftEvents } from '../events/draft-events';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { LockedParagraph, ParagraphsRepository } from '../paragraphs/paragraphs.repository';
import { Clock } from '../workflow/clock';
import { ParagraphSettlement, Settled } from './paragraph-settlement';
import { isDecidable, tallyOf } from './queue';
import { SessionGuard } from './session-guard';
import { decisionView, speakerView } from './session-view';
import { SessionsRepository } from './sessions.repository';
import type { OpenAmendment } from './settlement.repository';

interface Recorded {
  view: DecisionView;
  tally: Tally;
  draftId: string;
  paragraphId: string;
  amendmentIds: string[];
  consultation: ConsultationView | null;
  /** The speakers' list after the decided paragraph's speakers were done; null when it did not change. */
  speakers: SpeakerView[] | null;
}

/** The chair's decision on the paragraph under consideration, audited and told to the room with the tally. */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly db: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly paragraphs: ParagraphsRepository,
    private readonly sessions: SessionsRepository,
    private readonly guard: SessionGuard,
    private readonly settlement: ParagraphSettlement,
    private readonly consultations: ConsultationsRepository,
    private readonly delegations: DelegationsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: DraftEvents,
    private readonly live: LiveBroadcaster,
  ) {}

  async decide(actor: Actor, sessionId: string, body: DecisionRequest): Promise<DecisionView> {
    const r = await retryTransaction(this.db, (m) => this.record(m, actor, sessionId, body));
    this.live.emit(r.draftId, LIVE_EVENTS.decisionRecorded, { sessionId, decision: r.view, tally: r.tally });
    if (r.speakers) this.live.emit(r.draftId, LIVE_EVENTS.speakersChanged, { sessionId, speakers: r.speakers });
    this.events.emit({ type: 'paragraph.changed', draftId: r.draftId, paragraphId: r.paragraphId, action: `session.${r.view.decision}`, actor });
    for (const amendmentId of r.amendmentIds) {
      this.events.emit({ type: 'amendment.changed', draftId: r.draftId, paragraphId: r.paragraphId, amendmentId, action: 'amendment.settle', actor });
    }
    if (r.consultation) this.live.emit(r.draftId, LIVE_EVENTS.consultationChanged, r.consultation);
    return r.view;
  }

  private async record(m: EntityManager, actor: Actor, sessionId: string, body: DecisionRequest): Promise<Recorded> {
    const { session, draft } = await this.guard.lockOpen(m, actor, sessionId, 'session.run', true);
    const paragraphId = body.paragraphId ?? session.currentParagraphId;
    if (paragraphId === null) throw new AppError('invalid_state', 'No paragraph is under consideration: call one first.');
    if (paragraphId !== session.currentParagraphId) {
      throw new AppError('invalid_state', 'Decisions are recorded on the paragraph under consideration: call that paragraph first.', {
        currentParagraphId: session.currentParagraphId,
      });
    }
    const p = await this.paragraphs.lock(m, paragraphId);
    if (!p || p.draftId !== draft.id) throw notFound('paragraph', paragraphId);
    if (!isDecidable(p.status)) throw new AppError('invalid_state', `Paragraph ${p.label} is ${p.status}; there is nothing left to decide.`);
    const sectionKey = await this.sessions.sectionKey(m, p.sectionId);
    const open = await this.settlement.openAmendments(m, p.id);

    let settled: Settled;
    let agreedText: string | null = null;
    let leadId: string | null = null;
    switch (body.decision) {
      case 'approved':
        agreedText = p.text;
        settled = await this.settlement.approve(m, p, p.text, []);
        break;
      case 'approved_as_amended': {
        const accepted = body.acceptedAmendmentIds ?? [];
        agreedText = this.settlement.agreedText(p, open, body.agreedText, accepted);
        settled = await this.settlement.approve(m, p, agreedText, accepted);
        break;
      }
      case 'held': {
        leadId = await this.leadDelegation(m, actor, p, open, body.leadDelegation);
        settled = await this.settlement.setStatus(m, p, 'held');
        settled.consultationId = await this.consultations.hold(m, { draftId: draft.id, paragraphId: p.id, leadDelegationId: leadId, sessionId: session.id });
        break;
      }
      case 'deferred':
      case 'deleted':
        settled = await this.settlement.setStatus(m, p, body.decision);
        break;
    }
    await this.sessions.setItemStatus(m, session.id, p.id, 'decided');
    await this.sessions.setCurrent(m, session.id, null);
    // Stored, not only cleared on screen: a reconnecting client must not see the old speaker again.
    const speakersDone = await this.sessions.endSpeakersOn(m, session.id, p.id);
    await this.drafts.touch(m, draft.id);
    const tally = tallyOf(await this.sessions.paragraphStatuses(m, draft.id));
    const id = await this.sessions.insertDecision(m, {
      sessionId: session.id,
      paragraphId: p.id,
      decision: body.decision,
      sectionKey,
      label: p.label,
      textBefore: p.text,
      agreedText,
      leadDelegationId: leadId,
      note: body.note ?? null,
      tally,
      decidedBy: actor.userId,
      decidedAt: this.clock.now(),
    });
    const [row] = await this.sessions.decisions(m, session.id, id);
    if (!row) throw notFound('decision', id);
    const view = decisionView(row);
    await this.audit.record(m, actor, {
      action: `session.decision.${body.decision}`,
      targetType: 'paragraph',
      targetId: p.id,
      draftId: draft.id,
      before: { status: p.status, text: p.text },
      after: { sessionId: session.id, ...view, acceptedAmendmentIds: body.acceptedAmendmentIds ?? [], settledAmendmentIds: settled.amendmentIds, speakersDone },
    });
    const consultation = settled.consultationId ? await this.consultations.find(m, settled.consultationId) : null;
    return {
      view,
      tally,
      draftId: draft.id,
      paragraphId: p.id,
      amendmentIds: settled.amendmentIds,
      consultation: consultation ? consultationView(consultation) : null,
      speakers: speakersDone > 0 ? (await this.sessions.speakers(m, session.id)).map(speakerView) : null,
    };
  }

  /** The lead named by the chair, else the proposer: the new paragraph's, or the first open amendment's. */
  private async leadDelegation(m: EntityManager, actor: Actor, p: LockedParagraph, open: readonly OpenAmendment[], code: string | undefined): Promise<string> {
    if (code !== undefined) {
      const upper = code.toUpperCase();
      const found = (await this.delegations.forCommittee(actor.committeeId, m)).find((d) => d.code === upper || d.aliases.includes(upper));
      if (!found) {
        throw new AppError('validation_failed', `No delegation "${code}" takes part in this committee.`, { issues: [{ path: 'leadDelegation', message: 'unknown delegation' }] });
      }
      return found.id;
    }
    const proposer = p.proposerDelegationId ?? open[0]?.proposerDelegationId ?? null;
    if (proposer === null) {
      throw new AppError('validation_failed', `Paragraph ${p.label} has no proposing delegation to lead informal consultations; name the lead delegation.`, {
        issues: [{ path: 'leadDelegation', message: 'required: the paragraph has no proposer' }],
      });
    }
    return proposer;
  }
}

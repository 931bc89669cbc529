import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canRead, MUTABLE_STATUSES, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { DraftsRepository } from '../drafts/drafts.repository';
import { DraftEvents } from '../events/draft-events';
import { SponsorResolver } from './sponsor-resolver';
import { SponsorshipDetail, SponsorshipsRepository, SponsorTarget } from './sponsorships.repository';

export interface SponsorshipView {
  id: string;
  draftId: string;
  paragraphId: string | null;
  amendmentId: string | null;
  delegation: string;
  status: SponsorshipDetail['status'];
}

const toView = (s: SponsorshipDetail): SponsorshipView => ({
  id: s.id,
  draftId: s.draftId,
  paragraphId: s.paragraphId,
  amendmentId: s.amendmentId,
  delegation: s.code,
  status: s.status,
});

/**
 * Co-sponsorship by consent both ways: the proposer invites and the invited delegation accepts or
 * declines; or a delegation asks to join a new paragraph's sponsors and one of them accepts or declines.
 */
@Injectable()
export class SponsorshipsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: SponsorshipsRepository,
    private readonly drafts: DraftsRepository,
    private readonly resolver: SponsorResolver,
    private readonly audit: AuditService,
    private readonly events: DraftEvents,
  ) {}

  async pendingInvitations(actor: Actor): Promise<SponsorshipView[]> {
    if (!actor.delegationId) return [];
    return (await this.repo.pendingForDelegation(this.db.manager, actor.delegationId)).map(toView);
  }

  /** Requests to join the sponsors of new paragraphs the caller's delegation sponsors, waiting for an answer. */
  async pendingRequests(actor: Actor): Promise<SponsorshipView[]> {
    if (!actor.delegationId) return [];
    return (await this.repo.requestsToSponsorsOf(this.db.manager, actor.delegationId)).map(toView);
  }

  /** The caller's delegation asks to join the sponsors of another delegation's new paragraph. */
  async requestToJoin(actor: Actor, paragraphId: string): Promise<SponsorshipView> {
    const view = await this.db.transaction(async (m) => {
      const p = await this.repo.lockParagraph(m, paragraphId);
      const draft = p ? await this.drafts.find(p.draftId, m) : null;
      if (!p || !canRead(actor, draft)) throw notFound('paragraph', paragraphId);
      requireAccess(actor, { action: 'sponsorship.request', committeeId: draft.committeeId });
      const delegationId = actor.delegationId as string;
      if (p.origin !== 'delegation') {
        throw new AppError('invalid_state', `Paragraph ${p.label} is not a delegation's proposal and has no sponsors to join; propose an amendment to it instead.`);
      }
      if (!MUTABLE_STATUSES.includes(p.status)) {
        throw new AppError('invalid_state', `Paragraph ${p.label} is ${p.status}; its sponsors can no longer change.`, { status: p.status });
      }
      const target = { paragraphId };
      const existing = await this.repo.forTarget(m, target);
      const mine = existing.find((s) => s.delegationId === delegationId);
      if (mine?.status === 'accepted') throw new AppError('invalid_state', `Your delegation already sponsors paragraph ${p.label}.`, { status: mine.status });
      if (mine?.status === 'invited') {
        throw new AppError('invalid_state', `Your delegation is already invited to co-sponsor paragraph ${p.label}: accept the invitation in your Invitations panel.`, {
          status: mine.status,
          invitationId: mine.id,
        });
      }
      if (mine?.status === 'requested') {
        throw new AppError('invalid_state', `Your delegation already asked to join the sponsors of paragraph ${p.label}; they have not answered yet.`, {
          status: mine.status,
        });
      }
      let id: string;
      if (mine) {
        id = mine.id;
        await this.repo.reopenRequest(m, id, actor.userId);
      } else {
        const position = existing.reduce((n, s) => Math.max(n, s.position), 0) + 1;
        id = await this.repo.insert(m, { draftId: p.draftId, target, delegationId, status: 'requested', position, invitedBy: actor.userId });
      }
      const after = (await this.repo.forTarget(m, target)).find((s) => s.id === id)!;
      await this.audit.record(m, actor, {
        action: 'sponsorship.request',
        targetType: 'sponsorship',
        targetId: id,
        draftId: p.draftId,
        ...(mine ? { before: toView(mine) } : {}),
        after: toView(after),
      });
      await this.drafts.touch(m, p.draftId);
      return toView(after);
    });
    this.events.emit({ type: 'paragraph.changed', draftId: view.draftId, paragraphId, action: 'sponsorship.request', actor });
    return view;
  }

  async respond(actor: Actor, sponsorshipId: string, answer: 'accepted' | 'declined'): Promise<SponsorshipView> {
    const view = await this.db.transaction(async (m) => {
      const s = await this.repo.lock(m, sponsorshipId);
      const draft = s ? await this.drafts.find(s.draftId, m) : null;
      if (!s || !canRead(actor, draft)) throw notFound('invitation', sponsorshipId);
      if (s.status !== 'invited' && s.status !== 'requested') {
        throw new AppError('invalid_state', `This invitation or request was already ${s.status}.`, { status: s.status });
      }
      const request = s.status === 'requested' && s.paragraphId !== null;
      if (request) {
        // A request to join is answered by the sponsors, not by the delegation that asked.
        const sponsorIds = (await this.repo.forTarget(m, { paragraphId: s.paragraphId as string }))
          .filter((x) => x.status === 'accepted')
          .map((x) => x.delegationId);
        requireAccess(actor, { action: 'sponsorship.answer_request', committeeId: draft.committeeId, sponsorDelegationIds: sponsorIds });
      } else {
        requireAccess(actor, { action: 'sponsorship.respond', committeeId: draft.committeeId, delegationId: s.delegationId });
      }
      await this.repo.respond(m, s.id, answer, actor.userId);
      await this.drafts.touch(m, s.draftId);
      const after = { ...toView(s), status: answer };
      await this.audit.record(m, actor, {
        action: request ? `sponsorship.request_${answer === 'accepted' ? 'accept' : 'decline'}` : answer === 'accepted' ? 'sponsorship.accept' : 'sponsorship.decline',
        targetType: 'sponsorship',
        targetId: s.id,
        draftId: s.draftId,
        before: toView(s),
        after,
      });
      return after;
    });
    this.events.emit({ type: 'draft.changed', draftId: view.draftId, action: `sponsorship.${answer}`, actor });
    return view;
  }

  async invite(actor: Actor, target: SponsorTarget, codes: string[]): Promise<SponsorshipView[]> {
    const views = await this.db.transaction(async (m) => {
      const table = 'paragraphId' in target ? 'paragraph' : 'amendment';
      const id = 'paragraphId' in target ? target.paragraphId : target.amendmentId;
      const row = await this.repo.lockTarget(m, target);
      const draft = row ? await this.drafts.find(row.draftId, m) : null;
      if (!row || !canRead(actor, draft)) throw notFound(table, id);
      requireAccess(actor, { action: 'sponsorship.invite', committeeId: draft.committeeId, proposerDelegationId: row.proposer });
      const { invitees } = await this.resolver.resolve(m, actor, undefined, codes);
      const existing = await this.repo.forTarget(m, target);
      let position = existing.reduce((n, s) => Math.max(n, s.position), 0);
      for (const d of invitees) {
        if (existing.some((s) => s.delegationId === d.id)) continue;
        position += 1;
        await this.repo.insert(m, { draftId: row.draftId, target, delegationId: d.id, status: 'invited', position, invitedBy: actor.userId });
      }
      const after = (await this.repo.forTarget(m, target)).map(toView);
      await this.audit.record(m, actor, { action: 'sponsorship.invite', targetType: table, targetId: id, draftId: row.draftId, after });
      await this.drafts.touch(m, row.draftId);
      return after;
    });
    const draftId = views[0]?.draftId;
    if (draftId) this.events.emit({ type: 'draft.changed', draftId, action: 'sponsorship.invite', actor });
    return views;
  }
}

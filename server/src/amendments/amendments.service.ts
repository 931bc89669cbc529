import { Injectable } from '@nestjs/common';
import { AmendmentView, CreateAmendmentRequest, ParagraphView, UpdateAmendmentRequest, characterSplitProblem } from '@omnibus/shared';
import { retryTransaction } from '../database/transaction-retry';
import { DataSource, EntityManager } from 'typeorm';
import { canRead, MUTABLE_STATUSES, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { DraftsRepository } from '../drafts/drafts.repository';
import { DraftEvents } from '../events/draft-events';
import { ParagraphsRepository } from '../paragraphs/paragraphs.repository';
import { ParagraphsService } from '../paragraphs/paragraphs.service';
import { SponsorResolver } from '../sponsorships/sponsor-resolver';
import { SponsorshipsRepository } from '../sponsorships/sponsorships.repository';
import { CommentWindowService } from '../workflow/comment-window.service';
import { AmendmentRecord, AmendmentsRepository } from './amendments.repository';

/** Delegations' proposals to change a paragraph of the draft, always in their own name. */
@Injectable()
export class AmendmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly amendments: AmendmentsRepository,
    private readonly paragraphs: ParagraphsRepository,
    private readonly paragraphViews: ParagraphsService,
    private readonly drafts: DraftsRepository,
    private readonly sponsorships: SponsorshipsRepository,
    private readonly sponsors: SponsorResolver,
    private readonly audit: AuditService,
    private readonly events: DraftEvents,
    private readonly commentWindow: CommentWindowService,
  ) {}

  private changed(view: AmendmentView, draftId: string, action: string, actor: Actor): AmendmentView {
    this.events.emit({ type: 'amendment.changed', draftId, paragraphId: view.paragraphId, amendmentId: view.id, action, actor });
    return view;
  }

  async propose(actor: Actor, paragraphId: string, body: CreateAmendmentRequest): Promise<AmendmentView> {
    const [view, draftId] = await retryTransaction(this.db, async (m) => {
      const p = await this.paragraphs.lock(m, paragraphId);
      const draft = p ? await this.drafts.find(p.draftId, m) : null;
      if (!p || !canRead(actor, draft)) throw notFound('paragraph', paragraphId);
      requireAccess(actor, { action: 'amendment.create', committeeId: draft.committeeId });
      await this.commentWindow.assertOpen(m, actor, draft.id, 'amendment');
      if (!MUTABLE_STATUSES.includes(p.status)) {
        throw new AppError('invalid_state', `Paragraph ${p.label} is ${p.status}; it is no longer open to amendments.`);
      }
      const range = await this.checkRange(m, body, p.text, paragraphId);
      const resolved = await this.sponsors.resolve(m, actor, body.sponsors, body.cosponsors);
      const id = await this.amendments.insert(m, {
        draftId: p.draftId,
        paragraphId,
        kind: body.kind,
        start: range.start,
        end: range.end,
        text: body.kind === 'delete' ? '' : body.text,
        alternativeGroup: range.group,
        alternativeNumber: range.number,
        proposerDelegationId: resolved.proposer.id,
        createdBy: actor.userId,
      });
      await this.sponsorships.insert(m, {
        draftId: p.draftId,
        target: { amendmentId: id },
        delegationId: resolved.proposer.id,
        status: 'accepted',
        position: 0,
        invitedBy: actor.userId,
      });
      for (const [i, d] of resolved.invitees.entries()) {
        await this.sponsorships.insert(m, {
          draftId: p.draftId,
          target: { amendmentId: id },
          delegationId: d.id,
          status: 'invited',
          position: i + 1,
          invitedBy: actor.userId,
        });
      }
      await this.drafts.touch(m, p.draftId);
      const view = await this.view(m, id);
      await this.audit.record(m, actor, { action: 'amendment.create', targetType: 'amendment', targetId: id, draftId: p.draftId, after: view });
      return [view, p.draftId] as const;
    });
    return this.changed(view, draftId, 'amendment.create', actor);
  }

  async update(actor: Actor, amendmentId: string, body: UpdateAmendmentRequest): Promise<AmendmentView> {
    const [view, draftId] = await retryTransaction(this.db, async (m) => {
      const a = await this.lockOwn(m, actor, amendmentId);
      const sponsorIds = (await this.sponsorships.forTarget(m, { amendmentId }))
        .filter((s) => s.status === 'accepted')
        .map((s) => s.delegationId);
      requireAccess(actor, { action: 'amendment.edit', committeeId: actor.committeeId, sponsorDelegationIds: sponsorIds });
      this.assertOpen(a);
      if (body.version !== undefined && body.version !== a.version) {
        throw new AppError('conflict', `This amendment was changed by someone else (now version ${a.version}). Reload it and apply your change again.`, {
          currentVersion: a.version,
        });
      }
      if (a.kind === 'delete') throw new AppError('invalid_state', 'A deletion has no text to edit; withdraw it and propose another change.');
      if (body.text.trim() === '') throw new AppError('validation_failed', 'The proposed text must not be empty.', { issues: [{ path: 'text', message: 'must not be empty' }] });
      const before = await this.view(m, a.id);
      await this.amendments.update(m, a.id, { text: body.text });
      await this.drafts.touch(m, a.draftId);
      const after = await this.view(m, a.id);
      await this.audit.record(m, actor, { action: 'amendment.update', targetType: 'amendment', targetId: a.id, draftId: a.draftId, before, after });
      return [after, a.draftId] as const;
    });
    return this.changed(view, draftId, 'amendment.update', actor);
  }

  async withdraw(actor: Actor, amendmentId: string): Promise<AmendmentView> {
    const [view, draftId] = await retryTransaction(this.db, async (m) => {
      const a = await this.lockOwn(m, actor, amendmentId);
      requireAccess(actor, { action: 'amendment.withdraw', committeeId: actor.committeeId, proposerDelegationId: a.proposerDelegationId });
      this.assertOpen(a);
      const before = await this.view(m, a.id);
      await this.amendments.update(m, a.id, { status: 'withdrawn' });
      await this.drafts.touch(m, a.draftId);
      const after = await this.view(m, a.id);
      await this.audit.record(m, actor, { action: 'amendment.withdraw', targetType: 'amendment', targetId: a.id, draftId: a.draftId, before, after });
      return [after, a.draftId] as const;
    });
    return this.changed(view, draftId, 'amendment.withdraw', actor);
  }

  async paragraphOf(actor: Actor, amendmentId: string): Promise<ParagraphView> {
    const a = await this.amendments.find(this.db.manager, amendmentId);
    if (!a) throw notFound('amendment', amendmentId);
    return this.paragraphViews.get(actor, a.paragraphId);
  }

  async view(m: EntityManager, amendmentId: string): Promise<AmendmentView> {
    const a = await this.amendments.find(m, amendmentId);
    if (!a) throw notFound('amendment', amendmentId);
    const p = await this.paragraphViews.view(m, a.paragraphId);
    const view = p.amendments.find((x) => x.id === amendmentId);
    if (!view) throw notFound('amendment', amendmentId);
    return view;
  }

  private async lockOwn(m: EntityManager, actor: Actor, amendmentId: string): Promise<AmendmentRecord> {
    const a = await this.amendments.lock(m, amendmentId);
    const draft = a ? await this.drafts.find(a.draftId, m) : null;
    if (!a || !canRead(actor, draft)) throw notFound('amendment', amendmentId);
    return a;
  }

  private assertOpen(a: AmendmentRecord): void {
    if (a.status !== 'proposed') throw new AppError('invalid_state', `This amendment is ${a.status}; it can no longer be changed.`);
  }

  /** Where in the base text the amendment applies, checked against the kind's rules. */
  private async checkRange(
    m: EntityManager,
    body: CreateAmendmentRequest,
    base: string,
    paragraphId: string,
  ): Promise<{ start: number; end: number; group: string | null; number: number | null }> {
    const bad = (message: string, path: string) =>
      new AppError('validation_failed', message, { issues: [{ path, message }] });
    if (body.end < body.start) throw bad('end must not come before start.', 'end');
    if (body.end > base.length) throw bad(`The paragraph's text has ${base.length} characters; end ${body.end} is past it.`, 'end');
    const split = characterSplitProblem(base, body.start, body.end, body.kind === 'delete' ? '' : body.text);
    if (split !== null) throw bad(`The amendment would split a character: ${split}.`, 'start');
    switch (body.kind) {
      case 'insert':
        if (body.start !== body.end) throw bad('An insertion goes at one point: start and end must be equal.', 'end');
        if (body.text.trim() === '') throw bad('An insertion needs the words to insert.', 'text');
        return { start: body.start, end: body.end, group: null, number: null };
      case 'delete':
        if (body.start === body.end) throw bad('A deletion needs the words to delete: end must be after start.', 'end');
        if (body.text !== '') throw bad('A deletion takes no text; the deleted words are the range start–end.', 'text');
        return { start: body.start, end: body.end, group: null, number: null };
      case 'replace':
        if (body.start === body.end) throw bad('A replacement needs the words to replace: end must be after start.', 'end');
        if (body.text.trim() === '') throw bad('A replacement needs the new words.', 'text');
        return { start: body.start, end: body.end, group: null, number: null };
      case 'alternative': {
        if (body.text.trim() === '') throw bad('An alternative needs its text.', 'text');
        if (body.alternativeTo === undefined) {
          return { start: body.start, end: body.end, group: await this.amendments.newGroupId(m), number: 1 };
        }
        const other = await this.amendments.find(m, body.alternativeTo);
        if (!other || other.paragraphId !== paragraphId || other.kind !== 'alternative' || other.alternativeGroup === null) {
          throw bad('alternativeTo must be an alternative already proposed for this paragraph.', 'alternativeTo');
        }
        if (other.start !== body.start || other.end !== body.end) {
          throw bad(`Alternatives compete for the same words: use start ${other.start} and end ${other.end}.`, 'start');
        }
        const number = (await this.amendments.maxAlternativeNumber(m, other.alternativeGroup)) + 1;
        return { start: other.start, end: other.end, group: other.alternativeGroup, number };
      }
      default: {
        const unreachable: never = body.kind;
        throw bad(`Unknown kind ${String(unreachable)}`, 'kind');
      }
    }
  }
}

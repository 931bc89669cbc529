import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireAccess } from '../access/access.policy';
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

/** Co-sponsorship by consent: the proposer invites, the invited delegation accepts or declines. */
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

  async respond(actor: Actor, sponsorshipId: string, answer: 'accepted' | 'declined'): Promise<SponsorshipView> {
    const view = await this.db.transaction(async (m) => {
      const s = await this.repo.lock(m, sponsorshipId);
      const draft = s ? await this.drafts.find(s.draftId, m) : null;
      if (!s || !draft || draft.committeeId !== actor.committeeId) throw notFound('invitation', sponsorshipId);
      requireAccess(actor, { action: 'sponsorship.respond', committeeId: draft.committeeId, delegationId: s.delegationId });
      if (s.status !== 'invited') {
        throw new AppError('invalid_state', `This invitation was already ${s.status}.`, { status: s.status });
      }
      await this.repo.respond(m, s.id, answer, actor.userId);
      await this.drafts.touch(m, s.draftId);
      const after = { ...toView(s), status: answer };
      await this.audit.record(m, actor, {
        action: answer === 'accepted' ? 'sponsorship.accept' : 'sponsorship.decline',
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
      const rows: { draftId: string; proposer: string | null }[] = await m.query(
        `SELECT draft_id AS "draftId", proposer_delegation_id AS proposer FROM ${table} WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const row = rows[0];
      const draft = row ? await this.drafts.find(row.draftId, m) : null;
      if (!row || !draft || draft.committeeId !== actor.committeeId) throw notFound(table, id);
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

import { Injectable } from '@nestjs/common';
import {
  ConsensusDraft,
  DraftRedline,
  DraftView,
  LIVE_EVENTS,
  PublishVersionRequest,
  RedlineSide,
  VersionSummary,
  redlineDrafts,
} from '@omnibus/shared';
import { DataSource, EntityManager } from 'typeorm';
import { canRead, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { buildDraftView } from '../drafts/draft-view.builder';
import { DraftRow, DraftsRepository } from '../drafts/drafts.repository';
import { DraftEvents } from '../events/draft-events';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { SilenceService } from '../silence/silence.service';
import { WorkflowRepository } from '../workflow/workflow.repository';
import { classify, defaultNaming } from './classification';
import { buildConsensusDraft } from './consensus-draft';
import { VersionRow, VersionsRepository } from './versions.repository';

export const LIVE_SIDE = 'live';

const summary = (v: VersionRow): VersionSummary => ({
  id: v.id,
  draftId: v.draftId,
  number: v.number,
  name: v.name,
  symbol: v.symbol,
  phase: v.phase,
  publishedAt: v.publishedAt.toISOString(),
  publishedBy: v.publishedBy,
  classification: v.classification,
});

/** Published versions of a draft, redlines between any two states of it, and its consensus text. */
@Injectable()
export class VersionsService {
  constructor(
    private readonly db: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly versions: VersionsRepository,
    private readonly workflow: WorkflowRepository,
    private readonly silence: SilenceService,
    private readonly audit: AuditService,
    private readonly events: DraftEvents,
    private readonly live: LiveBroadcaster,
  ) {}

  /** Freezes the draft as it stands, every paragraph's text, state, status, brackets and sponsors. */
  async publish(actor: Actor, draftId: string, body: PublishVersionRequest): Promise<VersionSummary> {
    await this.silence.settleDue(draftId);
    const version = await this.db.transaction(async (m) => {
      // Locked so the snapshot is one consistent moment: no proposal lands half inside it.
      const draft = await this.lockDraft(m, actor, draftId);
      requireAccess(actor, { action: 'version.publish', committeeId: draft.committeeId });
      const taken = await this.versions.taken(m, draftId);
      const number = taken.count + 1;
      const naming = defaultNaming(number, draft.symbol);
      const name = body.name ?? naming.name;
      const symbol = body.symbol ?? naming.symbol;
      if (taken.names.includes(name)) throw new AppError('conflict', `A version named "${name}" is already published; versions are never replaced. Choose another name.`);
      if (taken.symbols.includes(symbol)) throw new AppError('conflict', `A version with the symbol ${symbol} is already published; choose another symbol.`);
      const contents = await this.drafts.contents(draftId, m);
      if (!contents) throw notFound('draft', draftId);
      const snapshot = buildDraftView(contents);
      const classification = classify(snapshot);
      const { phase } = await this.workflow.get(m, draftId);
      const id = await this.versions.insert(m, { draftId, number, name, symbol, phase, classification, snapshot, publishedBy: actor.userId });
      const row = await this.versions.find(m, id);
      if (!row) throw notFound('version', id);
      const view = summary(row);
      await this.audit.record(m, actor, { action: 'version.publish', targetType: 'version', targetId: id, draftId, after: view });
      return view;
    });
    this.events.emit({ type: 'draft.changed', draftId, action: 'version.publish', actor });
    this.live.emit(draftId, LIVE_EVENTS.versionPublished, version);
    return version;
  }

  async list(actor: Actor, draftId: string): Promise<VersionSummary[]> {
    await this.readableDraft(actor, draftId);
    return (await this.versions.list(this.db.manager, draftId)).map(summary);
  }

  async get(actor: Actor, versionId: string): Promise<VersionSummary & { snapshot: DraftView }> {
    const m = this.db.manager;
    const row = await this.versions.find(m, versionId);
    const draft = row ? await this.drafts.find(row.draftId, m) : null;
    const snapshot = row ? await this.versions.snapshot(m, versionId) : null;
    if (!row || !canRead(actor, draft) || !snapshot) throw notFound('version', versionId);
    return { ...summary(row), snapshot };
  }

  /** `from` and `to` are version ids of this draft, or "live" for the draft as it stands. */
  async redline(actor: Actor, draftId: string, from: string, to: string): Promise<DraftRedline> {
    const draft = await this.readableDraft(actor, draftId);
    const [fromSide, fromSnapshot] = await this.side(draft, from);
    const [toSide, toSnapshot] = await this.side(draft, to);
    return redlineDrafts(fromSide, fromSnapshot, toSide, toSnapshot);
  }

  async consensus(actor: Actor, draftId: string): Promise<ConsensusDraft> {
    await this.readableDraft(actor, draftId);
    await this.silence.settleDue(draftId);
    return buildConsensusDraft(await this.liveView(draftId));
  }

  private async side(draft: DraftRow, ref: string): Promise<[RedlineSide, DraftView]> {
    if (ref === LIVE_SIDE) {
      return [{ id: LIVE_SIDE, name: 'Live draft', symbol: draft.symbol }, await this.liveView(draft.id)];
    }
    const m = this.db.manager;
    const row = await this.versions.find(m, ref);
    const snapshot = row?.draftId === draft.id ? await this.versions.snapshot(m, ref) : null;
    if (!row || !snapshot) throw notFound('version of this draft', ref);
    return [{ id: row.id, name: row.name, symbol: row.symbol }, snapshot];
  }

  private async liveView(draftId: string): Promise<DraftView> {
    const contents = await this.drafts.contents(draftId);
    if (!contents) throw notFound('draft', draftId);
    return buildDraftView(contents);
  }

  private async readableDraft(actor: Actor, draftId: string): Promise<DraftRow> {
    const draft = await this.drafts.find(draftId);
    if (!canRead(actor, draft)) throw notFound('draft', draftId);
    return draft;
  }

  private async lockDraft(m: EntityManager, actor: Actor, draftId: string): Promise<DraftRow> {
    const draft = await this.drafts.lock(m, draftId);
    if (!canRead(actor, draft)) throw notFound('draft', draftId);
    return draft;
  }
}

import { Logger } from '@nestjs/common';
import { COLLAB_DOC, PARAGRAPH_FIELDS, ProjectedBracket, projectDelta } from '@omnibus/shared';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { MUTABLE_STATUSES } from '../access/access.policy';
import { toActor, type Actor } from '../auth/actor';
import { retryTransaction } from '../database/transaction-retry';
import { ancestorOf } from './paragraph-source';
import type { ProjectionRepository } from './projection.repository';
import type { Room } from './room';
import type { RoomDeps } from './room-deps';
import { deltaNow } from './text-runs';
import { collabJob } from './collab-metrics';
import type { Histogram } from '../metrics/metrics.registry';
import type { YMap, YText } from './yjs';

interface Dirty {
  editors: Map<string, Actor>;
  /** When it may be projected (performance.now()): at once for this instance's edits, later for another's. */
  due: number;
}

/** How long a paragraph another instance edited waits before this one projects it (that instance normally does, with its editors). */
const REMOTE_GRACE_MS = 3_000;

/** How long before a paragraph whose text could not be projected is tried again. */
const UNPROJECTABLE_RETRY_MS = 10_000;

interface Snapshot {
  base: string;
  brackets: ProjectedBracket[];
  rev: number;
}

/**
 * Projects the live text of edited paragraphs into the paragraph and amendment tables (for caps,
 * search, exports and the REST API), off the hot path: at most once a second per room, in one
 * transaction with an audit entry per paragraph. A paragraph the API changed since the document
 * last agreed with the database is not written over: it is reconciled into the document first.
 *
 * When nothing is left to project it records how far the tables are up to date
 * (`collab_document.projected_seq`); a draft whose stored document is ahead of that mark after a
 * crash is projected in full when the server starts or the room loads.
 */
export class Projector {
  private readonly logger = new Logger('CollabProjection');
  private dirty = new Map<string, Dirty>();
  private readonly actors = new Map<string, Actor>();
  private running: Promise<void> | null = null;
  private projectedUpTo = 0;
  private readonly roundTime: Histogram;

  constructor(
    private readonly room: Room,
    private readonly deps: RoomDeps,
    private readonly reconcile: (paragraphIds: string[]) => void,
  ) {
    this.roundTime = collabJob(deps.metrics, 'project');
  }

  mark(paragraphId: string, editor: Actor | null, delayMs = 0): void {
    const due = performance.now() + delayMs;
    const d = this.dirty.get(paragraphId) ?? { editors: new Map<string, Actor>(), due };
    d.due = Math.min(d.due, due);
    if (editor) {
      d.editors.set(editor.userId, editor);
      this.actors.set(editor.userId, editor);
    }
    this.dirty.set(paragraphId, d);
  }

  /** Another instance's edit: that instance projects it; this one checks it after a grace period, in case it could not. */
  markLater(paragraphId: string): void {
    this.mark(paragraphId, null, REMOTE_GRACE_MS);
  }

  /** Every paragraph of the document, for a full comparison with the tables. */
  markAll(): void {
    for (const id of this.room.live.getMap<unknown>(COLLAB_DOC.paragraphs).keys()) this.mark(id, null);
  }

  /** Paragraphs still waiting to be projected. */
  get pending(): number {
    return this.dirty.size;
  }

  run(): Promise<void> {
    if (this.running) return this.running;
    if (this.dirty.size === 0) return this.recordProjected();
    this.running = this.runOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private snapshot(paragraphId: string): Snapshot | null {
    const p = this.room.live.getMap<unknown>(COLLAB_DOC.paragraphs).get(paragraphId) as YMap<unknown> | undefined;
    if (!p) return null;
    const projected = projectDelta(deltaNow(p.get(PARAGRAPH_FIELDS.text) as YText));
    if (!projected.ok) {
      this.logger.error(`draft ${this.room.draftId}: paragraph ${paragraphId} cannot be projected: ${projected.problem}`);
      return null;
    }
    return { base: projected.base, brackets: projected.brackets, rev: (p.get(PARAGRAPH_FIELDS.rev) as number | undefined) ?? 0 };
  }

  /**
   * Nothing waits to be projected and no round is under way: every batch committed so far is in the
   * tables. Each batch that changes a paragraph marks it in the same turn as it commits (this
   * instance's on commit, another's when it arrives), and a mark leaves only once projected, so an
   * empty set proves it; batches that changed no paragraph's words need nothing.
   */
  private async recordProjected(): Promise<void> {
    const upTo = this.room.seqs.contiguous;
    if (upTo <= this.projectedUpTo) return;
    try {
      await this.deps.docs.markProjected(this.room.draftId, upTo);
      this.projectedUpTo = Math.max(this.projectedUpTo, upTo);
    } catch (err) {
      // Harmless: the draft is projected in full once more on the next start.
      this.logger.warn(`draft ${this.room.draftId}: recording how far the projection went failed: ${String(err)}`);
    }
  }

  private async runOnce(): Promise<void> {
    const now = performance.now();
    const batch = new Map<string, Dirty>();
    for (const [id, d] of this.dirty) {
      if (d.due > now) continue;
      batch.set(id, d);
      this.dirty.delete(id);
    }
    if (batch.size === 0) return;
    const snapshots = new Map<string, Snapshot>();
    for (const id of batch.keys()) {
      const s = this.snapshot(id);
      if (s) snapshots.set(id, s);
      // It stays marked (and the tables' mark where it is) until it can be projected.
      else if (this.room.live.getMap<unknown>(COLLAB_DOC.paragraphs).has(id)) this.mark(id, null, UNPROJECTABLE_RETRY_MS);
    }
    const ids = [...snapshots.keys()].sort();
    let outcome: Outcome = { stale: [], retry: [], written: [] };
    if (ids.length > 0) {
      try {
        const started = performance.now();
        outcome = await retryTransaction(this.deps.db, (m) => this.write(m, ids, snapshots, batch));
        this.roundTime.observe(performance.now() - started);
      } catch (err) {
        for (const [id, d] of batch) {
          this.mark(id, null);
          for (const e of d.editors.values()) this.mark(id, e);
        }
        this.logger.warn(`draft ${this.room.draftId}: projection failed, will retry: ${String(err)}`);
        return;
      }
    }
    for (const id of outcome.retry) {
      this.mark(id, null, this.deps.config.projectEveryMs);
      for (const e of batch.get(id)?.editors.values() ?? []) this.mark(id, e, this.deps.config.projectEveryMs);
    }
    if (outcome.stale.length > 0) {
      for (const id of outcome.stale) this.mark(id, null);
      this.reconcile(outcome.stale);
    }
    for (const id of outcome.written) {
      this.deps.events.emit({ type: 'paragraph.changed', draftId: this.room.draftId, paragraphId: id, action: 'paragraph.coedit', actor: null });
    }
  }

  /** One transaction: lock, compare with what the document last agreed with, write the differences in a few statements. */
  private async write(m: EntityManager, ids: string[], snapshots: Map<string, Snapshot>, batch: Map<string, Dirty>): Promise<Outcome> {
    const { draftId, committeeId } = this.room;
    const repo = this.deps.projection;
    const outcome: Outcome = { stale: [], retry: [], written: [] };
    const rows = await repo.lockParagraphs(m, ids);
    await repo.lockAmendmentsAndSponsors(m, ids);
    const agreed = await repo.lock(m, ids);
    const fingerprints = await repo.fingerprints(m, draftId, ids);
    const amendments = new Map((await repo.amendments(m, ids)).map((a) => [a.id, a]));
    const newIds = [...snapshots.values()].flatMap((s) => s.brackets.map((b) => b.id)).filter((id) => !amendments.has(id));
    const claims = await repo.claims(m, newIds);
    const texts: { id: string; text: string }[] = [];
    const updates: { id: string; start: number; end: number; text: string }[] = [];
    const inserts: Parameters<ProjectionRepository['insertAmendments']>[2] = [];
    const audits: { actor: Actor | null; entry: Parameters<AuditService['record']>[2] }[] = [];
    for (const row of rows) {
      const snap = snapshots.get(row.id)!;
      const agreement = agreed.get(row.id);
      if (!agreement || agreement.fingerprint !== fingerprints.get(row.id)) {
        outcome.stale.push(row.id);
        continue;
      }
      // The document has not yet received the server's last merge into this paragraph (another instance made it): later.
      if (snap.rev < agreement.rev) {
        outcome.retry.push(row.id);
        continue;
      }
      if (!MUTABLE_STATUSES.includes(row.status)) continue;
      const textChanged = row.text !== snap.base;
      if (textChanged) texts.push({ id: row.id, text: snap.base });
      // The history keeps what changed: the base text if it did, and the brackets whose words or range moved.
      const touched: ProjectedBracket[] = [];
      for (const b of snap.brackets) {
        const existing = amendments.get(b.id);
        if (existing) {
          if (existing.status !== 'proposed' || existing.paragraphId !== row.id) continue;
          if (existing.start !== b.start || existing.end !== b.end || existing.text !== b.text) {
            updates.push({ id: b.id, start: b.start, end: b.end, text: b.text });
            touched.push(b);
          }
          continue;
        }
        const claim = claims.get(b.id);
        if (!claim) {
          // The batch that created it is not committed yet: next round.
          outcome.retry.push(row.id);
          continue;
        }
        inserts.push({ ...b, paragraphId: row.id, proposerDelegationId: claim.delegationId, createdBy: claim.userId });
        audits.push({ actor: await this.actorOf(claim.userId), entry: { action: 'amendment.create', targetType: 'amendment', targetId: b.id, draftId, after: { ...b, live: true } } });
        touched.push(b);
      }
      if (!textChanged && touched.length === 0) continue;
      const editors = [...(batch.get(row.id)?.editors.values() ?? [])];
      const ids = new Set(touched.map((b) => b.id));
      const before = { ...(textChanged ? { text: row.text } : {}), amendments: [...amendments.values()].filter((a) => ids.has(a.id)).map(({ id, kind, start, end, text }) => ({ id, kind, start, end, text })) };
      const after = { ...(textChanged ? { text: snap.base } : {}), amendments: touched, editors: editors.map((e) => ({ username: e.username, delegation: e.delegationCode })) };
      audits.push({ actor: editors.length === 1 ? (editors[0] as Actor) : null, entry: { action: 'paragraph.coedit', targetType: 'paragraph', targetId: row.id, draftId, before, after } });
      outcome.written.push(row.id);
    }
    await repo.setParagraphTexts(m, texts);
    await repo.updateAmendments(m, updates);
    await repo.insertAmendments(m, draftId, inserts);
    await this.deps.audit.recordMany(m, audits, committeeId);
    const after = await repo.fingerprints(m, draftId, outcome.written);
    await repo.saveAll(
      m,
      draftId,
      outcome.written.map((id) => {
        const snap = snapshots.get(id)!;
        return { paragraphId: id, fingerprint: after.get(id) ?? '', ancestor: ancestorOf(snap.base, snap.brackets), rev: snap.rev };
      }),
    );
    return outcome;
  }

  /** The account behind a live bracket, for the audit trail, even when it is no longer connected. */
  private async actorOf(userId: string): Promise<Actor | null> {
    const cached = this.actors.get(userId);
    if (cached) return cached;
    const user = await this.deps.users.findById(userId);
    if (!user) return null;
    const actor = toActor(user);
    this.actors.set(userId, actor);
    return actor;
  }
}

interface Outcome {
  stale: string[];
  retry: string[];
  written: string[];
}

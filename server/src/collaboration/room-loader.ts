import { randomBytes } from 'node:crypto';
import { AppError } from '../common/app-error';
import { retryTransaction } from '../database/transaction-retry';
import { buildDoc } from './doc-builder';
import { ancestorOf, paragraphSources } from './paragraph-source';
import { Room } from './room';
import type { RoomDeps } from './room-deps';
import { Y } from './yjs';

/**
 * Creates a draft's live document from its paragraphs: soon after the draft is made or first
 * changed (see CollabService.prepareSoon), or else when someone first opens it. Two instances or
 * callers racing here both build one, but only the first stored snapshot counts: the other reads it
 * back, so no paragraph is ever written into the document twice.
 */
export async function createDocument(draftId: string, deps: RoomDeps): Promise<void> {
  await retryTransaction(
    deps.db,
    async (m) => {
      const contents = await deps.drafts.contents(draftId, m);
      if (!contents) throw new AppError('not_found', `No draft with id "${draftId}" exists, or you may not see it.`);
      const sources = paragraphSources(contents);
      const doc = buildDoc(contents, sources);
      const created = await deps.docs.create(m, draftId, Y.encodeStateAsUpdate(doc));
      doc.destroy();
      if (!created) return;
      const fingerprints = await deps.projection.fingerprints(m, draftId, null);
      await deps.projection.saveAll(
        m,
        draftId,
        [...sources.values()].map((src) => ({ paragraphId: src.id, fingerprint: fingerprints.get(src.id) ?? '', ancestor: ancestorOf(src.text, src.open), rev: 0 })),
      );
    },
    { isolation: 'REPEATABLE READ' },
  );
}

/** Loads (creating if need be) a draft's live document: snapshot plus every later batch, applied to one Y.Doc. */
export async function loadRoom(draftId: string, committeeId: string, deps: RoomDeps, onIdle: (room: Room) => void): Promise<Room> {
  const m = deps.db.manager;
  const writerKey = `room-${randomBytes(16).toString('base64url')}`;
  // Three reads and the room's writer id at once: everyone opening a closed draft waits for them.
  const [first, delegationRows, amendmentIds, writer] = await Promise.all([
    deps.docs.load(draftId),
    deps.delegations.forCommittee(committeeId, m),
    deps.projection.allAmendmentIds(m, draftId),
    deps.writers.forRoom(draftId, writerKey),
  ]);
  let stored = first;
  if (!stored) {
    await createDocument(draftId, deps);
    stored = await deps.docs.load(draftId);
  }
  if (!stored) throw new Error(`draft ${draftId} has no live document after creating it`);
  const live = new Y.Doc({ gc: true });
  // One transaction for the snapshot and every row: Yjs cleans up and merges once, not once per row.
  live.transact(() => {
    if (stored.snapshot) Y.applyUpdate(live, stored.snapshot);
    for (const row of stored.updates) Y.applyUpdate(live, row.update);
  });
  const delegations = new Map(delegationRows.map((d) => [d.code, { id: d.id, name: d.name }]));
  const known = new Set(amendmentIds);
  const room = new Room(draftId, committeeId, live, stored.headSeq, delegations, known, deps, onIdle);
  const id = writer ? await deps.writers.holdForRoom(room, writer, writerKey) : null;
  if (id !== null) room.useWriter(id, writerKey);
  // Changes made through the API while no one had the draft open.
  room.store.reconcile(null);
  // Acknowledged text the tables may lack (a crash came before its projection): compare every paragraph.
  if (stored.projectedSeq < stored.headSeq) room.store.projectAllSoon();
  return room;
}

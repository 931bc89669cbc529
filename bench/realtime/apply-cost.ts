/**
 * `npm run bench:apply`: what an editor's copy of the draft spends applying the room's batches,
 * by how many Yjs client ids wrote the draft's text when its document was built (`buildDoc`).
 * The 130-paragraph draft of bench:realtime's size; batches as the server sends them (one merged
 * update per batch, one keystroke from each of several editors at random places); a receiving copy
 * with an `update` listener, as every provider has. Prints ms per batch, medians of 3 runs.
 */
import type { DraftContents } from '../../server/src/drafts/drafts.repository';
import { buildDoc, TEXT_AUTHORS } from '../../server/src/collaboration/doc-builder';
import type { ParagraphSource } from '../../server/src/collaboration/paragraph-source';
import { paragraphText } from '../../test/support/collab-client';
import { percentile } from '../decision/stats';
import { Y } from './libs';

const PARAGRAPHS = 130;
const WORDS = 'to strengthen cooperation among member states in the prevention of terrorism and its financing ';
const contents = { draft: { id: 'bench', symbol: 'CP/CSH-1', title: 'Draft' }, sections: [], paragraphs: [], amendments: [], sponsorships: [] } as unknown as DraftContents;
const sources = new Map<string, ParagraphSource>(
  Array.from({ length: PARAGRAPHS }, (_, i) => {
    const text = WORDS.repeat(8).slice(0, 690);
    return [`p${i}`, { id: `p${i}`, sectionId: 's', label: String(i + 1), kind: 'substantive', status: 'pending', origin: 'chair', text, literals: null, sponsors: [], open: [], statuses: new Map() }];
  }),
);

/** `count` batches of `perBatch` keystrokes by `editors` editors, as merged updates. */
function batches(initial: Uint8Array, editors: number, perBatch: number, count: number): Uint8Array[] {
  // One copy types for every editor in turn, under each editor's own client id.
  const typist = new Y.Doc();
  Y.applyUpdate(typist, initial);
  const ids = Array.from({ length: editors }, (_, i) => 1_000_000 + i);
  const out: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  typist.on('update', (u: Uint8Array) => pending.push(u));
  for (let b = 0; b < count; b++) {
    for (let k = 0; k < perBatch; k++) {
      typist.clientID = ids[Math.floor(Math.random() * editors)] as number;
      const text = paragraphText(typist, `p${Math.floor(Math.random() * PARAGRAPHS)}`);
      text.insert(Math.floor(Math.random() * (text.length + 1)), 'a');
    }
    out.push(Y.mergeUpdates(pending));
    pending = [];
  }
  return out;
}

function applyAll(initial: Uint8Array, all: Uint8Array[]): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initial);
  // Every provider listens for updates, which makes Yjs encode one per transaction.
  doc.on('update', () => undefined);
  const t0 = performance.now();
  for (const u of all) Y.applyUpdate(doc, u);
  return (performance.now() - t0) / all.length;
}

const scenarios = [
  { editors: 35, perBatch: 4, count: 3000 },
  { editors: 140, perBatch: 32, count: 1000 },
  { editors: 210, perBatch: 48, count: 1000 },
];
const writerCounts = [1, TEXT_AUTHORS, PARAGRAPHS];
console.log(`A copy of the draft (${PARAGRAPHS} paragraphs) applying the room's batches: ms per batch, median of 3 runs.\n`);
console.log(`| editors, keystrokes per batch, batches | ${writerCounts.map((w) => `${w} writer${w > 1 ? 's' : ''}${w === TEXT_AUTHORS ? ' (buildDoc)' : ''}`).join(' | ')} |`);
console.log(`| --- | ${writerCounts.map(() => '---').join(' | ')} |`);
for (const s of scenarios) {
  const cells = writerCounts.map((w) => {
    const doc = buildDoc(contents, sources, w);
    const initial = Y.encodeStateAsUpdate(doc);
    const all = batches(initial, s.editors, s.perBatch, s.count);
    return percentile([0, 1, 2].map(() => applyAll(initial, all)), 50).toFixed(3);
  });
  console.log(`| ${s.editors}, ${s.perBatch}, ${s.count} | ${cells.join(' | ')} |`);
}

/**
 * A draft negotiated over weeks: every page load that typed wrote under a client id of its own, and
 * Yjs keeps them all (each transaction builds the state vector twice, one entry per id). The copy
 * has `past` such ids (one keystroke each) before the room's 35 editors type; what one keystroke's
 * update then costs a copy to apply (the server's shadow judges each one this way).
 */
function withPastWriters(past: number): { initial: Uint8Array; ids: number } {
  const doc = buildDoc(contents, sources);
  for (let i = 0; i < past; i++) {
    doc.clientID = 2_000_000 + i;
    const text = paragraphText(doc, `p${i % PARAGRAPHS}`);
    text.insert(Math.floor(Math.random() * (text.length + 1)), 'a');
  }
  return { initial: Y.encodeStateAsUpdate(doc), ids: doc.store.clients.size };
}

const pastCounts = [0, 500, 2000, 5000];
console.log(`\nOne keystroke's update applied to a copy whose text earlier page loads also wrote (35 editors, 3,000 keystrokes): ms per update, median of 3 runs.\n`);
const cells = pastCounts.map((past) => {
  const { initial, ids } = withPastWriters(past);
  const all = batches(initial, 35, 1, 3000);
  return { ids, ms: percentile([0, 1, 2].map(() => applyAll(initial, all)), 50).toFixed(3) };
});
console.log(`| ${cells.map((c) => `${c.ids} client ids`).join(' | ')} |`);
console.log(`| ${cells.map(() => '---').join(' | ')} |`);
console.log(`| ${cells.map((c) => c.ms).join(' | ')} |`);

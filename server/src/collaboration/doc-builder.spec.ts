import { BracketInput, COLLAB_DOC, projectDelta } from '@omnibus/shared';
import { paragraphText } from '../../../test/support/collab-client';
import type { DraftContents } from '../drafts/drafts.repository';
import { buildDoc, TEXT_AUTHORS } from './doc-builder';
import type { ParagraphSource } from './paragraph-source';
import { deltaNow } from './text-runs';
import { Y, type YText } from './yjs';

const contents = { draft: { id: 'd1', symbol: 'CP/CSH-1', title: 'Draft resolution' }, sections: [], paragraphs: [], amendments: [], sponsorships: [] } as unknown as DraftContents;

function source(i: number): ParagraphSource {
  const text = `To request the General Secretariat to report on item ${i} before the next regular session.`;
  const open: BracketInput[] = i % 3 === 0 ? [{ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, kind: 'insert', start: 11, end: 11, text: 'kindly ', sponsors: ['MEX'], alternativeGroup: null, alternativeNumber: null }] : [];
  return { id: `p${i}`, sectionId: 's1', label: String(i), kind: 'substantive', status: 'pending', origin: 'chair', text, literals: null, sponsors: [], open, statuses: new Map(open.map((a) => [a.id, 'proposed'])) };
}

const sources = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`p${i}`, source(i)] as const));

/** The client ids that wrote a text's characters. */
function writers(text: YText): Set<number> {
  const ids = new Set<number>();
  for (let item = text._start; item; item = item.right) ids.add(item.id.client);
  return ids;
}

describe('buildDoc', () => {
  it('holds every paragraph as the database has it, its brackets included', () => {
    const src = sources(40);
    const doc = buildDoc(contents, src);
    for (const s of src.values()) {
      const p = projectDelta(deltaNow(paragraphText(doc, s.id)));
      if (!p.ok) throw new Error(p.problem);
      expect(p.base).toBe(s.text);
      expect(p.brackets.map((b) => [b.id, b.start, b.text])).toEqual(s.open.map((b) => [b.id, b.start, b.text]));
    }
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    for (const name of [COLLAB_DOC.meta, COLLAB_DOC.sections, COLLAB_DOC.paragraphs]) expect(copy.getMap(name).toJSON()).toEqual(doc.getMap(name).toJSON());
  });

  it('deals the paragraphs’ text to several writers, none of them the document’s own id', () => {
    const doc = buildDoc(contents, sources(40));
    const all = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const w = writers(paragraphText(doc, `p${i}`));
      expect(w.size).toBe(1);
      for (const id of w) all.add(id);
    }
    expect(all.size).toBe(TEXT_AUTHORS);
    expect(all.has(doc.clientID)).toBe(false);
    // The structure (maps, fields) stays the document's own.
    expect(doc.store.clients.has(doc.clientID)).toBe(true);
    expect(doc.store.clients.size).toBe(TEXT_AUTHORS + 1);
  });

  it('gives a short draft one writer per paragraph', () => {
    const doc = buildDoc(contents, sources(3));
    expect(doc.store.clients.size).toBe(4);
  });
});

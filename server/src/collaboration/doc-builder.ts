import { COLLAB_DOC, PARAGRAPH_FIELDS, SectionInfo, deltaFromBrackets, encodeSponsors } from '@omnibus/shared';
import type { DraftContents } from '../drafts/drafts.repository';
import type { ParagraphSource } from './paragraph-source';
import { Y, type Doc, type YMap } from './yjs';

export function sectionInfos(c: DraftContents): Map<string, SectionInfo> {
  return new Map(c.sections.map((s) => [s.id, { kind: s.kind, key: s.key, title: s.title, position: s.position }]));
}

/** The paragraph's metadata fields as the document holds them. */
export function paragraphFields(src: ParagraphSource): Record<string, unknown> {
  return {
    [PARAGRAPH_FIELDS.label]: src.label,
    [PARAGRAPH_FIELDS.sectionId]: src.sectionId,
    [PARAGRAPH_FIELDS.kind]: src.kind,
    [PARAGRAPH_FIELDS.status]: src.status,
    [PARAGRAPH_FIELDS.origin]: src.origin,
    [PARAGRAPH_FIELDS.sponsors]: encodeSponsors(src.sponsors),
    [PARAGRAPH_FIELDS.literals]: src.literals,
  };
}

/** Adds a paragraph the document does not hold yet; call inside a transaction. */
export function addParagraph(paragraphs: YMap<unknown>, src: ParagraphSource): void {
  const map = new Y.Map<unknown>();
  paragraphs.set(src.id, map);
  for (const [k, v] of Object.entries(paragraphFields(src))) map.set(k, v);
  map.set(PARAGRAPH_FIELDS.rev, 0);
  const text = new Y.Text();
  map.set(PARAGRAPH_FIELDS.text, text);
  text.applyDelta(deltaFromBrackets(src.text, src.open));
}

/** A fresh document holding the draft as the database has it. */
export function buildDoc(c: DraftContents, sources: Map<string, ParagraphSource>): Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = doc.getMap<unknown>(COLLAB_DOC.meta);
    meta.set('draftId', c.draft.id);
    meta.set('symbol', c.draft.symbol);
    meta.set('title', c.draft.title);
    const sections = doc.getMap<unknown>(COLLAB_DOC.sections);
    for (const [id, info] of sectionInfos(c)) sections.set(id, info);
    const paragraphs = doc.getMap<unknown>(COLLAB_DOC.paragraphs);
    for (const src of sources.values()) addParagraph(paragraphs, src);
  });
  return doc;
}

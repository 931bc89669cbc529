import { COLLAB_DOC, PARAGRAPH_FIELDS, SectionInfo, deltaFromBrackets, encodeSponsors } from '@omnibus/shared';
import type { DraftContents } from '../drafts/drafts.repository';
import type { ParagraphSource } from './paragraph-source';
import { randomInt } from 'node:crypto';
import { Y, type Doc, type YMap, type YText } from './yjs';

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

/** Adds a paragraph the document does not hold yet, its text still empty; call inside a transaction. */
function addParagraphMap(paragraphs: YMap<unknown>, src: ParagraphSource): YText {
  const map = new Y.Map<unknown>();
  paragraphs.set(src.id, map);
  for (const [k, v] of Object.entries(paragraphFields(src))) map.set(k, v);
  map.set(PARAGRAPH_FIELDS.rev, 0);
  const text = new Y.Text();
  map.set(PARAGRAPH_FIELDS.text, text);
  return text;
}

/** Adds a paragraph the document does not hold yet; call inside a transaction. */
export function addParagraph(paragraphs: YMap<unknown>, src: ParagraphSource): void {
  addParagraphMap(paragraphs, src).applyDelta(deltaFromBrackets(src.text, src.open));
}

/**
 * How many Yjs client ids write the paragraphs' text when a document is built (paragraphs dealt to
 * them in turn). Yjs keeps each client's pieces of text in one array, and every character typed into
 * text a client wrote splits one of its pieces with an insertion into the middle of that array: with
 * the whole draft written by one client, that array grows by one entry per edit, and in a room of
 * 140 editors the cost of those insertions was a third of what every editor's copy spent applying
 * the room's changes (and as much in the server's two copies). Dealt to 16 ids, each array is a
 * sixteenth as long; more ids would lengthen the state vector every transaction walks
 * (`npm run bench:apply` measures it).
 */
export const TEXT_AUTHORS = 16;

/** A fresh document holding the draft as the database has it (`authors`: see TEXT_AUTHORS). */
export function buildDoc(c: DraftContents, sources: Map<string, ParagraphSource>, authors = TEXT_AUTHORS): Doc {
  const doc = new Y.Doc();
  const own = doc.clientID;
  const texts: [YText, ParagraphSource][] = [];
  doc.transact(() => {
    const meta = doc.getMap<unknown>(COLLAB_DOC.meta);
    meta.set('draftId', c.draft.id);
    meta.set('symbol', c.draft.symbol);
    meta.set('title', c.draft.title);
    const sections = doc.getMap<unknown>(COLLAB_DOC.sections);
    for (const [id, info] of sectionInfos(c)) sections.set(id, info);
    const paragraphs = doc.getMap<unknown>(COLLAB_DOC.paragraphs);
    for (const src of sources.values()) texts.push([addParagraphMap(paragraphs, src), src]);
  });
  const writers = textAuthors(Math.min(authors, texts.length), own);
  writers.forEach((writer, i) => {
    doc.clientID = writer;
    doc.transact(() => {
      for (let j = i; j < texts.length; j += writers.length) {
        const [text, src] = texts[j] as [YText, ParagraphSource];
        text.applyDelta(deltaFromBrackets(src.text, src.open));
      }
    });
  });
  doc.clientID = own;
  return doc;
}

/** `n` distinct random client ids, none of them `taken`. */
function textAuthors(n: number, taken: number): number[] {
  const ids = new Set<number>([taken]);
  while (ids.size < n + 1) ids.add(randomInt(1, 2 ** 31));
  ids.delete(taken);
  return [...ids];
}

/**
 * The one step that turns a document built from the original into the same document in another
 * language: each unit (a paragraph's text or chapeau, and its literals) takes its translation's
 * words, and carries the translation's status. A unit with no translation keeps the original's
 * words and is marked `missing`, so a reader never takes untranslated text for a translation.
 */
import { Segment, parseBrackets } from './brackets';
import type { TranslationStatus } from './document-words';
import type { DocModel, DocParagraph } from './export-model';

export interface UnitTranslation {
  /** The paragraph's text (or chapeau) in the document's language, in bracket notation for a compilation. */
  text: string;
  /** The literals' texts, in order; the original's literals stand where one is absent. */
  literals?: readonly string[];
  /** `current` when the translation was made from the original's current revision, else `outdated`. */
  status: Exclude<TranslationStatus, 'missing'>;
}

function segmentsOf(model: DocModel, text: string): Segment[] {
  if (model.view === 'consensus') return [{ type: 'text', text }];
  const parsed = parseBrackets(text);
  return parsed.ok ? parsed.segments : [{ type: 'text', text }];
}

function translated(model: DocModel, p: DocParagraph, t: UnitTranslation | undefined): DocParagraph {
  if (t === undefined) return { ...p, translationStatus: 'missing' };
  return {
    ...p,
    segments: segmentsOf(model, t.text),
    literals: p.literals.map((l, i) => {
      const text = t.literals?.[i];
      return text === undefined ? l : { ...l, segments: segmentsOf(model, text) };
    }),
    translationStatus: t.status,
  };
}

/**
 * The model with every unit's words in the document's language. `translationOf` answers for a
 * paragraph id; a document in the original language is returned as it is.
 */
export function translateModel(model: DocModel, translationOf: (paragraphId: string) => UnitTranslation | undefined): DocModel {
  if (model.lang === model.original) return model;
  return {
    ...model,
    sections: model.sections.map((s) => ({ ...s, paragraphs: s.paragraphs.map((p) => translated(model, p, translationOf(p.id))) })),
  };
}

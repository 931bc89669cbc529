import {
  type DraftView,
  type Literal,
  type ParagraphView,
  type Segment,
  type TranslationUnitKind,
  isInPlay,
  parseBrackets,
} from '@omnibus/shared';

/**
 * The translatable units of a draft as it stands, and the pure rules about them: what a unit's
 * original says, whether a translation keeps the original's brackets and sponsors, and the base
 * words of a translated negotiation text.
 */
export interface TranslationUnit {
  kind: TranslationUnitKind;
  id: string;
  paragraphId: string;
  /** How a person finds it: "5 bis", or "7 (CAN)" for an amendment to paragraph 7. */
  label: string;
  /** The original: a paragraph's negotiation text (bracket notation), an amendment's proposed words. */
  text: string;
  literals: Literal[] | null;
}

/**
 * Paragraphs in play, and their open amendments that propose words (a deletion proposes none).
 * With `includeOutOfPlay`, deleted and withdrawn paragraphs too: their translations are kept and
 * shown, though nobody needs to translate them any more.
 */
export function unitsOf(draft: DraftView, includeOutOfPlay = false): TranslationUnit[] {
  const out: TranslationUnit[] = [];
  for (const s of draft.sections) {
    for (const p of s.paragraphs) {
      if (!includeOutOfPlay && !isInPlay(p.status)) continue;
      out.push(paragraphUnit(p));
      for (const a of p.amendments) {
        if (a.status !== 'proposed' || a.kind === 'delete' || a.text.trim() === '') continue;
        out.push({ kind: 'amendment', id: a.id, paragraphId: p.id, label: `${p.label} (${a.sponsors.join(', ')})`, text: a.text, literals: null });
      }
    }
  }
  return out;
}

export function paragraphUnit(p: ParagraphView): TranslationUnit {
  return { kind: 'paragraph', id: p.id, paragraphId: p.id, label: p.label, text: p.compiled, literals: p.kind === 'mandates' ? (p.literals ?? []) : null };
}

/** The text a redline of a unit compares: the text, then each literal on its own line. */
export function unitRedlineText(text: string, literals: readonly Literal[] | null): string {
  return [text, ...(literals ?? []).map((l) => `${l.label}. ${l.text}`)].join('\n');
}

export function sameSource(a: { text: string; literals: readonly Literal[] | null }, b: { text: string; literals: readonly Literal[] | null }): boolean {
  return a.text === b.text && JSON.stringify(a.literals ?? null) === JSON.stringify(b.literals ?? null);
}

/** Each bracket's sponsors in reading order (an alternatives group gives one entry per alternative). */
export function bracketSponsors(segments: readonly Segment[]): string[][] {
  const out: string[][] = [];
  for (const s of segments) {
    switch (s.type) {
      case 'text':
        break;
      case 'insert':
      case 'delete':
      case 'replace':
        out.push([...s.sponsors]);
        break;
      case 'alternatives':
        for (const o of s.options) out.push([...o.sponsors]);
        break;
      default: {
        const unreachable: never = s;
        throw new Error(`unknown segment ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return out;
}

export type BracketCheck =
  | { ok: true; segments: Segment[] }
  | { ok: false; reason: 'malformed'; message: string; offset: number }
  | { ok: false; reason: 'sponsors'; expected: string[][]; found: string[][] };

/**
 * A translation keeps every bracket of the original, in the same order, with the same sponsors:
 * the sponsors are the negotiation's facts, not words to translate.
 */
export function checkBrackets(original: string, translation: string): BracketCheck {
  const parsed = parseBrackets(translation);
  if (!parsed.ok) return { ok: false, reason: 'malformed', message: parsed.error.message, offset: parsed.error.offset };
  const source = parseBrackets(original);
  const expected = source.ok ? bracketSponsors(source.segments) : [];
  const found = bracketSponsors(parsed.segments);
  const same = expected.length === found.length && expected.every((e, i) => e.join(',') === (found[i] ?? []).join(','));
  return same ? { ok: true, segments: parsed.segments } : { ok: false, reason: 'sponsors', expected, found };
}

/**
 * The base words of a negotiation text: what stands outside the brackets plus the words brackets
 * would delete or replace (they are still the text until agreed). A paragraph proposed as one
 * bracket is its whole content.
 */
export function baseWords(segments: readonly Segment[], wholeBracket: boolean): string {
  if (wholeBracket && segments.length === 1 && segments[0]?.type === 'insert') return segments[0].text;
  let out = '';
  for (const s of segments) {
    if (s.type === 'text') out += s.text;
    else if (s.type === 'delete') out += s.text;
    else if (s.type === 'replace') out += s.from;
  }
  return out;
}

// "[CH, MEX y US: …]", "[CH et MEX : …]", "[CH e US: …]": the sponsors as a Spanish, French or
// Portuguese text joins them, read as the notation's "and" so the sponsors are recognised.
const SPONSOR_LIST = /\[((?:[A-Z]{2,4}\s*,\s*)*[A-Z]{2,4})\s+(?:y|et|e)\s+([A-Z]{2,4})\s*:/g;

export function normalizeSponsorConjunctions(text: string): string {
  return text.replace(SPONSOR_LIST, (_, first: string, last: string) => `[${first} and ${last}:`);
}

/** Literal labels must be the original's, in its order: a translation never adds or drops one. */
export function literalsMatch(original: readonly Literal[] | null, translated: readonly { label: string }[] | undefined): boolean {
  if (original === null || original.length === 0) return translated === undefined || translated.length === 0;
  if (translated === undefined) return false;
  return original.length === translated.length && original.every((l, i) => l.label === translated[i]?.label);
}

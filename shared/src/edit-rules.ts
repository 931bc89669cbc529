/**
 * Which words of a paragraph a person may change, given their rights in it: the one statement of
 * the co-editing rules. The server judges every stored edit with it
 * (server/src/collaboration/bracket-rules.ts, rights from its access policy); the live editor
 * judges every keystroke with it before sending (rights from the `actions` the server sent), so a
 * refused edit is stopped before it is typed, without asking the server per key.
 */

/** A person's rights in one paragraph's text. */
export interface EditRights {
  /** The delegation (code) in whose name the person proposes and edits brackets; null for the offices. */
  delegation: string | null;
  /** May change the base text: the Chair's text for the offices, a new paragraph's for its sponsors. */
  base: boolean;
  /** May change the paragraph's text at all: false for observers, translators and closed paragraphs. */
  write: boolean;
}

/** What a run of a paragraph's text is. */
export type TextSpan =
  /** The paragraph's own words. */
  | { kind: 'base' }
  /** Words an amendment proposes, with its sponsors (delegation codes). */
  | { kind: 'bracket'; sponsors: readonly string[] }
  /** Base words an amendment proposes to delete or replace: kept as they are until the chair decides. */
  | { kind: 'marked' };

export type SpanRefusal =
  /** Base words, and the person may not change the base text. */
  | 'base_text'
  /** A bracket the person's delegation does not sponsor. */
  | 'bracket_foreign'
  /** Words a bracket marks for deletion or replacement. */
  | 'marked';

export const BASE_SPAN: TextSpan = { kind: 'base' };

/** Whether the person's delegation sponsors a bracket. */
export function sponsorsBracket(rights: Pick<EditRights, 'delegation'>, sponsors: readonly string[]): boolean {
  return rights.delegation !== null && sponsors.includes(rights.delegation);
}

/** Null when the person may change (or type into) `span`; otherwise why not. */
export function spanRefusal(rights: EditRights, span: TextSpan): SpanRefusal | null {
  switch (span.kind) {
    case 'bracket':
      return sponsorsBracket(rights, span.sponsors) ? null : 'bracket_foreign';
    case 'marked':
      return 'marked';
    case 'base':
      return rights.base ? null : 'base_text';
  }
}

export type NewBracketRefusal =
  /** The person proposes in no delegation's name (an office, an observer). */
  | 'bracket_not_allowed'
  /** A new bracket names sponsors other than the person's delegation alone. */
  | 'bracket_forged';

/** A new bracket is proposed in the person's own delegation's name alone; co-sponsors join by accepting an invitation. */
export function newBracketRefusal(rights: EditRights, sponsors: readonly string[]): NewBracketRefusal | null {
  if (rights.delegation === null) return 'bracket_not_allowed';
  return sponsors.length === 1 && sponsors[0] === rights.delegation ? null : 'bracket_forged';
}

import type { AmendmentStatus, BracketInput, Literal, ParagraphKind, ParagraphOrigin, ParagraphStatus } from '@omnibus/shared';
import { sponsorsOf } from '../drafts/draft-view.builder';
import type { DraftContents } from '../drafts/drafts.repository';

/** A paragraph as the database holds it, in the terms of the live document. */
export interface ParagraphSource {
  id: string;
  sectionId: string;
  label: string;
  kind: ParagraphKind;
  status: ParagraphStatus;
  origin: ParagraphOrigin;
  text: string;
  literals: Literal[] | null;
  sponsors: string[];
  /** Open (proposed) amendments, with the codes of the delegations that accepted to sponsor them. */
  open: BracketInput[];
  /** Every amendment of the paragraph and its status, open or not. */
  statuses: Map<string, AmendmentStatus>;
}

/**
 * What the database said about a paragraph the last time the document and the database agreed:
 * the base of a three-way merge when a change made through the API reaches the live text.
 */
export interface Ancestor {
  base: string;
  amendments: Record<string, string>;
}

export function ancestorOf(base: string, brackets: readonly { id: string; text: string }[]): Ancestor {
  return { base, amendments: Object.fromEntries(brackets.map((a) => [a.id, a.text])) };
}

export function paragraphSources(c: DraftContents): Map<string, ParagraphSource> {
  const accepted = (pred: (s: DraftContents['sponsorships'][number]) => boolean): string[] => sponsorsOf(c.sponsorships.filter(pred)).sponsors;
  const out = new Map<string, ParagraphSource>();
  for (const p of c.paragraphs) {
    const own = c.amendments.filter((a) => a.paragraphId === p.id);
    // A delegation's new paragraph carries other delegations' amendments like any other paragraph.
    const open: BracketInput[] = own
      .filter((a) => a.status === 'proposed')
      .map((a) => ({
        id: a.id,
        kind: a.kind,
        start: a.start,
        end: a.end,
        text: a.text,
        sponsors: accepted((s) => s.amendmentId === a.id),
        alternativeGroup: a.alternativeGroup,
        alternativeNumber: a.alternativeNumber,
      }))
      .filter((a) => a.sponsors.length > 0);
    out.set(p.id, {
      id: p.id,
      sectionId: p.sectionId,
      label: p.label,
      kind: p.kind,
      status: p.status,
      origin: p.origin,
      text: p.text,
      literals: p.literals,
      sponsors: accepted((s) => s.paragraphId === p.id),
      open,
      statuses: new Map(own.map((a) => [a.id, a.status])),
    });
  }
  return out;
}

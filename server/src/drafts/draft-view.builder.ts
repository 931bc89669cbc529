import {
  AmendmentView,
  DraftView,
  ParagraphView,
  SectionView,
  compareLabels,
  compileParagraph,
  evaluateCaps,
  paragraphState,
} from '@omnibus/shared';
import type { AmendmentRow, DraftContents, ParagraphRow, SponsorshipRow } from './drafts.repository';

/** Accepted sponsors and pending invitations, in the order they joined (the proposer first). */
export function sponsorsOf(rows: readonly SponsorshipRow[]): { sponsors: string[]; invited: string[]; requested?: string[] } {
  const ordered = [...rows].sort((a, b) => a.position - b.position);
  // Only a new paragraph receives requests to join its sponsors; other views do not carry the field.
  const requested = ordered.filter((s) => s.status === 'requested').map((s) => s.code);
  return {
    sponsors: ordered.filter((s) => s.status === 'accepted').map((s) => s.code),
    invited: ordered.filter((s) => s.status === 'invited').map((s) => s.code),
    ...(requested.length > 0 ? { requested } : {}),
  };
}

export function buildAmendmentView(a: AmendmentRow, sponsorships: readonly SponsorshipRow[]): AmendmentView {
  return {
    id: a.id,
    paragraphId: a.paragraphId,
    kind: a.kind,
    start: a.start,
    end: a.end,
    text: a.text,
    alternativeGroup: a.alternativeGroup,
    alternativeNumber: a.alternativeNumber,
    ...sponsorsOf(sponsorships.filter((s) => s.amendmentId === a.id)),
    status: a.status,
    createdAt: a.createdAt.toISOString(),
  };
}

export function buildParagraphView(
  p: ParagraphRow,
  position: number,
  amendments: readonly AmendmentRow[],
  sponsorships: readonly SponsorshipRow[],
): ParagraphView {
  const own = amendments.filter((a) => a.paragraphId === p.id).map((a) => buildAmendmentView(a, sponsorships));
  const open = own.filter((a) => a.status === 'proposed');
  const { sponsors, invited, requested } = sponsorsOf(sponsorships.filter((s) => s.paragraphId === p.id));
  const view: ParagraphView = {
    id: p.id,
    sectionId: p.sectionId,
    label: p.label,
    kind: p.kind,
    state: paragraphState(p.origin, open.length),
    status: p.status,
    origin: p.origin,
    position,
    text: p.text,
    sponsors,
    invited,
    ...(requested ? { requested } : {}),
    amendments: own,
    compiled: compileParagraph({ text: p.text, sponsors: p.origin === 'delegation' ? sponsors : [], amendments: open }),
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
  if (p.kind === 'mandates') {
    view.chapeau = p.text;
    view.literals = p.literals ?? [];
  }
  return view;
}

function withReservations(view: ParagraphView, all: DraftContents['reservations']): ParagraphView {
  const own = (all ?? []).filter((r) => r.paragraphId === view.id);
  if (own.length > 0) view.reservations = own.map((r) => ({ delegation: r.delegation, text: r.text, createdAt: r.createdAt.toISOString() }));
  return view;
}

/** Sections in document order, paragraphs in label order within each, and every cap. */
export function buildDraftView(c: DraftContents): DraftView {
  const sections: SectionView[] = c.sections.map((s) => {
    const paragraphs = c.paragraphs
      .filter((p) => p.sectionId === s.id)
      .sort((a, b) => compareLabels(a.label, b.label))
      .map((p, i) => withReservations(buildParagraphView(p, i, c.amendments, c.sponsorships), c.reservations));
    const view: SectionView = { id: s.id, kind: s.kind, key: s.key, title: s.title, position: s.position, paragraphs };
    if (s.areaTitle !== null) view.area = s.areaTitle;
    return view;
  });
  return {
    id: c.draft.id,
    committeeId: c.draft.committeeId,
    title: c.draft.title,
    symbol: c.draft.symbol,
    createdAt: c.draft.createdAt.toISOString(),
    capsConfig: c.draft.caps,
    sections,
    caps: evaluateCaps(c.draft.caps, c.sections, c.paragraphs),
  };
}

import { DEFAULT_CAPS, evaluateCaps } from '@omnibus/shared/caps';
import { compileParagraph } from '@omnibus/shared/compile';
import type { AmendmentView, DraftView, ParagraphActions, ParagraphView, SectionView, UserView } from '@omnibus/shared';

let n = 0;
const uuid = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

export function paragraph(section: Pick<SectionView, 'id'>, label: string, text: string, extra: Partial<ParagraphView> = {}): ParagraphView {
  const sponsors = extra.sponsors ?? [];
  const amendments = extra.amendments ?? [];
  const origin = extra.origin ?? (sponsors.length > 0 ? 'delegation' : 'entity');
  const open = amendments.filter((a) => a.status === 'proposed');
  return {
    id: uuid(),
    sectionId: section.id,
    label,
    kind: 'substantive',
    state: origin === 'delegation' ? 'new' : open.length > 0 ? 'amended' : 'consensus',
    status: 'pending',
    origin,
    position: 0,
    text,
    sponsors,
    invited: [],
    amendments,
    compiled: compileParagraph({ text, sponsors: origin === 'delegation' ? sponsors : [], amendments: open }),
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

export function amendment(p: Pick<ParagraphView, 'id'>, extra: Partial<AmendmentView> & Pick<AmendmentView, 'kind' | 'start' | 'end' | 'sponsors'>): AmendmentView {
  return { id: uuid(), paragraphId: p.id, text: '', alternativeGroup: null, alternativeNumber: null, invited: [], status: 'proposed', createdAt: '2026-01-01T00:00:00.000Z', ...extra };
}

/** What the server would send as a paragraph's `actions`: nothing allowed but what the test names. */
export function allowed(granted: Partial<ParagraphActions> = {}): ParagraphActions {
  return {
    editText: false,
    editBaseText: false,
    amend: false,
    askToCosponsor: false,
    inviteCosponsors: false,
    withdraw: false,
    delete: false,
    restore: false,
    move: false,
    comment: false,
    ...granted,
  };
}

/** The draft as the server would send it to someone allowed `granted` on every paragraph (and nothing on the draft itself). */
export function grantEverywhere(draft: DraftView, granted: Partial<ParagraphActions>): DraftView {
  const actions = allowed(granted);
  return { ...draft, sections: draft.sections.map((s) => ({ ...s, paragraphs: s.paragraphs.map((p) => ({ ...p, actions })) })) };
}

export const CICTE_9 = 'To convene the twenty-second regular session of CICTE in the first half of 2022 or sufficiently in advance of that year\'s regular session of the General Assembly.';

/** A small draft shaped like the seed: an empty preamble, one topic with 2 of 3 places taken, CICTE over its cap at 10/8. */
export function seedLikeDraft(): DraftView {
  const preamble: SectionView = { id: uuid(), kind: 'preamble', key: 'preamble', title: 'Preamble', position: 0, paragraphs: [] };
  const topic: SectionView = {
    id: uuid(),
    kind: 'topic',
    key: 'terrorism-convention',
    title: 'Inter-American Convention against Terrorism',
    area: 'Inter-American Instruments and Institutions',
    position: 1,
    paragraphs: [],
  };
  const cicte: SectionView = { id: uuid(), kind: 'entity', key: 'CICTE', title: 'Inter-American Committee against Terrorism', position: 2, paragraphs: [] };
  const general: SectionView = { id: uuid(), kind: 'general', key: 'general', title: 'General provisions and follow-up', position: 3, paragraphs: [] };
  topic.paragraphs = [paragraph(topic, '1', 'To invite those member states that have not yet done so to consider ratifying the Convention.'), paragraph(topic, '2', 'To convene the first meeting of the States Party.')];
  const labels = ['1', '2', '3', '4', '5', '5 bis', '6', '7', '8', '9'];
  cicte.paragraphs = labels.map((label) =>
    label === '5 bis'
      ? paragraph(cicte, label, 'To endorse the 2021 consensus reports.', { sponsors: ['CH', 'MEX', 'US'] })
      : paragraph(cicte, label, label === '9' ? CICTE_9 : `CICTE paragraph ${label}.`),
  );
  const sections = [preamble, topic, cicte, general];
  return withCaps({ id: uuid(), committeeId: uuid(), title: 'Advancing Hemispheric Security', symbol: 'CP/CSH/xxxx/22', createdAt: '2026-01-01T00:00:00.000Z', capsConfig: DEFAULT_CAPS, sections, caps: [] });
}

/** Recomputes `caps` as the server would after the fixture was changed. */
export function withCaps(draft: DraftView): DraftView {
  const caps = evaluateCaps(
    draft.capsConfig,
    draft.sections,
    draft.sections.flatMap((s) => s.paragraphs),
  );
  return { ...draft, caps };
}

export function section(draft: DraftView, key: string): SectionView {
  const s = draft.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key}`);
  return s;
}

export const MEX: UserView = { id: uuid(), username: 'mex', displayName: 'Delegate of Mexico', role: 'delegate', delegation: 'MEX' };
export const CAN: UserView = { id: uuid(), username: 'can', displayName: 'Delegate of Canada', role: 'delegate', delegation: 'CAN' };
export const OBSERVER: UserView = { id: uuid(), username: 'observer', displayName: 'Observer', role: 'observer', delegation: null };

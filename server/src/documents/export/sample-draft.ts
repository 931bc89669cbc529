import {
  AmendmentView,
  DEFAULT_CAPS,
  DraftView,
  ENTITIES,
  MEMBER_STATES,
  ParagraphView,
  SectionView,
  THEMATIC_AREAS,
  TOPICS,
  compileParagraph,
  evaluateCaps,
  paragraphState,
} from '@omnibus/shared';
import { randomUUID } from 'node:crypto';

const WORDS = (
  'to request the General Secretariat through the Secretariat for Multidimensional Security to continue supporting member states ' +
  'in strengthening national capacities regional cooperation and the exchange of good practices in accordance with national laws ' +
  'and within available resources reporting to the Committee on Hemispheric Security before the fifty-third regular session'
).split(' ');

/** Deterministic, so a benchmark run and a test see the same draft. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)] ?? 'the');
  return out.join(' ');
}

const CODES = MEMBER_STATES.map((m) => m.code);

interface Builder {
  rand: () => number;
  at: string;
}

function paragraph(b: Builder, sectionId: string, label: string, kind: ParagraphView['kind'], text: string, extra: Partial<ParagraphView> = {}): ParagraphView {
  const origin = extra.origin ?? 'chair';
  const amendments = extra.amendments ?? [];
  const sponsors = extra.sponsors ?? [];
  const open = amendments.filter((a) => a.status === 'proposed');
  const view: ParagraphView = {
    id: extra.id ?? randomUUID(),
    sectionId,
    label,
    kind,
    state: paragraphState(origin, open.length),
    status: extra.status ?? 'pending',
    origin,
    position: 0,
    text,
    sponsors,
    invited: [],
    amendments,
    compiled: compileParagraph({ text, sponsors: origin === 'delegation' ? sponsors : [], amendments: open }),
    version: 1,
    updatedAt: b.at,
  };
  if (kind === 'mandates') {
    view.chapeau = text;
    view.literals = extra.literals ?? [];
  }
  return view;
}

function amendment(b: Builder, p: { id: string; text: string }, kind: AmendmentView['kind'], at: number, length: number, text: string, group: string | null = null, n: number | null = null): AmendmentView {
  const code = CODES[Math.floor(b.rand() * CODES.length)] ?? 'MEX';
  return { id: randomUUID(), paragraphId: p.id, kind, start: at, end: at + length, text, alternativeGroup: group, alternativeNumber: n, sponsors: [code], invited: [], status: 'proposed', createdAt: b.at };
}

/** Proposals of every kind on a Chair's paragraph, at word boundaries. */
function amend(b: Builder, p: ParagraphView, variant: number): ParagraphView {
  const space = (from: number) => p.text.indexOf(' ', from);
  const a = space(10);
  const c = space(a + 20);
  const amendments = [
    variant % 4 === 0 ? amendment(b, p, 'insert', a, 0, ' and the Inter-American Defense Board') : null,
    variant % 4 === 1 ? amendment(b, p, 'delete', a, c - a, '') : null,
    variant % 4 === 2 ? amendment(b, p, 'replace', a + 1, c - a - 1, 'the relevant organs') : null,
    ...(variant % 4 === 3 ? ['a', 'b'].map((t, i) => amendment(b, p, 'alternative', a + 1, c - a - 1, `alternative wording ${t}`, 'g', i + 1)) : []),
  ].filter((x): x is AmendmentView => x !== null);
  for (const x of amendments) if (x.alternativeGroup === 'g') x.alternativeGroup = `${p.id}-g`;
  return paragraph(b, p.sectionId, p.label, p.kind, p.text, { id: p.id, origin: p.origin, amendments, status: p.status });
}

/**
 * A full draft at the work plan's caps: 6 preambular paragraphs, 3 substantive + 1 mandates per
 * topic, 8 per entity, 4 general, 130 in all, with new paragraphs in brackets, amendments of every
 * kind, approvals, cross-references and reservations. Used by the export benchmark and tests.
 */
export function sampleDraft(options: { seed?: number; approvedShare?: number } = {}): DraftView {
  const b: Builder = { rand: prng(options.seed ?? 42), at: '2022-03-01T12:00:00.000Z' };
  const approvedShare = options.approvedShare ?? 0.6;
  const status = (): ParagraphView['status'] => (b.rand() < approvedShare ? 'approved' : 'pending');
  const sections: SectionView[] = [];
  const section = (kind: SectionView['kind'], key: string, title: string, area?: string): SectionView => {
    const s: SectionView = { id: randomUUID(), kind, key, title, position: sections.length, paragraphs: [] };
    if (area !== undefined) s.area = area;
    sections.push(s);
    return s;
  };
  const preamble = section('preamble', 'preamble', 'Preamble');
  const openings = ['HAVING SEEN', 'RECALLING', 'REAFFIRMING', 'BEARING IN MIND', 'NOTING', 'CONSIDERING'];
  openings.forEach((o, i) => preamble.paragraphs.push(paragraph(b, preamble.id, String(i + 1), 'preambular', `${o} the ${sentence(b.rand, 60)},`, { status: status() })));
  let variant = 0;
  for (const t of TOPICS) {
    const area = THEMATIC_AREAS.find((a) => a.number === t.area)?.title;
    const s = section('topic', t.key, t.title, area);
    const first = paragraph(b, s.id, '1', 'substantive', `To ${sentence(b.rand, 135)}.`, { status: status() });
    s.paragraphs.push(variant % 3 === 0 ? amend(b, first, variant) : first);
    s.paragraphs.push(paragraph(b, s.id, '2', 'substantive', `To ${sentence(b.rand, 90)}, as set out in paragraph 1.`, { status: status() }));
    const sponsors = [CODES[variant % CODES.length] ?? 'MEX', CODES[(variant + 7) % CODES.length] ?? 'US'];
    s.paragraphs.push(paragraph(b, s.id, '2 bis', 'substantive', `To ${sentence(b.rand, 105)}.`, { origin: 'delegation', sponsors, status: status() }));
    const literals = ['a', 'b', 'c'].map((label) => ({ label, text: `${sentence(b.rand, 30)}, in line with paragraph 2 bis;` }));
    s.paragraphs.push(paragraph(b, s.id, '3', 'mandates', 'To instruct the General Secretariat, through the Secretariat for Multidimensional Security, to:', { literals, status: status() }));
    variant += 1;
  }
  for (const e of ENTITIES) {
    const s = section('entity', e.key, e.name);
    for (let i = 1; i <= 7; i++) {
      const p = paragraph(b, s.id, String(i), 'substantive', `To ${sentence(b.rand, 120)}.`, { origin: 'entity', status: status() });
      s.paragraphs.push(i === 4 ? amend(b, p, variant++) : p);
    }
    s.paragraphs.push(paragraph(b, s.id, '8', 'mandates', `To request the ${e.key} Secretariat to:`, { origin: 'entity', literals: [{ label: 'a', text: sentence(b.rand, 40) }], status: status() }));
  }
  const general = section('general', 'general', 'General provisions and follow-up');
  general.paragraphs.push(paragraph(b, general.id, '1', 'reaffirming', `To reaffirm ${sentence(b.rand, 75)}.`, { status: 'approved' }));
  for (let i = 2; i <= 4; i++) general.paragraphs.push(paragraph(b, general.id, String(i), 'follow_up', `To request ${sentence(b.rand, 75)}.`, { status: status() }));
  const reserved = general.paragraphs[0];
  if (reserved) reserved.reservations = [{ delegation: 'US', text: 'The United States joins consensus on this paragraph on the understanding that it creates no new obligations.', createdAt: b.at }];
  sections.forEach((s) => s.paragraphs.forEach((p, i) => (p.position = i)));
  const all = sections.flatMap((s) => s.paragraphs);
  return {
    id: randomUUID(),
    committeeId: randomUUID(),
    title: 'Advancing Hemispheric Security: A Multidimensional Approach',
    symbol: 'CP/CSH/9999/22 rev. 1',
    createdAt: b.at,
    capsConfig: DEFAULT_CAPS,
    sections,
    caps: evaluateCaps(DEFAULT_CAPS, sections, all),
  };
}

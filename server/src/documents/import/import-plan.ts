import {
  CapParagraph,
  ImportedParagraph,
  ImportedText,
  LIMITS,
  ParagraphKind,
  ParagraphStatus,
  SectionKind,
  checkFit,
  compareLabels,
  describeCap,
  evaluateCaps,
  importLineCounts,
  importWordAccount,
  isInPlay,
  labelBetween,
  parseBrackets,
  parseReservationFootnote,
  paragraphState,
  resolutionText,
  viewOfSubtitle,
} from '@omnibus/shared';
import { amendmentsFromSegments } from './import-amendments';
import type { ImportPlan, PlanOptions, PlanTarget, PlannedHeading, PlannedParagraph } from './import-plan.types';
import { TargetSection, matchSection } from './section-matcher';

function kindFor(section: SectionKind, p: ImportedParagraph, text: string): ParagraphKind {
  switch (section) {
    case 'preamble':
      return 'preambular';
    case 'general':
      return /^to reaffirm\b/i.test(text) ? 'reaffirming' : 'follow_up';
    case 'topic':
    case 'entity':
      return p.literals && p.literals.length > 0 ? 'mandates' : 'substantive';
  }
}

/** The text's own label when free; otherwise (a duplicate, or no label at all) the next one after the section's last. */
function freeLabel(label: string | null, taken: readonly string[]): string {
  if (label !== null && !taken.includes(label)) return label;
  const last = [...taken].sort(compareLabels).at(-1) ?? null;
  return labelBetween(last, null, taken);
}

const textProblem = (text: string, max: number): string | null => {
  const r = resolutionText(max).safeParse(text);
  return r.success ? null : (r.error.issues[0]?.message ?? 'is not valid');
};

class Planner {
  private readonly counted: CapParagraph[];
  private readonly labels = new Map<string, string[]>();
  private readonly codes = new Map<string, string>();

  constructor(
    private readonly parsed: ImportedText,
    private readonly target: PlanTarget,
    private readonly options: PlanOptions,
    private readonly defaultStatus: ParagraphStatus,
  ) {
    this.counted = target.paragraphs.map((p) => ({ id: p.id, sectionId: p.sectionId, kind: p.kind, status: p.status }));
    for (const p of target.paragraphs) this.labels.set(p.sectionId, [...(this.labels.get(p.sectionId) ?? []), p.label]);
    for (const d of target.delegations) {
      for (const c of [d.code, ...d.aliases]) this.codes.set(c.toUpperCase(), d.code);
    }
  }

  /** Why a paragraph has no section: the operative part under the resolving formula, or a heading no section bears. */
  private unplaced(heading: string): string {
    if (heading !== '' && heading === this.parsed.resolvingFormula) return `The operative part ("${heading}") goes to a section you choose: choose its section`;
    if (heading === '' && this.parsed.formula !== undefined) return 'The operative part has no heading: choose its section';
    if (heading === '') return 'It comes before any heading and is not preambular: choose its section';
    return `No section of the draft is called "${heading}": choose its section`;
  }

  section(heading: string, paragraphs: readonly ImportedParagraph[]): TargetSection | null {
    const chosen = this.options.sections.find((s) => s.heading === heading);
    if (chosen) return this.target.sections.find((s) => s.id === chosen.sectionId) ?? null;
    // In a text with a formula the preamble is the formula's section; unnumbered paragraphs elsewhere are operative.
    const onlyPreambular = this.parsed.formula === undefined && paragraphs.length > 0 && paragraphs.every((p) => p.label === null);
    return matchSection(heading, this.target.sections, onlyPreambular);
  }

  private sponsors(codes: readonly string[], errors: string[], what: string): string[] {
    return codes.map((c) => {
      const code = this.codes.get(c.toUpperCase());
      if (!code) errors.push(`${what} names "${c}", which is not a delegation of this committee`);
      return code ?? c;
    });
  }

  /** Each footnote is a delegation's reservation; one that names no delegation of the committee is left out, and said so. */
  private reservations(footnotes: readonly string[], errors: string[], warnings: string[]): PlannedParagraph['reservations'] {
    const out: PlannedParagraph['reservations'] = [];
    for (const note of footnotes) {
      const r = parseReservationFootnote(note);
      const code = r.delegation === null ? undefined : this.codes.get(r.delegation.toUpperCase());
      if (!code) warnings.push(`The footnote "${note.slice(0, 60)}" names no delegation of this committee; it is not imported as a reservation`);
      else if (out.some((x) => x.delegation === code)) warnings.push(`A second reservation of ${code} on one paragraph is not imported`);
      else if (r.text.length > 2000) errors.push(`The reservation of ${code} is longer than 2000 characters`);
      else out.push({ delegation: code, text: r.text });
    }
    return out;
  }

  paragraph(index: number, heading: string, section: TargetSection | null, p: ImportedParagraph): PlannedParagraph {
    const errors: string[] = [];
    const warnings: string[] = [];
    const split = amendmentsFromSegments(p.segments);
    errors.push(...split.errors);
    // The reader keeps a paragraph whose brackets do not parse as plain words; importing it so would bury a proposal.
    const parsed = p.sponsors.length === 0 ? parseBrackets(p.text) : null;
    if (parsed && !parsed.ok) errors.push(parsed.error.message);
    const sponsors = this.sponsors(p.sponsors, errors, 'The paragraph');
    const amendments = split.amendments.map((a) => ({ ...a, sponsors: this.sponsors(a.sponsors, errors, `A ${a.kind} bracket`) }));
    if (amendments.some((a) => a.kind === 'alternative')) {
      // The notation does not say which words alternatives compete for; the chair must know before accepting one.
      warnings.push('Its alternatives do not say which words they would replace: they are recorded at the point after the words before them, so accepting one inserts it there');
    }
    const origin = sponsors.length > 0 ? 'delegation' : this.options.source === 'entity_proposal' ? 'entity' : 'chair';
    const state = paragraphState(origin, amendments.length);
    if (p.state !== undefined && p.state !== state) warnings.push(`The text calls it ${p.state}; as imported it is ${state}`);
    const tooLong = textProblem(split.text, LIMITS.paragraphText);
    if (tooLong) errors.push(`Its text ${tooLong}`);
    if (split.text.trim() === '' && amendments.length === 0) errors.push('It has no text');
    if ((p.literals?.length ?? 0) > LIMITS.literals) errors.push(`It has more than ${LIMITS.literals} literals`);
    for (const l of p.literals ?? []) {
      const bad = textProblem(l.text, LIMITS.literalText);
      if (bad) errors.push(`Literal ${l.label}. ${bad}`);
      const brackets = parseBrackets(l.text);
      if (!brackets.ok) errors.push(`Literal ${l.label}.: ${brackets.error.message}`);
    }
    const reservations = this.reservations(p.footnotes ?? [], errors, warnings);
    const planned: PlannedParagraph = {
      index,
      heading,
      sectionId: section?.id ?? null,
      sectionKey: section?.key ?? null,
      sourceLabel: p.label,
      label: null,
      kind: null,
      origin,
      state,
      status: p.status ?? this.defaultStatus,
      text: split.text,
      literals: p.literals && p.literals.length > 0 ? p.literals.map((l) => ({ ...l })) : null,
      sponsors,
      amendments,
      reservations,
      fits: true,
      cap: null,
      errors,
      warnings,
    };
    if (!section) {
      errors.push(this.unplaced(heading));
      return planned;
    }
    this.place(planned, section, p);
    return planned;
  }

  private place(planned: PlannedParagraph, section: TargetSection, p: ImportedParagraph): void {
    const kind = kindFor(section.kind, p, planned.text);
    planned.kind = kind;
    if (kind !== 'mandates') planned.literals = null;
    if (kind !== 'mandates' && p.literals && p.literals.length > 0) planned.errors.push(`A ${section.kind} section has no mandates paragraph, so its literals have no place`);
    const taken = this.labels.get(section.id) ?? [];
    planned.label = freeLabel(p.label, taken);
    if (p.label !== null && planned.label !== p.label) planned.warnings.push(`Label ${p.label} is taken in ${section.key}; it becomes ${planned.label}`);
    this.labels.set(section.id, [...taken, planned.label]);
    const id = `import-${planned.index}`;
    if (!isInPlay(planned.status)) {
      this.counted.push({ id, sectionId: section.id, kind, status: planned.status });
      return;
    }
    const fit = checkFit(this.target.caps, this.target.sections, this.counted, { sectionId: section.id, kind });
    if (!fit.fits && fit.reason === 'kind_not_allowed') {
      planned.errors.push(`A ${kind} paragraph does not belong in ${section.key} (allowed: ${fit.allowed.join(', ')})`);
      return;
    }
    if (!fit.fits && fit.reason === 'cap_exceeded') {
      planned.fits = false;
      planned.cap = { ...fit.cap, used: fit.cap.used + 1 };
      planned.warnings.push(`Past ${describeCap(fit.cap)}: it would be number ${fit.cap.used + 1}`);
    }
    this.counted.push({ id, sectionId: section.id, kind, status: planned.status });
  }

  caps() {
    return evaluateCaps(this.target.caps, this.target.sections, this.counted);
  }
}

/**
 * What importing a parsed text into a draft would create, paragraph by paragraph, without writing
 * anything: the section each heading goes to, each paragraph's label, kind, state, status,
 * sponsors and amendments, and whether it fits the caps. The commit writes exactly this plan.
 */
export function planImport(parsed: ImportedText, target: PlanTarget, options: PlanOptions): ImportPlan {
  const view = viewOfSubtitle(parsed.subtitle);
  const planner = new Planner(parsed, target, options, view === 'consensus' ? 'approved' : 'pending');
  const headings: PlannedHeading[] = [];
  const paragraphs: PlannedParagraph[] = [];
  for (const s of parsed.sections) {
    const section = planner.section(s.heading, s.paragraphs);
    headings.push({ heading: s.heading, sectionId: section?.id ?? null, sectionKey: section?.key ?? null, sectionTitle: section?.title ?? null, paragraphs: s.paragraphs.length });
    for (const p of s.paragraphs) paragraphs.push(planner.paragraph(paragraphs.length, s.heading, section, p));
  }
  return {
    title: parsed.title,
    symbol: parsed.symbol,
    view,
    source: options.source,
    headings,
    paragraphs,
    problems: parsed.problems,
    formula: parsed.formula ?? null,
    resolvingFormula: parsed.resolvingFormula ?? null,
    adoption: parsed.adoption ?? null,
    metadata: parsed.metadata ?? [],
    lines: parsed.lines ?? [],
    lineCounts: importLineCounts(parsed),
    words: importWordAccount(parsed),
    caps: planner.caps(),
    summary: {
      paragraphs: paragraphs.length,
      amendments: paragraphs.reduce((n, p) => n + p.amendments.length, 0),
      errors: paragraphs.filter((p) => p.errors.length > 0).length,
      overCap: paragraphs.filter((p) => !p.fits).length,
      unmatchedHeadings: headings.filter((h) => h.sectionId === null && h.paragraphs > 0).length,
    },
  };
}


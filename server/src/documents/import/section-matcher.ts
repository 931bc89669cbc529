import { RESOLUTION_FORMULA, SectionKind, isOrganFormula, sectionHeading } from '@omnibus/shared';

export interface TargetSection {
  id: string;
  kind: SectionKind;
  key: string;
  title: string;
}

/** Case, accents, punctuation and spacing never decide whether a heading names a section. */
export function normaliseHeading(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const PREAMBLE_HEADINGS = new Set([normaliseHeading(RESOLUTION_FORMULA), 'preamble', 'preambular paragraphs']);

function names(section: TargetSection): string[] {
  const heading = sectionHeading(section);
  return [section.title, section.key, ...(heading === null ? [] : [heading])].map(normaliseHeading);
}

/**
 * The section a heading of an imported text names, or null. The organ's formula heads the preamble;
 * the text before any heading (heading "") is the preamble when it holds only preambular paragraphs; an entity is also found by its key
 * in parentheses, as in "Inter-American Committee against Terrorism (CICTE)".
 */
export function matchSection(
  heading: string,
  sections: readonly TargetSection[],
  onlyPreambular: boolean,
): TargetSection | null {
  const wanted = normaliseHeading(heading);
  const preamble = sections.find((s) => s.kind === 'preamble') ?? null;
  // The organ's formula heads the preamble in any language: "LA ASAMBLEA GENERAL,", "The Security Council,".
  if (PREAMBLE_HEADINGS.has(wanted) || isOrganFormula(heading) || (wanted === '' && onlyPreambular)) return preamble;
  if (wanted === '') return null;
  const exact = sections.find((s) => names(s).includes(wanted));
  if (exact) return exact;
  const key = /\(([A-Za-z]{2,10})\)\s*$/.exec(heading)?.[1]?.toUpperCase();
  return (key && sections.find((s) => s.kind === 'entity' && s.key.toUpperCase() === key)) || null;
}

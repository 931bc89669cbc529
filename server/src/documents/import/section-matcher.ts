import { DOCUMENT_LANGUAGES, RESOLUTION_FORMULA, SectionKind, entityName, isOrganFormula, sectionHeading, sectionName } from '@omnibus/shared';

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

/** Every heading a section goes by: its title and key, and its heading and name in each of the four languages. */
function names(section: TargetSection): string[] {
  const headings = DOCUMENT_LANGUAGES.flatMap((lang) => [sectionHeading(section, lang), sectionName(section, lang)]);
  return [section.title, section.key, ...headings.filter((h): h is string => h !== null)].map(normaliseHeading);
}

/** The acronyms an entity goes by: its key and its acronym in each language (the IADB is the JID in Spanish). */
function acronyms(section: TargetSection): string[] {
  return [section.key, ...DOCUMENT_LANGUAGES.map((lang) => entityName(section.key, lang)?.acronym ?? section.key)].map((a) => a.toUpperCase());
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
  return (key && sections.find((s) => s.kind === 'entity' && acronyms(s).includes(key))) || null;
}

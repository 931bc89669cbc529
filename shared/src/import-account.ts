/**
 * Accounts for every word of an imported text: stored in a paragraph, or on a line the preview
 * lists (heading, formula, metadata, note, problem). A word in neither would be lost without notice.
 */
import { formatSponsors } from './brackets';
import { ImportedParagraph, ImportedText, LINE_ROLES, LineRole } from './import-text';
import { WordAccount, accountWords, wordsOf } from './import-words';

/** The words a paragraph puts into the draft: its label, its text as written (brackets and sponsors included) and its literals. */
export function paragraphWords(p: ImportedParagraph): string[] {
  const words = [...wordsOf(p.label ?? ''), ...wordsOf(p.text)];
  if (p.sponsors.length > 0) words.push(...wordsOf(formatSponsors(p.sponsors)));
  for (const l of p.literals ?? []) words.push(...wordsOf(l.label), ...wordsOf(l.text));
  return words;
}

const STORED_ROLES: readonly LineRole[] = ['paragraph', 'literal'];

/** Whether a line's words are stored as paragraph text (otherwise the preview lists the line). */
export function isStoredRole(role: LineRole): boolean {
  return STORED_ROLES.includes(role);
}

export function importWordAccount(parsed: ImportedText): WordAccount {
  const lines = parsed.lines ?? [];
  const source = lines.flatMap((l) => wordsOf(l.text));
  // Words as the source printed them: renumbering into section labels changes numbers, not words kept.
  const stored = (parsed.printedSections ?? parsed.sections).flatMap((s) => s.paragraphs.flatMap(paragraphWords));
  const listed = lines.filter((l) => !isStoredRole(l.role)).flatMap((l) => wordsOf(l.text));
  return accountWords(source, stored, listed);
}

export function importLineCounts(parsed: ImportedText): Record<LineRole, number> {
  const counts = Object.fromEntries(LINE_ROLES.map((r) => [r, 0])) as Record<LineRole, number>;
  for (const l of parsed.lines ?? []) counts[l.role]++;
  return counts;
}

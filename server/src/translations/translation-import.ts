import { type AlignedParagraph, type DraftView, type ImportedText, type SectionView, formatSponsors, isInPlay } from '@omnibus/shared';
import { checkBrackets, literalsMatch, normalizeSponsorConjunctions } from './translation-units';

/**
 * A text in an official language read as the translation of an existing draft: its sections are
 * matched to the draft's (by the key in a heading such as "(CICTE)", else in order), and within a
 * section its paragraphs to the draft's paragraphs in play, one by one in document order — a
 * translation keeps the original's order even where its numbering reads differently.
 */
export interface TranslationAlignment {
  paragraphs: AlignedParagraph[];
  /** Reader's problems (lines the importer could not place), passed through. */
  readerProblems: { line: number; message: string }[];
  /** Pairs that would be written. */
  writable: number;
}

function matchSection(heading: string, candidates: readonly SectionView[], used: Set<string>): SectionView | undefined {
  const key = /\(([^()]+)\)\s*$/.exec(heading)?.[1]?.trim().toLowerCase();
  const byKey = key === undefined ? undefined : candidates.find((s) => !used.has(s.id) && s.key.toLowerCase() === key);
  if (byKey) return byKey;
  const byTitle = candidates.find((s) => !used.has(s.id) && s.title.toLowerCase() === heading.trim().toLowerCase());
  if (byTitle) return byTitle;
  return candidates.find((s) => !used.has(s.id));
}

export function alignTranslation(draft: DraftView, imported: ImportedText): TranslationAlignment {
  const withText = draft.sections.filter((s) => s.paragraphs.some((p) => isInPlay(p.status)));
  const used = new Set<string>();
  const out: AlignedParagraph[] = [];
  imported.sections.forEach((section) => {
    const target = matchSection(section.heading, withText, used);
    if (target) used.add(target.id);
    const ours = target ? target.paragraphs.filter((p) => isInPlay(p.status)) : [];
    const count = Math.max(ours.length, section.paragraphs.length);
    for (let i = 0; i < count; i++) {
      const p = ours[i];
      const q = section.paragraphs[i];
      const text = q ? normalizeSponsorConjunctions(q.sponsors.length > 0 ? `[${formatSponsors(q.sponsors)}: ${q.text}]` : q.text) : null;
      const literals = q?.literals ? q.literals.map((l) => ({ label: l.label, text: normalizeSponsorConjunctions(l.text) })) : null;
      const problems: string[] = [];
      if (!p) problems.push(`The imported paragraph ${q?.label ?? '(unnumbered)'} under "${section.heading}" has no counterpart in the draft.`);
      else if (!q || text === null) problems.push(`Paragraph ${p.label} has no counterpart in the imported text.`);
      else {
        const check = checkBrackets(p.compiled, text);
        if (!check.ok) {
          problems.push(
            check.reason === 'malformed'
              ? `Its brackets cannot be read: ${check.message}`
              : `Its brackets name ${JSON.stringify(check.found)} where the original has ${JSON.stringify(check.expected)}.`,
          );
        }
        const originalLiterals = p.kind === 'mandates' ? (p.literals ?? []) : null;
        if (!literalsMatch(originalLiterals, literals ?? undefined)) problems.push(`Its literals do not match the original's (${(originalLiterals ?? []).map((l) => l.label).join(', ') || 'none'}).`);
      }
      out.push({
        paragraphId: p?.id ?? null,
        label: p?.label ?? null,
        importedLabel: q?.label ?? null,
        sectionKey: target?.key ?? null,
        original: p?.compiled ?? null,
        text,
        literals: p?.kind === 'mandates' ? literals : null,
        problems,
      });
    }
  });
  return { paragraphs: out, readerProblems: imported.problems, writable: out.filter((a) => a.problems.length === 0).length };
}

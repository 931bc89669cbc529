import { describeCap } from '@omnibus/shared';
import { AppError } from '../../common/app-error';
import type { ImportPlan, PlannedParagraph } from './import-plan.types';

export interface ImportVerdict {
  /** Whether the commit would write this plan as it stands. */
  ready: boolean;
  message: string;
}

const name = (p: PlannedParagraph): string =>
  `${p.sourceLabel === null ? `unnumbered paragraph ${p.index + 1}` : `paragraph ${p.sourceLabel}`}${p.heading === '' ? '' : ` of "${p.heading}"`}`;

/** Over-cap paragraphs may be written only for an entity's proposal, and only when the secretariat says so. */
export function overCapAllowed(plan: ImportPlan, acceptOverCap: boolean): boolean {
  return acceptOverCap && plan.source === 'entity_proposal';
}

const percent = (part: number, whole: number): string => `${whole === 0 ? 100 : Math.floor((part / whole) * 1000) / 10} %`;

/** "237 of 283 words (83.7 %) are stored; the other 46 are on the 9 lines listed as headings, formulas, metadata and notes." */
export function wordSummary(plan: ImportPlan): string {
  const { words, lineCounts } = plan;
  const listedLines = lineCounts.heading + lineCounts.formula + lineCounts.metadata + lineCounts.note + lineCounts.problem;
  const stored = `${words.stored} of ${words.source} words (${percent(words.stored, words.source)}) will be stored`;
  return words.listed === 0 ? `${stored}.` : `${stored}; the other ${words.listed} are on the ${listedLines} line${listedLines === 1 ? '' : 's'} listed as headings, formulas, metadata, notes or problems.`;
}

/** Why the plan cannot be written, as the error the commit answers with; null when it can. */
export function refusal(plan: ImportPlan, acceptOverCap: boolean): AppError | null {
  if (plan.words.unaccounted > 0) {
    // No silent loss: a word that is neither stored nor shown in the preview stops the import.
    return new AppError(
      'validation_failed',
      `${plan.words.unaccounted} word${plan.words.unaccounted === 1 ? '' : 's'} of the text would be lost (${plan.words.unaccountedSample.slice(0, 8).join(', ')}); nothing was imported. Preview the import to see each line and what it becomes.`,
      { words: plan.words },
    );
  }
  if (plan.paragraphs.length === 0) {
    return new AppError('validation_failed', 'The text holds no paragraph to import: number operative paragraphs ("1.", "5 bis.") under headings that name the draft\'s sections.', {
      issues: [{ path: 'body', message: 'no paragraphs' }],
      problems: plan.problems,
    });
  }
  const broken = plan.paragraphs.filter((p) => p.errors.length > 0);
  if (broken.length > 0) {
    const first = broken[0]!;
    return new AppError(
      'validation_failed',
      `${broken.length} paragraph${broken.length === 1 ? '' : 's'} cannot be imported as written (${name(first)}: ${first.errors[0]}); nothing was imported. Preview the import to see each one.`,
      { paragraphs: broken.map((p) => ({ index: p.index, heading: p.heading, label: p.sourceLabel, errors: p.errors })) },
    );
  }
  const over = plan.paragraphs.filter((p) => !p.fits);
  if (over.length > 0 && !overCapAllowed(plan, acceptOverCap)) {
    const first = over[0]!;
    const hint = plan.source === 'entity_proposal'
      ? 'To record an entity\'s proposal as the entity approved it, import again with acceptOverCap=true.'
      : 'Trim the text, or ask the chair to raise the cap.';
    return new AppError(
      'over_cap_import',
      `${over.length} paragraph${over.length === 1 ? '' : 's'} would pass a cap (${name(first)}: ${first.cap ? describeCap(first.cap) : 'a cap'}); nothing was imported. ${hint}`,
      { paragraphs: over.map((p) => ({ index: p.index, heading: p.heading, label: p.sourceLabel, sectionKey: p.sectionKey, cap: p.cap })) },
    );
  }
  return null;
}

export function verdict(plan: ImportPlan, acceptOverCap: boolean): ImportVerdict {
  const refused = refusal(plan, acceptOverCap);
  if (refused) return { ready: false, message: refused.message };
  const over = plan.summary.overCap;
  return {
    ready: true,
    message: `Ready: ${plan.summary.paragraphs} paragraphs and ${plan.summary.amendments} proposals in brackets will be created${over > 0 ? `, ${over} of them past a cap as the entity approved them` : ''}. ${wordSummary(plan)}`,
  };
}

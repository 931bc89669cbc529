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

/** Why the plan cannot be written, as the error the commit answers with; null when it can. */
export function refusal(plan: ImportPlan, acceptOverCap: boolean): AppError | null {
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
    message: `Ready: ${plan.summary.paragraphs} paragraphs and ${plan.summary.amendments} proposals in brackets will be created${over > 0 ? `, ${over} of them past a cap as the entity approved them` : ''}.`,
  };
}

import { checkFit, describeCap, kindsAllowedIn } from '@omnibus/shared/caps';
import type { CapScope, CapUsage, DraftView, ParagraphKind, SectionKind, SectionView } from '@omnibus/shared';

export interface MeterSpec {
  /** Short name on the meter ("CICTE", "Preamble", "Mandates"). */
  name: string;
  cap: CapUsage;
}

const SECTION_SCOPES: Record<SectionKind, readonly CapScope[]> = {
  preamble: ['preamble'],
  topic: ['topic_substantive', 'topic_mandates'],
  entity: ['entity', 'entity_mandates'],
  general: ['general', 'general_reaffirming', 'general_follow_up'],
};

const SCOPE_NAMES: Record<CapScope, string> = {
  preamble: 'Preamble',
  topic_substantive: 'Substantive',
  topic_mandates: 'Mandates',
  entity: '',
  entity_mandates: 'Mandates',
  general: 'General',
  general_reaffirming: 'Reaffirming',
  general_follow_up: 'Follow-up',
  total: 'Total',
};

/** The meters a section shows, the section's main cap first, straight from the API's `caps`. */
export function sectionMeters(draft: DraftView, section: Pick<SectionView, 'kind' | 'key'>): MeterSpec[] {
  const scopes = SECTION_SCOPES[section.kind];
  return draft.caps
    .filter((c) => c.key === section.key && scopes.includes(c.scope))
    .sort((a, b) => scopes.indexOf(a.scope) - scopes.indexOf(b.scope))
    .map((cap) => ({ name: SCOPE_NAMES[cap.scope] || cap.key, cap }));
}

export function totalMeter(draft: DraftView): MeterSpec | null {
  const cap = draft.caps.find((c) => c.scope === 'total');
  return cap ? { name: 'Total', cap } : null;
}

export type MeterLevel = 'open' | 'full' | 'over';

export function meterLevel(cap: Pick<CapUsage, 'used' | 'limit'>): MeterLevel {
  if (cap.used > cap.limit) return 'over';
  return cap.used === cap.limit ? 'full' : 'open';
}

export const KIND_LABELS: Record<ParagraphKind, string> = {
  preambular: 'preambular',
  substantive: 'substantive',
  mandates: 'mandates (chapeau and literals)',
  reaffirming: 'reaffirming mandates',
  follow_up: 'follow-up',
};

export function defaultKind(sectionKind: SectionKind): ParagraphKind {
  const kinds = kindsAllowedIn(sectionKind);
  return kinds[0] ?? 'substantive';
}

export { kindsAllowedIn };

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Whether one more paragraph of `kind` fits in the section, judged on the draft the person is
 * looking at: null when it fits, else the sentence that says which cap is full and what to do.
 * The server checks again under a lock; this only spares people typing a paragraph in vain.
 */
export function capRefusal(draft: DraftView, sectionId: string, kind: ParagraphKind): string | null {
  const fit = checkFit(draft.capsConfig, draft.sections, draft.sections.flatMap((s) => s.paragraphs), { sectionId, kind });
  if (fit.fits) return null;
  switch (fit.reason) {
    case 'cap_exceeded': {
      const { cap } = fit;
      const over = cap.used > cap.limit ? `, already ${cap.used - cap.limit} over` : '';
      return `${capitalise(describeCap(cap))} is full (${cap.used} of ${cap.limit} in play${over}), so no new paragraph can be added here. Propose an amendment to an existing paragraph instead, or ask for a paragraph to be withdrawn or merged.`;
    }
    case 'kind_not_allowed':
      return `This section takes only ${fit.allowed.map((k) => KIND_LABELS[k]).join(' or ')} paragraphs.`;
    case 'unknown_section':
      return 'This section no longer exists in the draft; reload the page.';
    default:
      return null;
  }
}

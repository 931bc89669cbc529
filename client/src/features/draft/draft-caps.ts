import { checkFit, kindsAllowedIn } from '@omnibus/shared/caps';
import type { CapScope, CapUsage, DraftView, ParagraphKind, SectionKind, SectionView } from '@omnibus/shared';
import { formatNumber, i18n, localeOf } from '../../i18n';

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

/** A meter's short name in the person's language; an entity's own cap is named by its acronym. */
const scopeName = (cap: CapUsage): string => (cap.scope === 'entity' ? cap.key : i18n.t(`draft:scope.${cap.scope}`));

/** The meters a section shows, the section's main cap first, straight from the API's `caps`. */
export function sectionMeters(draft: Pick<DraftView, 'caps'>, section: Pick<SectionView, 'kind' | 'key'>): MeterSpec[] {
  const scopes = SECTION_SCOPES[section.kind];
  return draft.caps
    .filter((c) => c.key === section.key && scopes.includes(c.scope))
    .sort((a, b) => scopes.indexOf(a.scope) - scopes.indexOf(b.scope))
    .map((cap) => ({ name: scopeName(cap), cap }));
}

export function totalMeter(draft: Pick<DraftView, 'caps'>): MeterSpec | null {
  const cap = draft.caps.find((c) => c.scope === 'total');
  return cap ? { name: i18n.t('draft:scope.total'), cap } : null;
}

export type MeterLevel = 'open' | 'full' | 'over';

export function meterLevel(cap: Pick<CapUsage, 'used' | 'limit'>): MeterLevel {
  if (cap.used > cap.limit) return 'over';
  return cap.used === cap.limit ? 'full' : 'open';
}

/** A paragraph kind in words, in the person's language. */
export const kindLabel = (kind: ParagraphKind): string => i18n.t(`draft:kind.${kind}`);

/** "the CICTE cap of 8 paragraphs", in the person's language. */
export const capPhrase = (cap: Pick<CapUsage, 'scope' | 'key' | 'limit'>): string => i18n.t(`draft:cap.${cap.scope}`, { count: cap.limit, key: cap.key });

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
      const over = cap.used > cap.limit ? i18n.t('draft:refusal.over', { count: cap.used - cap.limit }) : '';
      return i18n.t('draft:refusal.capFull', { cap: capitalise(capPhrase(cap)), used: formatNumber(cap.used), limit: formatNumber(cap.limit), over });
    }
    case 'kind_not_allowed':
      return i18n.t('draft:refusal.kindNotAllowed', { kinds: new Intl.ListFormat(localeOf(), { type: 'disjunction' }).format(fit.allowed.map(kindLabel)) });
    case 'unknown_section':
      return i18n.t('draft:refusal.unknownSection');
    default:
      return null;
  }
}

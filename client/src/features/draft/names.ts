import type { SectionView } from '@omnibus/shared';
import { i18n } from '../../i18n';

/** How people name a section in passing: an entity by its acronym (CICTE), anything else by its title. */
export const sectionShortName = (s: Pick<SectionView, 'kind' | 'key' | 'title'>): string => (s.kind === 'entity' ? s.key : sectionTitle(s));

/**
 * A section's title in the person's language where the interface knows it: the preamble and the
 * general provisions are the same in every draft; topics and entities keep the committee's names.
 */
export const sectionTitle = (s: Pick<SectionView, 'kind' | 'title'>): string =>
  s.kind === 'preamble' || s.kind === 'general' ? i18n.t(`draft:sectionTitle.${s.kind}`, { defaultValue: s.title }) : s.title;

/** A queued paragraph as the chair calls it: "CICTE 5 bis", or the topic's title for a long key. */
export const queueName = (q: { sectionKey: string; sectionTitle: string; label: string }): string =>
  `${q.sectionKey.length <= 6 ? q.sectionKey : q.sectionTitle} ${q.label}`;

/** The literals of a mandates paragraph: a., b., c. … (the server takes at most LIMITS.literals). */
export const MAX_LITERALS = 26;
export const literalLabel = (i: number): string => String.fromCharCode(97 + i);

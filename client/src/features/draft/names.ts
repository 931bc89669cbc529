import { type SectionView, areaName, entityName, namesLanguage, sectionName } from '@omnibus/shared';
import { currentLanguage, i18n } from '../../i18n';

/** The language the committee's names are shown in: the one asked for, else the interface's. */
const namesIn = (lang?: string | null): ReturnType<typeof namesLanguage> => namesLanguage(lang) ?? namesLanguage(currentLanguage());

/** How people name a section in passing: an entity by its acronym in the language (CICTE; the IADB is the JID in Spanish), anything else by its title. */
export const sectionShortName = (s: Pick<SectionView, 'kind' | 'key' | 'title'>, lang?: string | null): string => {
  if (s.kind !== 'entity') return sectionTitle(s, lang);
  const l = namesIn(lang);
  return (l && entityName(s.key, l)?.acronym) || s.key;
};

/**
 * A section's title in the person's language: the preamble and the general provisions from the
 * interface's catalogue; topics and entities by the committee's official names in the four OAS
 * languages, found by the section's key; the server's title for a key the committee does not know.
 */
export const sectionTitle = (s: Pick<SectionView, 'kind' | 'key' | 'title'>, lang?: string | null): string => {
  if (s.kind === 'preamble' || s.kind === 'general') {
    return i18n.t(`draft:sectionTitle.${s.kind}`, { defaultValue: s.title, ...(lang ? { lng: lang } : {}) });
  }
  const l = namesIn(lang);
  return l ? sectionName(s, l) : s.title;
};

/** The thematic area a section sits in, in the person's language (the server's title when the committee's names do not know it). */
export const sectionAreaTitle = (s: Pick<SectionView, 'area'>, lang?: string | null): string | null => {
  if (s.area === undefined) return null;
  const l = namesIn(lang);
  return l ? areaName(s.area, l) : s.area;
};

/** A queued paragraph as the chair calls it: "CICTE 5 bis", or the topic's title for a long key. */
export const queueName = (q: { sectionKey: string; sectionTitle: string; label: string }): string =>
  `${q.sectionKey.length <= 6 ? q.sectionKey : q.sectionTitle} ${q.label}`;

/** The literals of a mandates paragraph: a., b., c. … (the server takes at most LIMITS.literals). */
export const MAX_LITERALS = 26;
export const literalLabel = (i: number): string => String.fromCharCode(97 + i);

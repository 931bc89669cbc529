import type { DraftView, SectionView } from '@omnibus/shared';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useT } from '../../i18n';
import { CapMeter } from './CapMeter';
import { sectionMeters, totalMeter } from './draft-caps';
import { sectionAreaTitle, sectionShortName, sectionTitle } from './names';
import { useNamesLanguage } from './useNamesLanguage';

export const sectionAnchor = (s: Pick<SectionView, 'id'>): string => `section-${s.id}`;

interface Group {
  title: string | null;
  sections: SectionView[];
}

/** Consecutive sections under one heading: the thematic areas, then "Inter-American entities". */
function groups(sections: readonly SectionView[], t: TFunction, lang: string | null): Group[] {
  const out: Group[] = [];
  for (const s of sections) {
    const title = s.kind === 'topic' ? (sectionAreaTitle(s, lang) ?? t('outline.topics')) : s.kind === 'entity' ? t('outline.entities') : null;
    const last = out[out.length - 1];
    if (last && title !== null && last.title === title) last.sections.push(s);
    else out.push({ title, sections: [s] });
  }
  return out;
}

/** The same heading: every field of the section but its paragraphs (which the outline does not show). */
export function sameHeading(a: SectionView, b: SectionView): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof SectionView)[];
  return keys.length === Object.keys(b).length && keys.every((k) => k === 'paragraphs' || a[k] === b[k]);
}

type OutlineItemProps = { caps: DraftView['caps']; section: SectionView; shown: number };

/** Redrawn when its heading, its count or the caps change, not when a paragraph's words in it do. */
const OutlineItem = memo(
  function OutlineItem({ caps, section, shown }: OutlineItemProps) {
    const t = useT('draft');
    const meters = sectionMeters({ caps }, section);
    const lang = useNamesLanguage();
    return (
      <li className={shown === 0 ? 'outline-item empty' : 'outline-item'}>
        <a href={`#${sectionAnchor(section)}`} title={sectionTitle(section, lang)}>
          <span className="outline-title">{sectionShortName(section, lang)}</span>
          {shown > 0 && <span className="outline-count" aria-label={t('outline.shown', { count: shown })}>{shown}</span>}
        </a>
        <span className="outline-meters">
          {meters.map((m, i) => (
            // The first meter is the section's own cap: its name is the link beside it.
            <CapMeter key={m.cap.scope} name={m.name} cap={m.cap} compact showName={i > 0} />
          ))}
        </span>
      </li>
    );
  },
  (a: OutlineItemProps, b: OutlineItemProps) => a.caps === b.caps && a.shown === b.shown && sameHeading(a.section, b.section),
);

/** The draft's sections in document order with a cap meter on each and the whole draft's total. */
export function Outline({ draft, shownBySection }: { draft: DraftView; shownBySection: ReadonlyMap<string, number> }) {
  const t = useT('draft');
  const total = totalMeter(draft);
  const lang = useNamesLanguage();
  return (
    <nav className="outline" aria-label={t('outline.label')}>
      <div className="outline-total">{total && <CapMeter name={total.name} cap={total.cap} />}</div>
      {groups(draft.sections, t, lang).map((g, i) => (
        <section key={`${g.title ?? 'single'}-${i}`} className="outline-group">
          {g.title && <h3>{g.title}</h3>}
          <ul>
            {g.sections.map((s) => (
              <OutlineItem key={s.id} caps={draft.caps} section={s} shown={shownBySection.get(s.id) ?? 0} />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

import { useMemo, useState, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { FilterBar } from './FilterBar';
import { Outline } from './Outline';
import { NO_FILTERS, matches, type Filters } from './permissions';
import { useRoom } from './room-context';
import { SectionBlock } from './SectionBlock';
import { ReadingLanguageMenu, ReadingProvider, useReadingState } from '../translations/reading';

/** The outline beside the draft in document order, both following the same filters. */
export function DraftDocument({ aside }: { aside: ReactNode }) {
  const { draft, user } = useRoom();
  const t = useT('draft');
  const reading = useReadingState(draft);
  const translations = reading.reading.paragraphs;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const filtered = filters.withAmendments || filters.mine || filters.query.trim() !== '';
  const visible = useMemo(
    () => draft.sections.map((s) => ({ section: s, paragraphs: s.paragraphs.filter((p) => matches(p, filters, user.delegation, translations.get(p.id)?.text)) })),
    [draft, filters, user.delegation, translations],
  );
  const shownBySection = new Map(visible.map((v) => [v.section.id, v.paragraphs.length]));
  const shown = visible.reduce((n, v) => n + v.paragraphs.length, 0);
  const total = draft.sections.reduce((n, s) => n + s.paragraphs.length, 0);
  return (
    <ReadingProvider value={reading.reading}>
      <div className={aside ? 'room-body with-aside' : 'room-body'}>
        <Outline draft={draft} shownBySection={shownBySection} />
        <main id="draft-main" className="draft" tabIndex={-1}>
          <div className="draft-title">
            <p className="symbol">{draft.symbol}</p>
            <h1>{draft.title}</h1>
            <ReadingLanguageMenu {...reading} />
          </div>
          <FilterBar user={user} filters={filters} onChange={setFilters} shown={shown} total={total} />
          {visible
            .filter((v) => !filtered || v.paragraphs.length > 0)
            .map((v) => (
              <SectionBlock key={v.section.id} section={v.section} paragraphs={v.paragraphs} filtered={filtered} />
            ))}
          {filtered && shown === 0 && <p className="muted">{t('noMatch')}</p>}
        </main>
        {aside}
      </div>
    </ReadingProvider>
  );
}

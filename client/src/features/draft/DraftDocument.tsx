import { memo, useMemo, useState, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { FilterBar } from './FilterBar';
import { Outline } from './Outline';
import { NO_FILTERS, matches, type Filters } from './permissions';
import { useRoom } from './room-context';
import { SectionBlock } from './SectionBlock';
import { FoldedSections } from './FoldedSections';
import type { ParagraphView, SectionView } from '@omnibus/shared';
import { ReadingLanguageMenu, ReadingProvider, useReadingState } from '../translations/reading';
import { LAZY_CARDS_FROM_BRACKETS, bracketsIn } from './lazy-cards';

type Shown = { section: SectionView; paragraphs: ParagraphView[] };

/** Sections in document order, with runs of two or more empty topics or entities folded together (never while filtering). */
function runs(visible: readonly Shown[], filtered: boolean): { folded: boolean; items: Shown[] }[] {
  const out: { folded: boolean; items: Shown[] }[] = [];
  for (const v of visible) {
    // The preamble and the general part are the resolution's frame: they stay open even when empty.
    const empty = !filtered && v.section.paragraphs.length === 0 && (v.section.kind === 'topic' || v.section.kind === 'entity');
    const last = out[out.length - 1];
    if (empty && last?.folded) last.items.push(v);
    else out.push({ folded: empty, items: [v] });
  }
  // A lone empty section stays as it is: folding one heading saves nothing.
  return out.map((r) => (r.folded && r.items.length < 2 ? { folded: false, items: r.items } : r));
}

/**
 * The outline beside the draft in document order, both following the same filters. Redrawn with the
 * draft (or `aside`), not with every redraw of the room around it.
 */
export const DraftDocument = memo(function DraftDocument({ aside }: { aside: ReactNode }) {
  const { draft, user } = useRoom();
  const t = useT('draft');
  const reading = useReadingState(draft);
  const translations = reading.reading.paragraphs;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const filtered = filters.withAmendments || filters.mine || filters.query.trim() !== '';
  const visible = useMemo(
    () =>
      draft.sections.map((s) => {
        const paragraphs = s.paragraphs.filter((p) => matches(p, filters, user.delegation, translations.get(p.id)?.text));
        // The section's own list when the filters keep all of it: a section that did not change then redraws nothing.
        return { section: s, paragraphs: paragraphs.length === s.paragraphs.length ? s.paragraphs : paragraphs };
      }),
    [draft, filters, user.delegation, translations],
  );
  const shownBySection = new Map(visible.map((v) => [v.section.id, v.paragraphs.length]));
  const shown = visible.reduce((n, v) => n + v.paragraphs.length, 0);
  const total = draft.sections.reduce((n, s) => n + s.paragraphs.length, 0);
  const lazyCards = useMemo(() => bracketsIn(draft) >= LAZY_CARDS_FROM_BRACKETS, [draft]);
  return (
    <ReadingProvider value={reading.reading}>
      <div className={aside ? 'room-body with-aside' : 'room-body'}>
        <Outline draft={draft} shownBySection={shownBySection} />
        <main id="draft-main" className={lazyCards ? 'draft lazy-cards' : 'draft'} tabIndex={-1}>
          <div className="draft-title">
            <p className="symbol">{draft.symbol}</p>
            <h1>{draft.title}</h1>
            <ReadingLanguageMenu {...reading} />
          </div>
          <FilterBar user={user} filters={filters} onChange={setFilters} shown={shown} total={total} />
          {runs(visible.filter((v) => !filtered || v.paragraphs.length > 0), filtered).map((run) =>
            run.folded ? (
              <FoldedSections key={run.items[0]!.section.id} sections={run.items.map((v) => v.section)}>
                {run.items.map((v) => (
                  <SectionBlock key={v.section.id} section={v.section} paragraphs={v.paragraphs} filtered={filtered} caps={draft.caps} />
                ))}
              </FoldedSections>
            ) : (
              <SectionBlock key={run.items[0]!.section.id} section={run.items[0]!.section} paragraphs={run.items[0]!.paragraphs} filtered={filtered} caps={draft.caps} />
            ),
          )}
          {filtered && shown === 0 && <p className="muted">{t('noMatch')}</p>}
        </main>
        {aside}
      </div>
    </ReadingProvider>
  );
});

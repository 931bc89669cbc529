import type { UserView } from '@omnibus/shared';
import { formatNumber, useT } from '../../i18n';
import type { Filters } from './permissions';

export function FilterBar({ user, filters, onChange, shown, total }: { user: UserView; filters: Filters; onChange: (f: Filters) => void; shown: number; total: number }) {
  const t = useT('draft');
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="filter-bar" role="search" aria-label={t('filter.label')}>
      <label className="check">
        <input type="checkbox" checked={filters.withAmendments} onChange={(e) => set({ withAmendments: e.target.checked })} />
        {t('filter.withAmendments')}
      </label>
      {user.delegation && (
        <label className="check">
          <input type="checkbox" checked={filters.mine} onChange={(e) => set({ mine: e.target.checked })} />
          {t('filter.mine', { delegation: user.delegation })}
        </label>
      )}
      <label className="check">
        <input type="checkbox" checked={filters.showClosed} onChange={(e) => set({ showClosed: e.target.checked })} />
        {t('filter.showClosed')}
      </label>
      <label className="search">
        <span className="visually-hidden">{t('filter.find')}</span>
        <input type="search" placeholder={t('filter.findPlaceholder')} value={filters.query} onChange={(e) => set({ query: e.target.value })} />
      </label>
      <span className="shown-count" aria-live="polite">
        {t('filter.shown', { shown: formatNumber(shown), count: total })}
      </span>
    </div>
  );
}

import type { UserView } from '@omnibus/shared';
import type { Filters } from './permissions';

export function FilterBar({ user, filters, onChange, shown, total }: { user: UserView; filters: Filters; onChange: (f: Filters) => void; shown: number; total: number }) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="filter-bar" role="search" aria-label="Filter paragraphs">
      <label className="check">
        <input type="checkbox" checked={filters.withAmendments} onChange={(e) => set({ withAmendments: e.target.checked })} />
        Only paragraphs with amendments
      </label>
      {user.delegation && (
        <label className="check">
          <input type="checkbox" checked={filters.mine} onChange={(e) => set({ mine: e.target.checked })} />
          Only {user.delegation}'s proposals
        </label>
      )}
      <label className="check">
        <input type="checkbox" checked={filters.showClosed} onChange={(e) => set({ showClosed: e.target.checked })} />
        Show withdrawn and deleted
      </label>
      <label className="search">
        <span className="visually-hidden">Find words</span>
        <input type="search" placeholder="Find words…" value={filters.query} onChange={(e) => set({ query: e.target.value })} />
      </label>
      <span className="shown-count" aria-live="polite">
        {shown} of {total} paragraphs shown
      </span>
    </div>
  );
}

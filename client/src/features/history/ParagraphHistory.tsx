import type { ParagraphView } from '@omnibus/shared';
import { useQueries } from '@tanstack/react-query';
import { errorMessage } from '../../api/http';
import { negotiationApi, type HistoryEntry } from '../../api/negotiation';
import { formatDateTime, useT } from '../../i18n';
import { ErrorLine } from '../draft/ErrorLine';
import { useRoom } from '../draft/room-context';
import { queryKeys } from '../live-state/query-keys';
import { summarize } from './summarize';

/** Shortens a long text for the table; the whole text is one click away in the paragraph itself. */
const clip = (s: string | null): string => (s === null ? '—' : s.length > 160 ? `${s.slice(0, 157)}…` : s);

/**
 * Everything that happened to a paragraph and its amendments, oldest first: who, for which
 * delegation, when, and what changed, from the append-only history.
 */
export function ParagraphHistory({ p, sectionKey }: { p: ParagraphView; sectionKey: string }) {
  const { draft } = useRoom();
  const t = useT('history');
  const targets = [p.id, ...p.amendments.map((a) => a.id)];
  const results = useQueries({
    queries: targets.map((id) => ({ queryKey: queryKeys.history(draft.id, id), queryFn: () => negotiationApi.history(draft.id, id) })),
  });
  const failed = results.find((r) => r.error)?.error;
  const rows: HistoryEntry[] = results
    .flatMap((r) => r.data ?? [])
    .sort((a, b) => (a.at === b.at ? Number(a.id) - Number(b.id) : a.at < b.at ? -1 : 1));
  const loading = results.some((r) => r.isPending);
  const title = t('title', { label: `${sectionKey} ${p.label}` });
  return (
    <section className="panel history" aria-label={title}>
      <h4>{title}</h4>
      <ErrorLine error={failed ? errorMessage(failed) : null} />
      {loading && <p className="muted">{t('common:loading')}</p>}
      {!loading && rows.length === 0 && <p className="muted">{t('none')}</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col">{t('change')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-action={r.action}>
                  <td>{formatDateTime(r.at)}</td>
                  <td>
                    {r.actor.username ?? t('system')}
                    {r.actor.delegation && <> ({r.actor.delegation})</>}
                  </td>
                  <td>{t(`actions.${r.action}`, { defaultValue: r.action })}</td>
                  <td>
                    <ul className="changes">
                      {summarize(r.before, r.after).map((c) => (
                        <li key={c.field}>
                          {t('fieldChange', { field: t(`fields.${c.field}`), before: clip(c.before), after: clip(c.after) })}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

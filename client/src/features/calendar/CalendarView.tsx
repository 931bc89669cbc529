import type { CalendarEventView } from '@omnibus/shared/workflow-schemas';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/http';
import { negotiationApi } from '../../api/negotiation';
import { formatDate, formatDateTime, formatTime, useT } from '../../i18n';
import { ErrorLine } from '../draft/ErrorLine';
import { useAction } from '../draft/useAction';
import { queryKeys } from '../live-state/query-keys';

/** Sort key: timed events by their start, whole-day ones at the start of their day in UTC (close enough to order a day). */
const startOf = (e: CalendarEventView): number => Date.parse(e.start ?? `${e.date ?? '9999-12-31'}T00:00:00Z`);

function When({ e }: { e: CalendarEventView }) {
  const t = useT('calendar');
  if (e.start) {
    return <>{e.end ? t('fromTo', { from: formatDateTime(e.start), to: formatTime(e.end) }) : formatDateTime(e.start)}</>;
  }
  if (!e.date) return null;
  const day = formatDate(`${e.date}T12:00:00Z`, { timeZone: 'UTC' });
  const last = e.endDate && e.endDate !== e.date ? formatDate(`${e.endDate}T12:00:00Z`, { timeZone: 'UTC' }) : null;
  return <>{last ? t('days', { from: day, to: last }) : day}{e.yearly && ` ${t('yearly')}`}</>;
}

function Subscription() {
  const t = useT('calendar');
  const [feed, setFeed] = useState<{ url: string; webcal: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const get = useAction(async () => setFeed(await negotiationApi.subscription()));
  return (
    <section className="panel" aria-labelledby="calendar-subscription">
      <h3 id="calendar-subscription">{t('subscribeTitle')}</h3>
      <p className="muted">{t('subscribeExplain')}</p>
      {!feed ? (
        <button type="button" onClick={() => void get.run()} disabled={get.busy}>
          {t('subscribe')}
        </button>
      ) : (
        <div className="subscription">
          <label>
            {t('address')}
            <input readOnly value={feed.url} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <div className="form-actions">
            <button
              type="button"
              onClick={() => {
                void navigator.clipboard?.writeText(feed.url).then(() => setCopied(true));
              }}
            >
              {t('copy')}
            </button>
            <a href={feed.webcal}>{t('openInApp')}</a>
          </div>
          {copied && (
            <p role="status" className="muted">
              {t('copied')}
            </p>
          )}
        </div>
      )}
      <ErrorLine error={get.error} />
    </section>
  );
}

/** The committee's calendar: meetings with their agenda, the comment deadline, distribution dates, report reminders. */
export function CalendarView() {
  const t = useT('calendar');
  const calendar = useQuery({ queryKey: queryKeys.calendar(), queryFn: () => negotiationApi.calendar() });
  const events = [...(calendar.data?.events ?? [])].sort((a, b) => startOf(a) - startOf(b));
  return (
    <div className="method-view">
      <h2>{t('title')}</h2>
      {calendar.data && <p className="muted">{t('timeZone', { timeZone: calendar.data.timeZone })}</p>}
      <Subscription />
      <ErrorLine error={calendar.error ? errorMessage(calendar.error) : null} />
      <ul className="method-list calendar-list">
        {events.map((e) => (
          <li key={e.id} className="panel" data-event={e.kind} data-category={e.category}>
            <h3>{e.title}</h3>
            <p>
              <When e={e} />
              {e.location && <> · {e.location}</>}
              {e.tentative && <> · {t('tentative')}</>}
              {e.sessionId && <> · {t('withSession')}</>}
            </p>
            {e.note && <p className="muted">{e.note}</p>}
            {e.agenda.length > 0 && (
              <ol className="agenda">
                {e.agenda.map((a, i) => (
                  <li key={i}>{a.text}</li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

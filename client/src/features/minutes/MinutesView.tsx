import type { SessionView } from '@omnibus/shared/workflow-schemas';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/http';
import { negotiationApi, saveFile, type MinutesFormat } from '../../api/negotiation';
import { formatDateTime, useT } from '../../i18n';
import { ErrorLine } from '../draft/ErrorLine';
import { useRoom } from '../draft/room-context';
import { queryKeys } from '../live-state/query-keys';

const FORMATS: MinutesFormat[] = ['markdown', 'text', 'json'];

function SessionMinutes({ session }: { session: SessionView }) {
  const t = useT('minutes');
  const [error, setError] = useState<string | null>(null);
  const headingId = `minutes-${session.id}`;
  const get = async (format: MinutesFormat) => {
    setError(null);
    try {
      const { blob, fileName } = await negotiationApi.downloadMinutes(session.id, format);
      saveFile(blob, fileName);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <section className="panel minutes" aria-labelledby={headingId} data-session={session.number}>
      <h3 id={headingId}>{t('session', { number: session.number, meeting: session.meeting.title })}</h3>
      <p className="muted">
        {session.closedAt
          ? t('heldFromTo', { from: formatDateTime(session.openedAt), to: formatDateTime(session.closedAt) })
          : t('stillOpen', { from: formatDateTime(session.openedAt) })}
      </p>
      <p>
        <strong>{session.tally.text}</strong>
      </p>
      {session.decisions.length === 0 ? (
        <p className="muted">{t('noDecisions')}</p>
      ) : (
        <ol className="minutes-decisions">
          {session.decisions.map((d) => (
            <li key={d.id} data-decision={d.decision}>
              {t('decisionLine', { label: `${d.sectionKey} ${d.label}`, decision: t(`decisions.${d.decision}`), at: formatDateTime(d.decidedAt) })}
              {d.leadDelegation && <> {t('lead', { delegation: d.leadDelegation })}</>}
              {d.note && <span className="muted"> — {d.note}</span>}
            </li>
          ))}
        </ol>
      )}
      {session.status === 'closed' && (
        <div className="form-actions" role="group" aria-label={t('downloadGroup', { number: session.number })}>
          {FORMATS.map((f) => (
            <button key={f} type="button" onClick={() => void get(f)}>
              {t(`download.${f}`)}
            </button>
          ))}
        </div>
      )}
      <ErrorLine error={error} />
    </section>
  );
}

/** The minutes of every approval session of the draft, the open one as it stands, each downloadable once closed. */
export function MinutesView() {
  const { draft } = useRoom();
  const t = useT('minutes');
  const sessions = useQuery({ queryKey: queryKeys.sessions(draft.id), queryFn: () => negotiationApi.sessions(draft.id) });
  return (
    <div className="method-view">
      <h2>{t('title')}</h2>
      <ErrorLine error={sessions.error ? errorMessage(sessions.error) : null} />
      {sessions.data?.length === 0 && <p className="muted">{t('none')}</p>}
      {[...(sessions.data ?? [])].reverse().map((s) => (
        <SessionMinutes key={s.id} session={s} />
      ))}
    </div>
  );
}

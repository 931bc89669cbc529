import type { SessionView } from '@omnibus/shared/workflow-schemas';
import type { UserView } from '@omnibus/shared';
import { workflowApi } from '../../api/workflow';
import { useAction } from '../draft/useAction';
import { LIVE_CLIENT } from './live-events';
import type { Live } from './useLive';
import { ErrorLine } from '../draft/ErrorLine';
import { formatError, useT } from '../../i18n';

/** The speakers' queue: delegations ask for the floor; the chair gives it in order. */
export function Speakers({ session, user, live, chair, mayRequestFloor }: { session: SessionView; user: UserView; live: Live; chair: boolean; mayRequestFloor: boolean }) {
  const t = useT('session');
  const waiting = session.speakers.filter((s) => s.status === 'waiting' || s.status === 'speaking');
  const onList = user.delegation !== null && waiting.some((s) => s.delegation === user.delegation);
  const floor = useAction(async (ask: boolean) => {
    const ack = await live.send(ask ? LIVE_CLIENT.requestFloor : LIVE_CLIENT.withdrawFloor, ask && session.currentParagraphId ? { paragraphId: session.currentParagraphId } : {});
    if (!ack.ok) throw new Error(formatError(ack.error, ack.details, ack.message));
  });
  const next = useAction(async () => {
    await workflowApi.nextSpeaker(session.id);
  });
  const remove = useAction(async (id: string) => {
    await workflowApi.removeSpeaker(session.id, id);
  });
  const error = floor.error ?? next.error ?? remove.error;
  return (
    <section className="speakers" aria-label={t('speakersLabel')}>
      <h3>{t('speakers')}</h3>
      {waiting.length === 0 ? (
        <p className="muted">{t('noSpeakers')}</p>
      ) : (
        <ol>
          {waiting.map((s) => (
            <li key={s.id} className={`speaker speaker-${s.status}`} data-speaker={s.delegation}>
              <strong>{s.delegation}</strong> {s.status === 'speaking' ? <span className="badge status-approved">{t('hasFloor')}</span> : <span className="muted">{t('waiting')}</span>}
              {chair && (
                <button type="button" className="quiet" onClick={() => void remove.run(s.id)} aria-label={t('removeSpeaker', { delegation: s.delegation })}>
                  {t('remove')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <div className="form-actions">
        {mayRequestFloor &&
          (onList ? (
            <button type="button" disabled={floor.busy} onClick={() => void floor.run(false)}>
              {t('withdrawFloor')}
            </button>
          ) : (
            <button type="button" className="primary" disabled={floor.busy} onClick={() => void floor.run(true)}>
              {t('requestFloor')}
            </button>
          ))}
        {chair && waiting.length > 0 && (
          <button type="button" disabled={next.busy} onClick={() => void next.run()}>
            {t('nextSpeaker')}
          </button>
        )}
      </div>
      <ErrorLine error={error} />
    </section>
  );
}

import type { ParagraphView } from '@omnibus/shared';
import type { QueueItemView, SessionView } from '@omnibus/shared/workflow-schemas';
import { workflowApi } from '../../api/workflow';
import { CompiledText } from '../draft/CompiledText';
import { paragraphAnchor } from '../draft/ParagraphCard';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { ChairSetup } from './ChairSetup';
import { DecisionControls } from './DecisionControls';
import { QueueList } from './QueueList';
import { Speakers } from './Speakers';
import type { Live } from './useLive';
import { queueName } from '../draft/names';
import { ErrorLine } from '../draft/ErrorLine';
import { formatNumber, useT } from '../../i18n';
import type { Tally } from '@omnibus/shared/workflow-schemas';

export const isChair = (role: string): boolean => role === 'chair' || role === 'vice_chair';

function findParagraph(sections: readonly { paragraphs: readonly ParagraphView[] }[], id: string | null): ParagraphView | null {
  if (!id) return null;
  for (const s of sections) for (const p of s.paragraphs) if (p.id === id) return p;
  return null;
}

function Current({ session, item, chair }: { session: SessionView; item: QueueItemView | null; chair: boolean }) {
  const { draft } = useRoom();
  const t = useT('session');
  const paragraph = findParagraph(draft.sections, session.currentParagraphId);
  if (!item) {
    return <p className="muted current-none">{t('noneUnder')}</p>;
  }
  return (
    <div className="current-paragraph" aria-live="polite" data-current={`${item.sectionKey} ${item.label}`}>
      <p className="current-label">
        {t('underConsideration')}{' '}
        <a href={`#${paragraphAnchor({ id: item.paragraphId })}`}>
          <strong>{queueName(item)}</strong>
        </a>
      </p>
      <p className="current-text">
        <CompiledText compiled={paragraph?.compiled ?? item.compiled} />
      </p>
      {chair && paragraph && <DecisionControls sessionId={session.id} paragraph={paragraph} />}
    </div>
  );
}

/**
 * The approval session as everyone sees it (current paragraph, tally, queue, speakers), with the
 * chair's console on top of it for the chair and vice-chairs.
 */
export function SessionPanel({ live }: { live: Live }) {
  const { user, draft, announce } = useRoom();
  const t = useT('session');
  const tallyText = (tally: Tally) => t('tally', { approved: formatNumber(tally.approved), total: formatNumber(tally.total) });
  // The chair's console: the server says who may run sessions (the chair and vice-chairs).
  const chair = draft.actions?.runSession === true;
  const session = live.session;
  const callNext = useAction(async (paragraphId?: string) => {
    if (!session) return;
    await workflowApi.call(session.id, paragraphId);
  });
  const close = useAction(async () => {
    if (!session) return;
    await workflowApi.closeSession(session.id);
    announce(t('closedAnnounce', { number: session.number }));
  });

  if (!session) {
    return (
      <aside className="session-panel" aria-label={t('panel')}>
        <h2>{t('panel')}</h2>
        {live.closed && (
          <p className="notice">
            {t('closedWith', { count: live.closed.decisions, tally: tallyText(live.closed.tally) })}
          </p>
        )}
        {chair ? <ChairSetup workflow={live.workflow} /> : <p className="muted">{t('noSession')}</p>}
      </aside>
    );
  }
  const item = session.queue.find((q) => q.paragraphId === session.currentParagraphId) ?? null;
  const waiting = session.queue.some((q) => q.status === 'waiting');
  const error = callNext.error ?? close.error;
  return (
    <aside className="session-panel open" aria-label={t('panel')}>
      <h2>
        {t('panelN', { number: session.number })}
        <span className="muted"> · {session.meeting.title}</span>
      </h2>
      <p className="tally" data-tally={session.tally.text}>
        <strong>{tallyText(session.tally)}</strong>
        <span className="muted">
          {t('tallyRest', { held: formatNumber(session.tally.held), deferred: formatNumber(session.tally.deferred), pending: formatNumber(session.tally.pending) })}
        </span>
      </p>
      <Current session={session} item={item} chair={chair} />
      {chair && (
        <div className="form-actions">
          {waiting && !item && (
            <button type="button" className="primary" disabled={callNext.busy} onClick={() => void callNext.run()}>
              {t('callNext')}
            </button>
          )}
          <button type="button" className="danger" disabled={close.busy} onClick={() => void close.run()}>
            {t('close')}
          </button>
        </div>
      )}
      <ErrorLine error={error} />
      <Speakers session={session} user={user} live={live} chair={chair} mayRequestFloor={draft.actions?.requestFloor === true} />
      <h3>{t('queue')}</h3>
      <QueueList session={session} {...(chair ? { onCall: (q: QueueItemView) => void callNext.run(q.paragraphId) } : {})} />
    </aside>
  );
}

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

export const isChair = (role: string): boolean => role === 'chair' || role === 'vice_chair';

function findParagraph(sections: readonly { paragraphs: readonly ParagraphView[] }[], id: string | null): ParagraphView | null {
  if (!id) return null;
  for (const s of sections) for (const p of s.paragraphs) if (p.id === id) return p;
  return null;
}

function Current({ session, item, chair }: { session: SessionView; item: QueueItemView | null; chair: boolean }) {
  const { draft } = useRoom();
  const paragraph = findParagraph(draft.sections, session.currentParagraphId);
  if (!item) {
    return <p className="muted current-none">No paragraph is under consideration.</p>;
  }
  return (
    <div className="current-paragraph" aria-live="polite" data-current={`${item.sectionKey} ${item.label}`}>
      <p className="current-label">
        Under consideration:{' '}
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
  const { user, announce } = useRoom();
  const chair = isChair(user.role);
  const session = live.session;
  const callNext = useAction(async (paragraphId?: string) => {
    if (!session) return;
    await workflowApi.call(session.id, paragraphId);
  });
  const close = useAction(async () => {
    if (!session) return;
    await workflowApi.closeSession(session.id);
    announce(`Approval session ${session.number} closed.`);
  });

  if (!session) {
    return (
      <aside className="session-panel" aria-label="Approval session">
        <h2>Approval session</h2>
        {live.closed && (
          <p className="notice">
            The session closed with {live.closed.decisions} decision{live.closed.decisions === 1 ? '' : 's'}: {live.closed.tally.text}.
          </p>
        )}
        {chair ? <ChairSetup workflow={live.workflow} /> : <p className="muted">No approval session is open.</p>}
      </aside>
    );
  }
  const item = session.queue.find((q) => q.paragraphId === session.currentParagraphId) ?? null;
  const waiting = session.queue.some((q) => q.status === 'waiting');
  const error = callNext.error ?? close.error;
  return (
    <aside className="session-panel open" aria-label="Approval session">
      <h2>
        Approval session {session.number}
        <span className="muted"> · {session.meeting.title}</span>
      </h2>
      <p className="tally" data-tally={session.tally.text}>
        <strong>{session.tally.text}</strong>
        <span className="muted">
          {' '}
          · {session.tally.held} held · {session.tally.deferred} deferred · {session.tally.pending} pending
        </span>
      </p>
      <Current session={session} item={item} chair={chair} />
      {chair && (
        <div className="form-actions">
          {waiting && !item && (
            <button type="button" className="primary" disabled={callNext.busy} onClick={() => void callNext.run()}>
              Call the next paragraph
            </button>
          )}
          <button type="button" className="danger" disabled={close.busy} onClick={() => void close.run()}>
            Close the session
          </button>
        </div>
      )}
      <ErrorLine error={error} />
      <Speakers session={session} user={user} live={live} chair={chair} />
      <h3>Queue</h3>
      <QueueList session={session} {...(chair ? { onCall: (q: QueueItemView) => void callNext.run(q.paragraphId) } : {})} />
    </aside>
  );
}

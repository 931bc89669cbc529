import type { LIVE_CLIENT_EVENTS, LIVE_EVENTS, LIVE_NAMESPACE, LiveAck, LivePayload } from '@omnibus/shared/live-protocol';
import type { Decision, SessionView, Tally, WorkflowView } from '@omnibus/shared/workflow-schemas';

// Typed against the shared protocol but written out here: importing the values would pull zod (the
// protocol's schemas) into the bundle for a dozen strings. A renamed event still fails to compile.
export const LIVE: typeof LIVE_EVENTS = {
  state: 'state',
  phaseChanged: 'phase.changed',
  versionPublished: 'version.published',
  sessionOpened: 'session.opened',
  sessionClosed: 'session.closed',
  queueChanged: 'queue.changed',
  paragraphCalled: 'paragraph.called',
  decisionRecorded: 'decision.recorded',
  speakersChanged: 'speakers.changed',
  consultationChanged: 'consultation.changed',
  reservationAdded: 'reservation.added',
  commentAdded: 'comment.added',
  silenceChanged: 'silence.changed',
  translationChanged: 'translation.changed',
};

export const LIVE_CLIENT: typeof LIVE_CLIENT_EVENTS = {
  requestState: 'state.request',
  requestFloor: 'floor.request',
  withdrawFloor: 'floor.withdraw',
};

export const LIVE_NS: typeof LIVE_NAMESPACE = '/live';

export type { LiveAck, LivePayload };

export interface ClosedSession {
  sessionId: string;
  decisions: number;
  tally: Tally;
}

export interface LiveRoomState {
  workflow: WorkflowView | null;
  session: SessionView | null;
  /** The last session that closed while we watched, so its result stays on screen. */
  closed: ClosedSession | null;
}

export const EMPTY_LIVE: LiveRoomState = { workflow: null, session: null, closed: null };

const STATUS_AFTER: Record<Decision, SessionView['queue'][number]['paragraphStatus']> = {
  approved: 'approved',
  approved_as_amended: 'approved',
  held: 'held',
  deferred: 'deferred',
  deleted: 'deleted',
};

export type LiveAction =
  | { type: typeof LIVE.state; payload: LivePayload<typeof LIVE.state> }
  | { type: typeof LIVE.phaseChanged; payload: LivePayload<typeof LIVE.phaseChanged> }
  | { type: typeof LIVE.sessionOpened; payload: LivePayload<typeof LIVE.sessionOpened> }
  | { type: typeof LIVE.sessionClosed; payload: LivePayload<typeof LIVE.sessionClosed> }
  | { type: typeof LIVE.queueChanged; payload: LivePayload<typeof LIVE.queueChanged> }
  | { type: typeof LIVE.paragraphCalled; payload: LivePayload<typeof LIVE.paragraphCalled> }
  | { type: typeof LIVE.decisionRecorded; payload: LivePayload<typeof LIVE.decisionRecorded> }
  | { type: typeof LIVE.speakersChanged; payload: LivePayload<typeof LIVE.speakersChanged> };

/** Folds the room's events into what the screen shows, in the order the server sent them. */
export function liveReducer(state: LiveRoomState, action: LiveAction): LiveRoomState {
  const s = state.session;
  const mine = (sessionId: string) => s !== null && s.id === sessionId;
  switch (action.type) {
    case 'state':
      return { ...state, workflow: action.payload.workflow, session: action.payload.session };
    case 'phase.changed':
      return { ...state, workflow: action.payload };
    case 'session.opened':
      return { ...state, session: action.payload, closed: null };
    case 'session.closed':
      return { ...state, session: mine(action.payload.sessionId) ? null : s, closed: action.payload };
    case 'queue.changed':
      return mine(action.payload.sessionId) && s ? { ...state, session: { ...s, queue: action.payload.queue } } : state;
    case 'paragraph.called': {
      if (!mine(action.payload.sessionId) || !s) return state;
      const { item } = action.payload;
      const queue = s.queue.map((q) =>
        q.paragraphId === item.paragraphId ? item : q.paragraphId === s.currentParagraphId && q.status === 'called' ? { ...q, status: 'waiting' as const } : q,
      );
      return { ...state, session: { ...s, queue, currentParagraphId: item.paragraphId } };
    }
    case 'decision.recorded': {
      if (!mine(action.payload.sessionId) || !s) return state;
      const { decision, tally } = action.payload;
      const queue = s.queue.map((q) =>
        q.paragraphId === decision.paragraphId ? { ...q, status: 'decided' as const, paragraphStatus: STATUS_AFTER[decision.decision] } : q,
      );
      const currentParagraphId = s.currentParagraphId === decision.paragraphId ? null : s.currentParagraphId;
      return { ...state, session: { ...s, queue, tally, currentParagraphId, decisions: [...s.decisions.filter((d) => d.id !== decision.id), decision] } };
    }
    case 'speakers.changed':
      return mine(action.payload.sessionId) && s ? { ...state, session: { ...s, speakers: action.payload.speakers } } : state;
    default:
      return state;
  }
}

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { formatError, i18n } from '../../i18n';
import { signOutWhenSessionEnds, socketAuth } from '../auth/session-ended';
import { SOCKET_TRANSPORTS } from '../../api/sockets';
import { EMPTY_LIVE, LIVE, LIVE_CLIENT, LIVE_NS, liveReducer, type LiveAck, type LiveAction, type LiveRoomState } from './live-events';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface Live extends LiveRoomState {
  connection: ConnectionState;
  /** Why the server refused the connection, as its sentence. */
  refusal: string | null;
  /** How many comments were added anywhere in the draft since we connected; threads re-read on change. */
  commentsSeen: number;
  /** How many translation status changes arrived since we connected; translation screens re-read on change. */
  translationsSeen: number;
  /** Likewise for published versions. */
  versionsSeen: number;
  /** Sends a client event and resolves with the server's acknowledgement (or a refusal sentence). */
  send: <T>(event: (typeof LIVE_CLIENT)[keyof typeof LIVE_CLIENT], payload?: unknown) => Promise<LiveAck<T>>;
}

const FORWARDED: readonly LiveAction['type'][] = [
  LIVE.state,
  LIVE.phaseChanged,
  LIVE.sessionOpened,
  LIVE.sessionClosed,
  LIVE.queueChanged,
  LIVE.paragraphCalled,
  LIVE.decisionRecorded,
  LIVE.speakersChanged,
];

const ACK_TIMEOUT_MS = 10_000;

/**
 * The room's live channel (socket.io namespace /live). socket.io reconnects by itself; on every
 * (re)connection the server sends the room's whole state, so nothing missed while away is lost.
 * `onEvent` hears every event name, for screens that follow the draft (a decision changes it).
 */
/** Events that change what the room's queries hold, passed on as they come. */
const CACHE_EVENTS: readonly string[] = [LIVE.draftChanged, LIVE.reservationAdded, LIVE.consultationChanged, LIVE.silenceChanged];

/** The pseudo-event a listener hears when the socket connects again after losing the room. */
export const RECONNECTED = 'reconnected';

export function useLive(token: string, draftId: string | null, onEvent?: (event: string, payload: unknown) => void): Live {
  const [state, dispatch] = useReducer(liveReducer, EMPTY_LIVE);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [commentsSeen, setCommentsSeen] = useState(0);
  const [versionsSeen, setVersionsSeen] = useState(0);
  const [translationsSeen, setTranslationsSeen] = useState(0);
  const socketRef = useRef<Socket | null>(null);
  const listener = useRef(onEvent);
  listener.current = onEvent;
  // A renewed token does not reopen the socket: each reconnection reads the current one.
  const firstToken = useRef(token);

  useEffect(() => {
    if (!draftId) return;
    const socket = io(LIVE_NS, { ...SOCKET_TRANSPORTS, auth: socketAuth(firstToken.current, draftId) });
    socketRef.current = socket;
    signOutWhenSessionEnds(socket);
    let connectedBefore = false;
    socket.on('connect', () => {
      setConnection('connected');
      setRefusal(null);
      // Whatever changed while we were away is re-read; the room's state arrives by itself.
      if (connectedBefore) listener.current?.(RECONNECTED, null);
      connectedBefore = true;
    });
    socket.on('disconnect', () => setConnection('reconnecting'));
    socket.on('connect_error', (err: Error & { data?: { message?: string; error?: string; details?: unknown } }) => {
      // A refusal by the server (bad token, unknown draft) does not heal by retrying.
      if (err.data?.message) {
        setConnection('refused');
        setRefusal(formatError(err.data.error ?? '', err.data.details, err.data.message));
      } else {
        setConnection('reconnecting');
      }
    });
    for (const type of FORWARDED) {
      socket.on(type, (payload: unknown) => {
        dispatch({ type, payload } as LiveAction);
        listener.current?.(type, payload);
      });
    }
    for (const type of CACHE_EVENTS) socket.on(type, (payload: unknown) => listener.current?.(type, payload));
    socket.on(LIVE.commentAdded, (payload: unknown) => {
      setCommentsSeen((n) => n + 1);
      listener.current?.(LIVE.commentAdded, payload);
    });
    socket.on(LIVE.versionPublished, (payload: unknown) => {
      setVersionsSeen((n) => n + 1);
      listener.current?.(LIVE.versionPublished, payload);
    });
    socket.on(LIVE.translationChanged, (payload: unknown) => {
      setTranslationsSeen((n) => n + 1);
      listener.current?.(LIVE.translationChanged, payload);
    });
    return () => {
      socket.disconnect();
      socketRef.current = null;
    };
  }, [draftId]);

  const send = useCallback(<T,>(event: string, payload?: unknown): Promise<LiveAck<T>> => {
    const socket = socketRef.current;
    if (!socket?.connected) {
      return Promise.resolve({ ok: false, error: 'unavailable', message: i18n.t('session:liveDown') });
    }
    return socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(event, payload ?? {})
      .then((ack: LiveAck<T>) => ack)
      .catch(() => ({ ok: false as const, error: 'unavailable', message: i18n.t('session:noAnswer') }));
  }, []);

  // The same object until something in it changes: every paragraph card reads it.
  return useMemo(
    () => ({ ...state, connection, refusal, commentsSeen, versionsSeen, translationsSeen, send }),
    [state, connection, refusal, commentsSeen, versionsSeen, translationsSeen, send],
  );
}

import { Logger } from '@nestjs/common';
import { COLLAB_EVENTS, CollabAck, CollabErrorEvent, CollabRefusal, SESSION_EVENTS, sessionEndedEvent, type SessionEndReason } from '@omnibus/shared';
import type { Socket } from 'socket.io';
import type { GuardConfig } from '../auth/guard-config';
import type { SessionRegistry } from '../auth/session-registry';
import type { MetricsRegistry } from '../metrics/metrics.registry';
import { countRefusal } from './collab-metrics';
import type { CollabConnection } from './connection';
import { dropConnection, PendingAcks, socketBufferedBytes, TokenBucket } from './connection-guard';
import { decodeFrame } from './frames';
import { SESSION_ENDED, type Room } from './room';

/** How long a closing connection waits for the acknowledgements it is owed. */
const DRAIN_MS = 10_000;

export interface SocketContext {
  room: Room;
  conn: Omit<CollabConnection, 'close'>;
  sessionId: string;
  guard: GuardConfig;
  registry: SessionRegistry;
  metrics: MetricsRegistry;
  logger: Logger;
  /** The socket is gone (`reason` as socket.io gives it); `answered` resolves once every frame it sent is answered. */
  onLeave?: (reason: string, answered: Promise<void>) => void;
}

/**
 * One co-editing socket's life: its frames go to the room in order, within the connection's
 * budgets (updates and sync requests per second, unread bytes), each write stored only while its
 * session is live; when the connection must end (its session ended, too many refusals) it is told
 * why, every acknowledgement it earned is sent, and only then is it closed.
 */
export function wireCollabSocket(socket: Socket, ctx: SocketContext): CollabConnection {
  const { room, guard, registry, metrics, logger } = ctx;
  const updates = new TokenBucket(guard.updatesPerSecond, guard.updateBurst);
  const syncs = new TokenBucket(guard.syncsPerSecond, guard.syncBurst);
  const acks = new PendingAcks();
  let closing = false;

  const close = (): void => {
    if (closing) return;
    closing = true;
    untrack();
    void acks.drained(DRAIN_MS).then(() => socket.disconnect(true));
  };
  const endSession = (reason: SessionEndReason): void => {
    if (closing) return;
    socket.emit(SESSION_EVENTS.ended, sessionEndedEvent(reason));
    close();
  };
  const conn: CollabConnection = { ...ctx.conn, close };
  const untrack = registry.track({ sessionId: ctx.sessionId, userId: conn.actor.userId, end: endSession });

  const lastEvent = new Map<CollabRefusal, number>();
  /**
   * A refusal that is about pace, not content: no strike, the client may send it again later. Every
   * frame's acknowledgement says so; the `error` event goes out once a second per reason, so a
   * flood is not answered by a flood.
   */
  const refuse = (reason: CollabRefusal, message: string, details: CollabErrorEvent['details'] = {}): CollabAck => {
    countRefusal(metrics, reason);
    const event: CollabErrorEvent = { error: reason === 'closing' ? 'unauthorized' : 'rate_limited', message, details: { reason, ...details } };
    const now = performance.now();
    if (now - (lastEvent.get(reason) ?? -Infinity) >= 1000) {
      lastEvent.set(reason, now);
      socket.emit(COLLAB_EVENTS.error, event);
    }
    return { ok: false, error: event.error, message, details: event.details ?? { reason } };
  };

  socket.on(COLLAB_EVENTS.yjs, (data: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (a: CollabAck) => void) : () => undefined;
    if (socketBufferedBytes(socket) > guard.socketBufferBytes) {
      // It is not reading what it asked for: answering more would only grow the buffer.
      metrics.inc('omnibus_sockets_dropped_total', 'Connections dropped for holding more unread bytes than SOCKET_SEND_BUFFER_BYTES.');
      dropConnection(socket.conn);
      return;
    }
    if (closing) {
      reply(refuse('closing', 'This connection is closing; nothing more is accepted on it. Connect again to go on.'));
      return;
    }
    const decoded = decodeFrame(data);
    if (!decoded.ok) {
      reply(room.refuse(conn, decoded));
      return;
    }
    const frame = decoded.frame;
    const writes = frame.type === 'update' || frame.type === 'sync-step2';
    if (writes && !updates.take()) {
      reply(
        refuse('update_rate', `Too many updates: this connection may send ${guard.updatesPerSecond} a second (${guard.updateBurst} at once). This one was not stored; send it again in a moment.`, {
          limit: guard.updatesPerSecond,
          retryAfterMs: updates.retryAfterMs(),
        }),
      );
      return;
    }
    if (frame.type === 'sync-step1' && !syncs.take()) {
      reply(
        refuse('sync_rate', `Too many sync requests: each answers with the whole draft, so a connection may ask ${guard.syncBurst} times at once and then once every ${Math.round(1 / guard.syncsPerSecond)} s.`, {
          limit: guard.syncBurst,
          retryAfterMs: syncs.retryAfterMs(),
        }),
      );
      return;
    }
    // A write is stored only if its session is still live when its batch is written: the statement
    // that stores the batch checks every author's session (room-store, appendBatch), so no round trip
    // to the database stands between a keystroke and its judgement. An ended session's write is
    // refused, never stored, and the socket is told why and closed.
    const handled = room.receive(conn, frame).then(async (answer) => {
      if (answer !== SESSION_ENDED) return answer;
      const ended = (await registry.confirm(ctx.sessionId)) ?? 'revoked';
      endSession(ended);
      return refuse('closing', sessionEndedEvent(ended).message);
    });
    acks.track(handled).then(reply, (err: unknown) => {
      logger.error(`draft ${room.draftId}: a frame from ${conn.actor.username} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      reply({ ok: false, error: 'internal', message: 'The server could not handle this message; nothing was changed.' });
    });
  });
  socket.on('disconnect', (reason: string) => {
    untrack();
    room.leave(conn);
    // However long it takes: an id given back while a change under it is still being stored could go to a page synced without it.
    ctx.onLeave?.(reason, acks.drained(null));
  });
  return conn;
}

import { LIVE_NAMESPACE } from '@omnibus/shared';
import { io, Socket } from 'socket.io-client';
import { Clock } from '../../server/src/workflow/clock';
import type { TestServer } from '../support/test-server';

export interface Received {
  event: string;
  payload: any;
  at: number;
}

export interface LiveClient {
  socket: Socket;
  received: Received[];
  /** Resolves with the first event (already received or still to come) that matches. */
  waitFor(event: string, match?: (payload: any) => boolean, timeoutMs?: number): Promise<any>;
  close(): void;
}

/** A socket.io client in the draft's room on /live, recording everything it receives. */
export async function connectLive(t: TestServer, token: string, draftId: string): Promise<LiveClient> {
  const socket = io(`${t.url}${LIVE_NAMESPACE}`, { auth: { token, draftId }, transports: ['websocket'], reconnection: false, forceNew: true });
  const received: Received[] = [];
  socket.onAny((event: string, payload: unknown) => received.push({ event, payload, at: Date.now() }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err: Error & { data?: unknown }) => reject(Object.assign(new Error(err.message), { data: err.data })));
  });
  const waitFor: LiveClient['waitFor'] = (event, match = () => true, timeoutMs = 5000) =>
    new Promise((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      const poll = () => {
        const hit = received.find((r) => r.event === event && match(r.payload));
        if (hit) return resolve(hit.payload);
        if (Date.now() > deadline) return reject(new Error(`no "${event}" within ${timeoutMs} ms; got ${received.map((r) => r.event).join(', ')}`));
        setTimeout(poll, 10);
      };
      poll();
    });
  return { socket, received, waitFor, close: () => socket.close() };
}

/** The refusal of a handshake: the connect_error's data, which carries the API's error body. */
export async function refusedHandshake(t: TestServer, auth: Record<string, unknown>): Promise<{ message: string; data: any }> {
  const socket = io(`${t.url}${LIVE_NAMESPACE}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  try {
    return await new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('the handshake was accepted')));
      socket.once('connect_error', (err: Error & { data?: unknown }) => resolve({ message: err.message, data: err.data }));
    });
  } finally {
    socket.close();
  }
}

/** The server's clock, moved to a moment of the work plan's calendar (time keeps flowing from there); null: real time. */
export function travelTo(t: TestServer, iso: string | null): void {
  t.server.app.get(Clock).travelTo(iso === null ? null : new Date(iso));
}

/** Polls until `check` passes or the time runs out; the last failure is rethrown. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

import { z } from 'zod';
import type { ErrorCode } from './errors';

/**
 * The real-time co-editing channel, as every Yjs client can speak it: socket.io (default path),
 * namespace `/collab`, handshake `auth: { token, draftId }`, and one event, `yjs`, whose payload
 * is a binary message framed exactly as y-websocket frames it: a varUint message type (0 sync,
 * 1 awareness) followed by the y-protocols payload. Server and client import these names so a
 * renamed event or limit fails to compile on both sides.
 */
export const COLLAB_NAMESPACE = '/collab';

export const COLLAB_EVENTS = {
  /** Both directions: one binary y-websocket frame. Client → server takes an acknowledgement (`CollabAck`). */
  yjs: 'yjs',
  /** Server → client: a refused message or connection, as `CollabErrorEvent`. */
  error: 'error',
  /** Server → client, once after the handshake: who the server thinks you are and whether you may write. */
  session: 'session',
  /**
   * Server → client, once after the handshake of a page that asked for a writer id (`writer` in the
   * handshake): the Yjs client id the page may write under, leased to it, or why not (`CollabWriterEvent`).
   */
  writer: 'writer',
} as const;

/** The first varUint of every `yjs` frame (y-websocket's messageSync / messageAwareness). */
export const COLLAB_MESSAGE = { sync: 0, awareness: 1 } as const;

/** The second varUint of a sync frame (y-protocols/sync). */
export const COLLAB_SYNC_STEP = { step1: 0, step2: 1, update: 2 } as const;

/**
 * Sizes the server accepts. A frame over `frameBytes` is refused with `payload_too_large`;
 * socket.io itself drops a connection whose message exceeds `transportBytes`.
 */
export const COLLAB_LIMITS = {
  frameBytes: 512 * 1024,
  transportBytes: 2 * 1024 * 1024,
  awarenessFrameBytes: 16 * 1024,
  /** One client's awareness state, as JSON. */
  awarenessStateBytes: 2 * 1024,
  /** Refused messages tolerated within `strikeWindowMs` before the connection is closed. */
  strikes: 5,
  strikeWindowMs: 60_000,
} as const;

/**
 * Asks for a Yjs client id (a uint32) leased to this page in this draft (`collab_writer`). `key`
 * names one Y.Doc of one page: random, kept only in memory, never shared.
 */
export const collabWriterRequest = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a writer key is 16 to 64 letters, digits, "-" or "_"'),
  /** The id this Y.Doc has already written under, when it reconnects; absent for a document that has written nothing. */
  clientId: z.number().int().min(1).max(4_294_967_295).optional(),
});

export const collabHandshake = z.strictObject({
  token: z.string().min(1).max(4_096),
  draftId: z.uuid(),
  /** Optional: asks for a Yjs client id leased to this page, so a draft's writers do not grow with every page load (docs/realtime.md). */
  writer: collabWriterRequest.optional(),
});

export type CollabWriterRequest = z.infer<typeof collabWriterRequest>;

/**
 * Server → client `writer`: the id the page writes under from its first change on (set it on the
 * Y.Doc once the server's document has been applied and before writing anything), or, for a page
 * that comes back holding changes under an id since given to another page of its own, why it must
 * start again from the server's document (`writer_lapsed`). `unavailable`: no lease could be had;
 * the page keeps the id it has.
 */
export type CollabWriterEvent = { ok: true; clientId: number } | { ok: false; reason: 'writer_lapsed' | 'unavailable'; message: string };

/** What the acknowledgement callback of a client's `yjs` event receives. `ok` means: durably stored. */
export type CollabAck = { ok: true } | { ok: false; error: ErrorCode; message: string; details?: CollabErrorDetails };

export interface CollabErrorDetails {
  /** Why a frame was refused, for logs and tests: one of `COLLAB_REFUSALS`. */
  reason?: CollabRefusal;
  paragraphId?: string;
  amendmentId?: string;
  limit?: number;
  size?: number;
  /** For `update_rate` and `sync_rate`: when the next one will be accepted. */
  retryAfterMs?: number;
}

export interface CollabErrorEvent {
  error: ErrorCode;
  message: string;
  details?: CollabErrorDetails;
}

/** Every reason a frame or connection is refused; clients may switch on these. */
export const COLLAB_REFUSALS = [
  'malformed_frame',
  'unknown_message_type',
  'malformed_update',
  'missing_dependencies',
  'oversized',
  'read_only',
  'structure',
  'paragraph_closed',
  'base_text',
  'bracket_removed',
  'bracket_forged',
  'bracket_foreign',
  'bracket_malformed',
  'bracket_not_allowed',
  'foreign_client_id',
  'control_characters',
  'malformed_awareness',
  'awareness_impersonation',
  'too_many_refusals',
  /** More updates than a connection may send per second (COLLAB_UPDATES_PER_SECOND); nothing of it was stored. */
  'update_rate',
  /** More sync requests than a connection may send per second (each is answered with the whole document). */
  'sync_rate',
  /** The connection is being closed (its session ended, or too many refusals); nothing more is accepted. */
  'closing',
  /**
   * The update writes under a Yjs client id this page once held and that was since leased to another
   * page (it was away longer than COLLAB_WRITER_LEASE_MS): start again from the server's document.
   */
  'writer_lapsed',
] as const;
export type CollabRefusal = (typeof COLLAB_REFUSALS)[number];

/** Server → client `session` payload. */
export interface CollabSession {
  draftId: string;
  user: CollabUser;
  /** False for observers: their sync step 1 is answered, their updates are refused. */
  canWrite: boolean;
}

export interface CollabUser {
  userId: string;
  username: string;
  displayName: string;
  role: string;
  /** Primary code of the delegation (e.g. "MEX"); null for the chair, secretariat and observers. */
  delegation: string | null;
  /** The delegation's name as the committee writes it (e.g. "Mexico"); the office's name otherwise. */
  delegationName: string;
  /** A stable colour for cursors, derived from the delegation or user. */
  color: string;
}

/**
 * One client's awareness state. The server overwrites `user` with the signed-in account (so no one
 * can appear as another delegation) and keeps the other fields as sent, within the size limit.
 */
export interface CollabAwarenessState {
  user: CollabUser;
  /** The paragraph the person is in, or null. */
  paragraphId?: string | null;
  /** Cursor and selection in that paragraph's Y.Text, as Y.RelativePosition JSON. */
  cursor?: { anchor: unknown; head: unknown } | null;
  [key: string]: unknown;
}

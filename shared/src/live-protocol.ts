import { z } from 'zod';
import {
  commentViewSchema,
  consultationViewSchema,
  decisionViewSchema,
  queueItemSchema,
  reservationViewSchema,
  sessionViewSchema,
  silenceViewSchema,
  speakerViewSchema,
  tallySchema,
  versionSummarySchema,
  workflowViewSchema,
} from './workflow-schemas';
import { translationChangedPayload } from './translations';

/**
 * The live channel of the negotiation room: socket.io namespace `/live` on the default path.
 * Connect with `io(url + LIVE_NAMESPACE, { auth: { token, draftId } })`; everyone connected to a
 * draft receives the same events, in the order the changes committed. Server and client both
 * import these names and schemas, so a renamed event fails to compile on both sides.
 */
export const LIVE_NAMESPACE = '/live';

export const liveHandshake = z.strictObject({
  token: z.string().min(1).max(4_096),
  draftId: z.uuid(),
});
export type LiveHandshake = z.infer<typeof liveHandshake>;

/** Server → client. */
export const LIVE_EVENTS = {
  /** Sent once on connection and in answer to `state.request`: where the room stands. */
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
  /** A translation was stored, or the original changed and translations turned outdated. */
  translationChanged: 'translation.changed',
} as const;

/** Client → server; each answers through the socket.io acknowledgement with `LiveAck`. */
export const LIVE_CLIENT_EVENTS = {
  requestState: 'state.request',
  requestFloor: 'floor.request',
  withdrawFloor: 'floor.withdraw',
} as const;

export const liveStatePayload = z.object({
  draftId: z.string(),
  user: z.object({ username: z.string(), role: z.string(), delegation: z.string().nullable() }),
  workflow: workflowViewSchema,
  session: sessionViewSchema.nullable(),
});

export const LIVE_PAYLOADS = {
  [LIVE_EVENTS.state]: liveStatePayload,
  [LIVE_EVENTS.phaseChanged]: workflowViewSchema,
  [LIVE_EVENTS.versionPublished]: versionSummarySchema,
  [LIVE_EVENTS.sessionOpened]: sessionViewSchema,
  [LIVE_EVENTS.sessionClosed]: z.object({ sessionId: z.string(), decisions: z.number(), tally: tallySchema }),
  [LIVE_EVENTS.queueChanged]: z.object({ sessionId: z.string(), queue: z.array(queueItemSchema) }),
  [LIVE_EVENTS.paragraphCalled]: z.object({ sessionId: z.string(), item: queueItemSchema, calledAt: z.string() }),
  [LIVE_EVENTS.decisionRecorded]: z.object({ sessionId: z.string(), decision: decisionViewSchema, tally: tallySchema }),
  [LIVE_EVENTS.speakersChanged]: z.object({ sessionId: z.string(), speakers: z.array(speakerViewSchema) }),
  [LIVE_EVENTS.consultationChanged]: consultationViewSchema,
  [LIVE_EVENTS.reservationAdded]: reservationViewSchema,
  [LIVE_EVENTS.commentAdded]: commentViewSchema,
  [LIVE_EVENTS.silenceChanged]: silenceViewSchema,
  [LIVE_EVENTS.translationChanged]: translationChangedPayload,
} as const;

export type LiveEventName = (typeof LIVE_EVENTS)[keyof typeof LIVE_EVENTS];
export type LivePayload<E extends LiveEventName> = z.infer<(typeof LIVE_PAYLOADS)[E]>;

/** What the server emits on /live, as a socket.io event map: each event with its payload. */
export type LiveServerEvents = { [E in LiveEventName]: (payload: LivePayload<E>) => void };

/** What a client sends on /live; the payload is checked at the gateway, the answer comes in the acknowledgement. */
export type LiveClientEvents = { [E in (typeof LIVE_CLIENT_EVENTS)[keyof typeof LIVE_CLIENT_EVENTS]]: (payload: unknown, ack: (answer: LiveAck) => void) => void };

export const liveFloorRequest = z.strictObject({ paragraphId: z.uuid().optional() }).default({});

/** The acknowledgement of a client event: the result, or the same error body as the REST API. */
export type LiveAck<T = unknown> = { ok: true; data: T } | { ok: false; error: string; message: string; details?: unknown };

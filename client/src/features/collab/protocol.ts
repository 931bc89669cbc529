import type { COLLAB_EVENTS, COLLAB_MESSAGE, COLLAB_NAMESPACE } from '@omnibus/shared/collab-protocol';

export type { CollabAck, CollabAwarenessState, CollabErrorEvent, CollabSession, CollabWriterEvent, CollabWriterRequest } from '@omnibus/shared/collab-protocol';

// Typed against the shared protocol, written out so its zod handshake schema stays out of the bundle.
export const COLLAB_NS: typeof COLLAB_NAMESPACE = '/collab';
export const COLLAB_EVENT: typeof COLLAB_EVENTS = { yjs: 'yjs', error: 'error', session: 'session', writer: 'writer' };
export const MESSAGE: typeof COLLAB_MESSAGE = { sync: 0, awareness: 1 };

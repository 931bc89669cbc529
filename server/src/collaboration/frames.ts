import { COLLAB_LIMITS, COLLAB_MESSAGE, COLLAB_SYNC_STEP, CollabRefusal } from '@omnibus/shared';
import { decoding, encoding } from './yjs';

/** One `yjs` frame as y-websocket frames it, decoded. */
export type Frame =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array };

export type FrameResult = { ok: true; frame: Frame } | { ok: false; reason: CollabRefusal; message: string; size?: number };

function bytesOf(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return null;
}

/** Reads a frame, refusing anything that is not exactly one well-formed message within the limits. */
export function decodeFrame(data: unknown): FrameResult {
  const bytes = bytesOf(data);
  if (bytes === null) return { ok: false, reason: 'malformed_frame', message: 'A yjs frame is binary data, not text or JSON.' };
  if (bytes.length > COLLAB_LIMITS.frameBytes) {
    return {
      ok: false,
      reason: 'oversized',
      message: `The frame has ${bytes.length} bytes; the server accepts at most ${COLLAB_LIMITS.frameBytes}. Send large changes in smaller pieces.`,
      size: bytes.length,
    };
  }
  try {
    const d = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(d);
    let frame: Frame;
    if (type === COLLAB_MESSAGE.sync) {
      const step = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (step === COLLAB_SYNC_STEP.step1) frame = { type: 'sync-step1', stateVector: payload };
      else if (step === COLLAB_SYNC_STEP.step2) frame = { type: 'sync-step2', update: payload };
      else if (step === COLLAB_SYNC_STEP.update) frame = { type: 'update', update: payload };
      else return { ok: false, reason: 'unknown_message_type', message: `Sync message type ${step} does not exist (0, 1 and 2 do).` };
    } else if (type === COLLAB_MESSAGE.awareness) {
      if (bytes.length > COLLAB_LIMITS.awarenessFrameBytes) {
        return {
          ok: false,
          reason: 'oversized',
          message: `An awareness frame may have at most ${COLLAB_LIMITS.awarenessFrameBytes} bytes; this one has ${bytes.length}.`,
          size: bytes.length,
        };
      }
      frame = { type: 'awareness', update: decoding.readVarUint8Array(d) };
    } else {
      return { ok: false, reason: 'unknown_message_type', message: `Message type ${type} is not spoken here: 0 is sync, 1 is awareness.` };
    }
    if (decoding.hasContent(d)) return { ok: false, reason: 'malformed_frame', message: 'The frame carries bytes after its message.' };
    return { ok: true, frame };
  } catch {
    return { ok: false, reason: 'malformed_frame', message: 'The frame is cut short or is not y-websocket framing.' };
  }
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, COLLAB_MESSAGE.sync);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export const syncStep1Frame = (stateVector: Uint8Array): Uint8Array => syncFrame(COLLAB_SYNC_STEP.step1, stateVector);
export const syncStep2Frame = (update: Uint8Array): Uint8Array => syncFrame(COLLAB_SYNC_STEP.step2, update);
export const updateFrame = (update: Uint8Array): Uint8Array => syncFrame(COLLAB_SYNC_STEP.update, update);

export function awarenessFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, COLLAB_MESSAGE.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

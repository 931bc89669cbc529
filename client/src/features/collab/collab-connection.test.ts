import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SAVING_SHOWN_AFTER_MS } from './collab-connection';

/** A stand-in for the socket.io socket: records what is sent, and the test acknowledges it. */
class FakeSocket {
  connected = true;
  sent: { frame: Uint8Array; ack: ((a: { ok: boolean }) => void) | null }[] = [];
  private handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }
  emit(_event: string, frame: Uint8Array) {
    this.sent.push({ frame, ack: null });
    return this;
  }
  timeout() {
    return {
      emitWithAck: (_event: string, frame: Uint8Array) =>
        new Promise<{ ok: boolean }>((resolve) => {
          this.sent.push({ frame, ack: resolve });
        }),
    };
  }
  disconnect() {
    this.connected = false;
    return this;
  }
  connect() {
    return this;
  }
}

let socket: FakeSocket;
vi.mock('socket.io-client', () => ({ io: () => socket }));

const { CollabConnection } = await import('./collab-connection');

/** The message type of a frame: 0 a document update (sync), 1 presence. */
const kind = (frame: Uint8Array) => decoding.readVarUint(decoding.createDecoder(frame));
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('what the co-editing connection sends, and when it says so', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    socket = new FakeSocket();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the changes of one task together, after it, and counts them unsaved from the first keystroke', async () => {
    const conn = new CollabConnection('token', 'draft');
    const counts: number[] = [];
    conn.onUnsaved((n) => counts.push(n));
    const text = conn.doc.getText('t');
    text.insert(0, 'a');
    text.insert(1, 'b');
    // Not sent yet, but already unsaved: a test waiting for data-unsaved="0" cannot pass too early.
    expect(socket.sent).toHaveLength(0);
    expect(conn.unsavedNow()).toBe(1);
    await settle();
    expect(socket.sent.map((s) => kind(s.frame))).toEqual([0]);
    // The one frame carries both keystrokes.
    const other = new Y.Doc();
    const update = decoding.createDecoder(socket.sent[0]!.frame);
    decoding.readVarUint(update);
    decoding.readVarUint(update);
    Y.applyUpdate(other, decoding.readVarUint8Array(update));
    expect(other.getText('t').toString()).toBe('ab');
    socket.sent[0]!.ack!({ ok: true });
    await settle();
    expect(conn.unsavedNow()).toBe(0);
    expect(counts[0]).toBe(1);
    expect(counts[counts.length - 1]).toBe(0);
  });

  it('says "saving" only for changes the server has not acknowledged after a while', async () => {
    const conn = new CollabConnection('token', 'draft');
    socket.fire('connect');
    // The server's whole document (sync step 2): the connection is synced.
    const step2 = encoding.createEncoder();
    encoding.writeVarUint(step2, 0);
    syncProtocol.writeSyncStep2(step2, new Y.Doc());
    socket.fire('yjs', encoding.toUint8Array(step2));
    expect(conn.getSnapshot().status).toBe('synced');
    const shown: number[] = [];
    conn.subscribe(() => shown.push(conn.getSnapshot().unsaved));
    for (const s of socket.sent) s.ack?.({ ok: true });
    await settle();
    shown.length = 0;

    // Acknowledged at once: the status line never hears of it.
    conn.doc.getText('t').insert(0, 'a');
    await settle();
    socket.sent[socket.sent.length - 1]!.ack!({ ok: true });
    await settle();
    await vi.advanceTimersByTimeAsync(SAVING_SHOWN_AFTER_MS * 2);
    expect(shown).toEqual([]);

    // Slow: "saving" after the delay, "saved" at the acknowledgement.
    conn.doc.getText('t').insert(0, 'b');
    await settle();
    await vi.advanceTimersByTimeAsync(SAVING_SHOWN_AFTER_MS + 1);
    expect(shown).toEqual([1]);
    socket.sent[socket.sent.length - 1]!.ack!({ ok: true });
    await settle();
    expect(shown).toEqual([1, 0]);
  });

  it("applies the server's changes without sending them back, and still sends a change made while they are applied", async () => {
    const conn = new CollabConnection('token', 'draft');
    const remote = new Y.Doc();
    remote.getText('t').insert(0, 'from the server');
    const frame = (update: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, update);
      return encoding.toUint8Array(e);
    };
    socket.fire('yjs', frame(Y.encodeStateAsUpdate(remote)));
    await settle();
    expect(conn.doc.getText('t').toString()).toBe('from the server');
    expect(socket.sent).toHaveLength(0);
    expect(conn.unsavedNow()).toBe(0);

    // An observer that writes when the server's words arrive (nothing does today): its change goes out.
    const local = conn.doc.getText('local');
    conn.doc.getText('t').observe(() => local.insert(0, 'echo'));
    const before = Y.encodeStateVector(remote);
    remote.getText('t').insert(0, '» ');
    socket.fire('yjs', frame(Y.encodeStateAsUpdate(remote, before)));
    await settle();
    expect(socket.sent.map((s) => kind(s.frame))).toEqual([0]);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(remote));
    const update = decoding.createDecoder(socket.sent[0]!.frame);
    decoding.readVarUint(update);
    decoding.readVarUint(update);
    Y.applyUpdate(other, decoding.readVarUint8Array(update));
    expect(other.getText('local').toString()).toBe('echo');
  });

  it('says at once what is typed while the connection is down', async () => {
    const conn = new CollabConnection('token', 'draft');
    socket.connected = false;
    socket.fire('disconnect');
    conn.doc.getText('t').insert(0, 'a');
    await settle();
    expect(conn.getSnapshot()).toMatchObject({ status: 'offline', unsaved: 1 });
    expect(socket.sent).toHaveLength(0);
  });

  it('sends one presence frame for the moves of one task, and what is pending when the room closes', async () => {
    const conn = new CollabConnection('token', 'draft');
    conn.setPresence('p1', { anchor: 1, head: 1 });
    conn.setPresence('p1', { anchor: 2, head: 2 });
    await settle();
    expect(socket.sent.map((s) => kind(s.frame))).toEqual([1]);
    conn.doc.getText('t').insert(0, 'a');
    conn.close();
    // The keystroke and the leaving, before the socket closed.
    expect(socket.sent.map((s) => kind(s.frame))).toEqual([1, 0, 1]);
  });
});

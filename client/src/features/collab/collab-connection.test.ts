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
/** The handshake's `auth` as the connection gave it to socket.io (a function read at every connection). */
let auth: (cb: (data: Record<string, unknown>) => void) => void;
vi.mock('socket.io-client', () => ({
  io: (_ns: string, opts: { auth: typeof auth }) => {
    auth = opts.auth;
    return socket;
  },
}));
vi.mock('../auth/session-ended', () => ({
  signOutWhenSessionEnds: () => undefined,
  socketAuth: (token: string, draftId: string, extra: () => object) => (cb: (data: object) => void) => cb({ token, draftId, ...extra() }),
}));

/** What the socket would present on its next (re)connection. */
const handshake = (): Record<string, unknown> => {
  let out: Record<string, unknown> = {};
  auth((data) => (out = data));
  return out;
};

/** The server's whole document as sync step 2. */
const step2Of = (doc: Y.Doc): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep2(e, doc);
  return encoding.toUint8Array(e);
};

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

  it('writes under the id the server leases, taken on only once the server\'s document is applied', async () => {
    const conn = new CollabConnection('token', 'draft');
    const first = handshake().writer as { key: string; clientId?: number };
    // A document that has written nothing asks for an id without naming one.
    expect(first.key).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(first.clientId).toBeUndefined();
    // An id that wrote before: the server's document holds its last writer's words.
    const server = new Y.Doc();
    server.clientID = 4242;
    server.getText('t').insert(0, 'earlier');
    server.clientID = 1;
    socket.fire('connect');
    socket.fire('writer', { ok: true, clientId: 4242 });
    // Not yet: Yjs would drop the id on meeting its earlier changes, and its clock would restart.
    expect(conn.doc.clientID).not.toBe(4242);
    socket.fire('yjs', step2Of(server));
    expect(conn.doc.clientID).toBe(4242);
    conn.doc.getText('t').insert(7, '!');
    await settle();
    // The change continues the clock: the server takes it as the next of 4242's.
    const frame = decoding.createDecoder(socket.sent[socket.sent.length - 1]!.frame);
    decoding.readVarUint(frame);
    decoding.readVarUint(frame);
    Y.applyUpdate(server, decoding.readVarUint8Array(frame));
    expect(server.getText('t').toString()).toBe('earlier!');
    expect(server.store.pendingStructs).toBeNull();
    // Reconnecting, the document asks for its own id back under the same key.
    expect(handshake().writer).toEqual({ key: first.key, clientId: 4242 });
  });

  it('keeps its id once it has written, and starts again with a new key when its id went to another page', async () => {
    const conn = new CollabConnection('token', 'draft');
    socket.fire('connect');
    socket.fire('yjs', step2Of(new Y.Doc()));
    conn.doc.getText('t').insert(0, 'typed before the lease came');
    const own = conn.doc.clientID;
    socket.fire('writer', { ok: true, clientId: 77 });
    expect(conn.doc.clientID).toBe(own);
    const { key } = handshake().writer as { key: string };

    socket.fire('writer', { ok: false, reason: 'writer_lapsed', message: 'given to another page' });
    expect(conn.getSnapshot()).toMatchObject({ generation: 1, message: 'given to another page' });
    expect(conn.doc.getText('t').toString()).toBe('');
    const next = handshake().writer as { key: string; clientId?: number };
    expect(next.key).not.toBe(key);
    expect(next.clientId).toBeUndefined();
  });
});

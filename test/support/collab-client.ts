import {
  BRACKET_ATTRIBUTE,
  COLLAB_DOC,
  COLLAB_EVENTS,
  COLLAB_NAMESPACE,
  CollabAck,
  CollabErrorEvent,
  CollabSession,
  CollabWriterEvent,
  PARAGRAPH_FIELDS,
  projectDelta,
  TextDeltaOp,
} from '@omnibus/shared';
import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import { CollabDocumentsRepository } from '../../server/src/collaboration/collab-documents.repository';
import { awarenessFrame, decodeFrame, syncStep1Frame, syncStep2Frame, updateFrame } from '../../server/src/collaboration/frames';
import { decoding, encoding, Y, type Doc, type YMap, type YText } from '../../server/src/collaboration/yjs';

/** Polls `check` until it holds (robust on a busy 2-core machine, unlike a fixed sleep). */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface SentUpdate {
  update: Uint8Array;
  ack: CollabAck | null;
}

/**
 * A headless Yjs client speaking our wire format, as any third-party client would: socket.io
 * namespace /collab, event `yjs`, y-websocket framing, acknowledgements for every frame it sends.
 */
export class CollabClient {
  readonly doc: Doc;
  readonly socket: Socket;
  readonly errors: CollabErrorEvent[] = [];
  readonly sent: SentUpdate[] = [];
  readonly awareness = new Map<number, { clock: number; state: Record<string, unknown> | null }>();
  session: CollabSession | null = null;
  /** The server's answer to a `writer` request in the handshake, once it came. */
  writer: CollabWriterEvent | null = null;
  synced = false;
  private awarenessClock = 0;
  private disconnected = false;

  private constructor(url: string, token: string, draftId: string, extra: Record<string, unknown>, doc: Doc | undefined) {
    this.doc = doc ?? new Y.Doc();
    this.socket = io(`${url}${COLLAB_NAMESPACE}`, { auth: { token, draftId, ...extra }, transports: ['websocket'], reconnection: false, forceNew: true });
    this.socket.on(COLLAB_EVENTS.session, (s: CollabSession) => (this.session = s));
    this.socket.on(COLLAB_EVENTS.writer, (w: CollabWriterEvent) => (this.writer = w));
    this.socket.on(COLLAB_EVENTS.error, (e: CollabErrorEvent) => this.errors.push(e));
    this.socket.on(COLLAB_EVENTS.yjs, (data: Uint8Array) => this.onFrame(data));
    this.socket.on('disconnect', () => (this.disconnected = true));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin instanceof CollabClient || this.disconnected) return;
      const entry: SentUpdate = { update, ack: null };
      this.sent.push(entry);
      if (this.socket.connected) this.send(updateFrame(update)).then((a) => (entry.ack = a), () => undefined);
    });
  }

  /** Connects and waits until the first sync round trip is done; pass the document of an earlier connection to resume it. */
  static async connect(url: string, token: string, draftId: string, extra: Record<string, unknown> = {}, doc?: Doc): Promise<CollabClient> {
    const c = new CollabClient(url, token, draftId, extra, doc);
    await new Promise<void>((resolve, reject) => {
      c.socket.once('connect', () => resolve());
      c.socket.once('connect_error', (err: Error & { data?: unknown }) => reject(Object.assign(new Error(err.message), { data: err.data })));
    });
    c.socket.emit(COLLAB_EVENTS.yjs, syncStep1Frame(Y.encodeStateVector(c.doc)));
    await waitFor(() => c.synced, 'the first sync');
    return c;
  }

  get connected(): boolean {
    return this.socket.connected && !this.disconnected;
  }

  send(frame: Uint8Array | unknown): Promise<CollabAck> {
    return this.socket.timeout(20_000).emitWithAck(COLLAB_EVENTS.yjs, frame) as Promise<CollabAck>;
  }

  private onFrame(data: Uint8Array): void {
    const decoded = decodeFrame(data);
    if (!decoded.ok) throw new Error(`the server sent a bad frame: ${decoded.message}`);
    const f = decoded.frame;
    switch (f.type) {
      case 'sync-step1': {
        // What the server lacks (offline edits): acknowledged like any update once stored.
        const entry: SentUpdate = { update: Y.encodeStateAsUpdate(this.doc, f.stateVector), ack: null };
        this.sent.push(entry);
        // A lost connection leaves it unacknowledged: exactly what a crash test needs to see.
        this.send(syncStep2Frame(entry.update)).then((a) => (entry.ack = a), () => undefined);
        return;
      }
      case 'sync-step2':
        Y.applyUpdate(this.doc, f.update, this);
        this.synced = true;
        return;
      case 'update':
        Y.applyUpdate(this.doc, f.update, this);
        return;
      case 'awareness': {
        const d = decoding.createDecoder(f.update);
        const n = decoding.readVarUint(d);
        for (let i = 0; i < n; i++) {
          const id = decoding.readVarUint(d);
          const clock = decoding.readVarUint(d);
          const state = JSON.parse(decoding.readVarString(d)) as Record<string, unknown> | null;
          this.awareness.set(id, { clock, state });
        }
        return;
      }
    }
  }

  setAwareness(state: Record<string, unknown> | null, clientId = this.doc.clientID): Promise<CollabAck> {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, ++this.awarenessClock);
    encoding.writeVarString(e, JSON.stringify(state));
    return this.send(awarenessFrame(encoding.toUint8Array(e)));
  }

  paragraphs(): YMap<unknown> {
    return this.doc.getMap(COLLAB_DOC.paragraphs);
  }

  paragraph(id: string): YMap<unknown> {
    return paragraphMap(this.doc, id);
  }

  text(paragraphId: string): YText {
    return paragraphText(this.doc, paragraphId);
  }

  projection(paragraphId: string) {
    const p = projectDelta(this.text(paragraphId).toDelta() as TextDeltaOp[]);
    if (!p.ok) throw new Error(p.problem);
    return p;
  }

  /** Proposes an insertion at a base-text position in the name of `sponsors` (normally one's own delegation). */
  propose(paragraphId: string, index: number, words: string, sponsors: string, id: string = randomUUID()): string {
    this.text(paragraphId).insert(index, words, { [BRACKET_ATTRIBUTE]: { id, kind: 'insert', sponsors } });
    return id;
  }

  /** Every update this client sent has been acknowledged (or refused). */
  async settled(timeoutMs = 20_000): Promise<void> {
    await waitFor(() => this.sent.every((s) => s.ack !== null), 'acknowledgements', timeoutMs);
  }

  /** Drops the connection but keeps the document, to go on editing offline and reconnect later. */
  disconnect(): void {
    this.disconnected = true;
    this.socket.disconnect();
  }

  /**
   * Waits for the answer to the handshake's `writer` request; when granted, writes under that id from
   * now on (after the first sync, which `connect` waited for, as the room's page does).
   */
  async takeWriterId(): Promise<CollabWriterEvent> {
    await waitFor(() => this.writer !== null, 'the writer answer');
    const w = this.writer as CollabWriterEvent;
    if (w.ok) this.doc.clientID = w.clientId;
    return w;
  }

  /** Loses the connection without saying goodbye (a dropped network), keeping the document. */
  drop(): void {
    this.disconnected = true;
    this.socket.io.engine.close();
  }

  close(): void {
    this.disconnect();
    this.doc.destroy();
  }
}

function paragraphMap(doc: Doc, id: string): YMap<unknown> {
  const p = doc.getMap(COLLAB_DOC.paragraphs).get(id) as YMap<unknown> | undefined;
  if (!p) throw new Error(`paragraph ${id} is not in the document`);
  return p;
}

/** A paragraph's co-edited text in any copy of a draft's document. */
export function paragraphText(doc: Doc, paragraphId: string): YText {
  return paragraphMap(doc, paragraphId).get(PARAGRAPH_FIELDS.text) as YText;
}

/** The document as PostgreSQL holds it, read the way the server loads a room. */
export async function storedDoc(ds: DataSource, draftId: string): Promise<Doc> {
  const stored = await new CollabDocumentsRepository(ds).load(draftId);
  if (!stored) throw new Error(`draft ${draftId} has no stored document`);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const row of stored.updates) Y.applyUpdate(doc, row.update);
  return doc;
}

/** A canonical JSON of a document's content: every paragraph's fields and its text delta. */
export function contentOf(doc: Doc): string {
  const paragraphs = doc.getMap<unknown>(COLLAB_DOC.paragraphs);
  const out: Record<string, unknown> = {};
  for (const id of [...paragraphs.keys()].sort()) {
    const p = paragraphs.get(id) as YMap<unknown>;
    const fields: Record<string, unknown> = {};
    for (const k of [...p.keys()].sort()) {
      const v = p.get(k);
      fields[k] = v instanceof Y.Text ? v.toDelta() : v;
    }
    out[id] = fields;
  }
  return JSON.stringify(out);
}

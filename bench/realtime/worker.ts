/**
 * One client process of the benchmark: a share of the editors typing 5 keys/s in random paragraphs
 * (inside its own delegation's bracket, or in the Chair's text) and moving its cursor at 10 Hz.
 * Speaks either our protocol (socket.io /collab) or y-websocket's.
 *
 * Two client models (`BENCH_CLIENTS`):
 * - `copies`: each editor is a full Y.Doc of the draft, as in a browser, and applies every batch it
 *   receives (y-websocket's own client for the reference);
 * - `shared` (the default): the editors of a process type into one Y.Doc, each under its own client id, and each
 *   distinct frame is applied once per process; every editor still has its own connection, sends its
 *   own updates and presence and receives everything. The clients then cost ~1/N of the copies
 *   model, so a step measures the server rather than the machine's capacity to apply the room's
 *   keystrokes N times over (what limits `copies` beyond ~70–140 editors on two cores).
 */
import { BRACKET_ATTRIBUTE, COLLAB_DOC, COLLAB_EVENTS, COLLAB_NAMESPACE, CollabAck } from '@omnibus/shared';
import { randomBytes, randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame } from '../../server/src/collaboration/frames';
import { newHistogram, record, sparse } from './histogram';
import { paragraphText } from '../../test/support/collab-client';
import { awarenessProtocol, decoding, Y, yWebsocket, type Awareness, type Doc, type Transaction, type YText } from './libs';

/** `brackets`: each delegation types inside its own bracket; `base`: the Chair's offices type the Chair's text itself. */
export type Mode = 'brackets' | 'base';

export interface WorkerInit {
  kind: 'ours' | 'reference';
  mode: Mode;
  url: string;
  /** Our draft's id, or the reference server's room name. */
  draftId: string;
  editors: { token: string; code: string }[];
  /** Paragraphs nobody of this process types in (another client is measured there). */
  avoid?: string[];
  /** The client model (see above); `copies` when absent (the runner always says which). */
  clients?: ClientModel;
}

export type ClientModel = 'copies' | 'shared';

/** What a client process measured in the window: histograms in sparse form, and counters. */
export interface WorkerReport {
  /** Keystroke on one editor until each other editor has applied it. */
  latency: [number, number][];
  /** Keystroke until the first editor of this process has it (server and network). */
  firstArrival: [number, number][];
  /** From there until each other editor of this process has it (this process's own queue). */
  fanOut: [number, number][];
  samples: number;
  missing: number;
  /** Keystrokes typed in this process during the window. */
  keystrokes: number;
  /** Acknowledgements of our server, sent until acknowledged (ms). */
  acks: [number, number][];
  acksOk: number;
  acksRefused: number;
  refusals: Record<string, number>;
  framesIn: number;
}

export interface SentRecord {
  c: number;
  k: number;
  t: number;
}

interface Editor {
  code: string;
  /** The editor's copy of the draft, or the process's one copy in the `shared` model. */
  doc: Doc;
  /** The client id this editor types under (its own doc's, or its own in the shared copy). */
  clientId: number;
  awareness: Awareness;
  synced: boolean;
  recv: Map<number, [number, number][]>;
  target: { paragraphId: string; attr: Record<string, unknown>; rel: unknown; typed: number; length: number } | null;
  close(): void;
}

// y-websocket's provider adds an exit listener per document; a process holds dozens.
process.setMaxListeners(0);

const REMOTE = Symbol('remote');
const now = () => performance.timeOrigin + performance.now();

const sentLog: SentRecord[] = [];
const outbox: SentRecord[] = [];
/** Each acknowledgement: when its update was sent, and how long until it came (ms); only the measured window's are reported. */
const ackTimes: [number, number][] = [];
let acksOk = 0;
let acksRefused = 0;
let framesIn = 0;
const refusalReasons = new Map<string, number>();

/**
 * Notes when each remote keystroke reached editor `e`, from the state vectors Yjs computes for every
 * transaction anyway (no second decode of the update), the same way for both servers' clients.
 */
function trackReceive(e: Editor, tr: Transaction): void {
  framesIn++;
  const t = now();
  for (const [client, clock] of tr.afterState) {
    if ((tr.beforeState.get(client) ?? 0) >= clock) continue;
    noteArrival(e, client, clock, t);
  }
}

/** Editor `e` holds client `client`'s keystrokes up to `clock` since `t`. */
function noteArrival(e: Editor, client: number, clock: number, t: number): void {
  const list = e.recv.get(client);
  if (list) list.push([clock, t]);
  else e.recv.set(client, [[clock, t]]);
}

/** What an editor's connection sends: its own updates and its presence. */
type Send = (frame: Uint8Array, acked?: boolean) => void;

/** Sends an editor's presence whenever its local state changes. */
function sendPresence(awareness: Awareness, send: Send): void {
  awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin !== 'local') return;
    const changed = [...added, ...updated, ...removed];
    send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, changed)));
  });
}

/**
 * Handles one `yjs` frame that reached editor `e`: answers the server's sync step 1, applies updates
 * (`apply`), and in the copies model applies presence too (the shared model only counts it).
 */
function onFrame(e: Editor, data: Uint8Array, send: Send, apply: (payload: Uint8Array) => void): void {
  const d = decoding.createDecoder(data);
  const type = decoding.readVarUint(d);
  if (type === 1) {
    if (model === 'copies') awarenessProtocol.applyAwarenessUpdate(e.awareness, decoding.readVarUint8Array(d), REMOTE);
    else framesIn++;
    return;
  }
  const step = decoding.readVarUint(d);
  const payload = decoding.readVarUint8Array(d);
  if (step === 0) {
    send(syncStep2Frame(Y.encodeStateAsUpdate(e.doc, payload)));
    return;
  }
  apply(payload);
  if (step === 1) e.synced = true;
}

/** The process's one copy of the draft in the shared model, sending each editor's keystrokes through that editor's connection. */
let sharedCopy: Doc | null = null;
function sharedDoc(): Doc {
  if (sharedCopy) return sharedCopy;
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    senders.get(origin as Editor)?.(updateFrame(update), true);
  });
  sharedCopy = doc;
  return doc;
}
const senders = new Map<Editor, Send>();

/** Each distinct frame's keystrokes (client id, end clock), read once per process (shared model); oldest dropped first. */
const frameKeystrokes = new Map<string, [number, number][]>();
const FRAMES_REMEMBERED = 2_000;

/** Shared model: applies a frame to the process's copy the first time any editor receives it, and notes when this editor received its keystrokes. */
function receiveShared(e: Editor, payload: Uint8Array): void {
  framesIn++;
  const t = now();
  const key = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('latin1');
  let keystrokes = frameKeystrokes.get(key);
  if (!keystrokes) {
    Y.applyUpdate(e.doc, payload, REMOTE);
    const { from, to } = Y.parseUpdateMeta(payload);
    keystrokes = [...to].filter(([client, clock]) => clock > (from.get(client) ?? 0));
    frameKeystrokes.set(key, keystrokes);
    if (frameKeystrokes.size > FRAMES_REMEMBERED) frameKeystrokes.delete(frameKeystrokes.keys().next().value as string);
  }
  for (const [client, clock] of keystrokes) noteArrival(e, client, clock, t);
}

/** A new editor: its own copy (copies model) or the shared one, and its own presence under its own client id. */
function newEditor(code: string, close: () => void): Editor {
  if (model === 'copies') {
    const doc = new Y.Doc();
    return { code, doc, clientId: doc.clientID, awareness: new awarenessProtocol.Awareness(doc), synced: false, recv: new Map(), target: null, close };
  }
  // Presence needs a document of its own client id; it stays empty.
  const own = new Y.Doc();
  return { code, doc: sharedDoc(), clientId: own.clientID, awareness: new awarenessProtocol.Awareness(own), synced: false, recv: new Map(), target: null, close };
}

function oursEditor(init: WorkerInit, token: string, code: string): Editor {
  // Each page asks for a leased writer id, as the room's page does, so joins and first keystrokes pay
  // for the lease (BENCH_NO_WRITER=1: they do not ask); the editors keep writing under their own ids
  // (the arrivals are told apart by them).
  const auth = process.env.BENCH_NO_WRITER ? { token, draftId: init.draftId } : { token, draftId: init.draftId, writer: { key: randomBytes(18).toString('base64url') } };
  const socket = io(`${init.url}${COLLAB_NAMESPACE}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  const e = newEditor(code, () => socket.disconnect());
  const send: Send = (frame, acked) => {
    if (!acked) {
      socket.emit(COLLAB_EVENTS.yjs, frame);
      return;
    }
    const t0 = now();
    socket.emit(COLLAB_EVENTS.yjs, frame, (ack: CollabAck) => {
      ackTimes.push([t0, now() - t0]);
      if (ack.ok) acksOk++;
      else {
        acksRefused++;
        const reason = ack.details?.reason ?? ack.error;
        refusalReasons.set(reason, (refusalReasons.get(reason) ?? 0) + 1);
      }
    });
  };
  socket.on('connect', () => send(syncStep1Frame(Y.encodeStateVector(e.doc))));
  if (model === 'copies') {
    socket.on(COLLAB_EVENTS.yjs, (data: Uint8Array) => onFrame(e, new Uint8Array(data), send, (payload) => Y.applyUpdate(e.doc, payload, REMOTE)));
    e.doc.on('afterTransaction', (tr: Transaction) => tr.origin === REMOTE && trackReceive(e, tr));
    e.doc.on('update', (update: Uint8Array, origin: unknown) => origin === e && send(updateFrame(update), true));
  } else {
    senders.set(e, send);
    socket.on(COLLAB_EVENTS.yjs, (data: Uint8Array) => onFrame(e, new Uint8Array(data), send, (payload) => receiveShared(e, payload)));
  }
  sendPresence(e.awareness, send);
  return e;
}

function referenceEditor(init: WorkerInit, code: string): Editor {
  if (model === 'shared') return referenceSharedEditor(init, code);
  const doc = new Y.Doc();
  const provider = new yWebsocket.WebsocketProvider(init.url, init.draftId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    resyncInterval: -1,
  });
  const e: Editor = { code, doc, clientId: doc.clientID, awareness: provider.awareness, synced: false, recv: new Map(), target: null, close: () => provider.destroy() };
  provider.on('sync', (synced: boolean) => {
    if (synced) e.synced = true;
  });
  doc.on('afterTransaction', (tr: Transaction) => tr.origin === provider && trackReceive(e, tr));
  return e;
}

/** The reference's editor in the shared model: y-websocket's protocol spoken over a plain WebSocket (its provider owns a document of its own). */
function referenceSharedEditor(init: WorkerInit, code: string): Editor {
  const ws = new WebSocket(`${init.url}/${init.draftId}`);
  const e = newEditor(code, () => ws.close());
  const send: Send = (frame) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  };
  senders.set(e, send);
  ws.on('open', () => {
    send(syncStep1Frame(Y.encodeStateVector(e.doc)));
    if (e.awareness.getLocalState() !== null) send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(e.awareness, [e.clientId])));
  });
  ws.on('message', (data: Buffer) => onFrame(e, new Uint8Array(data.buffer, data.byteOffset, data.byteLength), send, (payload) => receiveShared(e, payload)));
  sendPresence(e.awareness, send);
  return e;
}

/** A position in base text (outside everyone's proposed words) where a new bracket may start. */
function freeIndex(text: YText): number {
  let index = 0;
  const spots: [number, number][] = [];
  for (const op of text.toDelta() as { insert: string; attributes?: Record<string, unknown> }[]) {
    const len = op.insert.length;
    if (!op.attributes?.[BRACKET_ATTRIBUTE] && len > 2) spots.push([index + 1, index + len - 1]);
    index += len;
  }
  const [from, to] = spots[Math.floor(Math.random() * spots.length)] ?? [0, 0];
  return from + Math.floor(Math.random() * Math.max(1, to - from));
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz ';

/**
 * A random paragraph for a new run of typing. In the shared model it is one no other editor of this
 * process is typing in: there a new run could start right beside a letter another editor typed a
 * moment ago and the server has not yet received (through that editor's connection), which no real
 * client can do (it only ever builds on what the server sent it, and on its own sent letters).
 */
function pickParagraph(e: Editor, paragraphIds: string[]): string {
  const any = () => paragraphIds[Math.floor(Math.random() * paragraphIds.length)] as string;
  if (model === 'copies') return any();
  const busy = new Set(editors.flatMap((o) => (o !== e && o.target ? [o.target.paragraphId] : [])));
  for (let i = 0; i < 20; i++) {
    const id = any();
    if (!busy.has(id)) return id;
  }
  return any();
}

function keystroke(e: Editor, paragraphIds: string[], mode: Mode): void {
  const letter = LETTERS[Math.floor(Math.random() * LETTERS.length)] as string;
  const textOf = (id: string) => paragraphText(e.doc, id);
  let index: number;
  if (!e.target || e.target.typed >= e.target.length) {
    const paragraphId = pickParagraph(e, paragraphIds);
    const attr = { id: randomUUID(), kind: 'insert', sponsors: e.code };
    index = freeIndex(textOf(paragraphId));
    // Proposals of 10 to 40 characters (25 on average): editors who started together drift apart,
    // instead of all opening a new bracket in the same instant every five seconds.
    e.target = { paragraphId, attr, rel: null, typed: 0, length: 10 + Math.floor(Math.random() * 31) };
  } else {
    const abs = Y.createAbsolutePositionFromRelativePosition(e.target.rel as never, e.doc);
    index = abs?.index ?? 0;
  }
  const text = textOf(e.target.paragraphId);
  // Base text carries no attribute: an explicit null keeps a letter typed at a bracket's edge out of it.
  const attributes = mode === 'brackets' ? { [BRACKET_ATTRIBUTE]: e.target.attr } : { [BRACKET_ATTRIBUTE]: null };
  // The shared copy types under each editor's own client id in turn.
  e.doc.clientID = e.clientId;
  e.doc.transact(() => text.insert(index, letter, attributes), e);
  e.target.rel = Y.createRelativePositionFromTypeIndex(text, index + 1, -1);
  e.target.typed++;
  const rec = { c: e.clientId, k: Y.getState(e.doc.store, e.clientId), t: now() };
  sentLog.push(rec);
  outbox.push(rec);
}

let editors: Editor[] = [];
let mode: Mode = 'brackets';
let model: ClientModel = 'copies';
let avoid = new Set<string>();
const timers: NodeJS.Timeout[] = [];

function start(stopAt: number, mode: Mode): void {
  const paragraphIds = [...(editors[0]?.doc.getMap(COLLAB_DOC.paragraphs).keys() ?? [])].filter((id) => !avoid.has(id));
  for (const e of editors) {
    e.awareness.setLocalState({ name: e.code, cursor: null });
    const phase = Math.random() * 200;
    setTimeout(() => {
      timers.push(
        setInterval(() => {
          if (now() < stopAt) keystroke(e, paragraphIds, mode);
        }, 200),
      );
      timers.push(
        setInterval(() => {
          if (now() < stopAt) e.awareness.setLocalStateField('cursor', { paragraphId: e.target?.paragraphId ?? null, index: Math.floor(Math.random() * 600), at: Date.now() });
        }, 100),
      );
    }, phase);
  }
}

/** When editor `e` first held keystroke `s`, or null if it never did. */
function arrival(e: Editor, s: SentRecord): number | null {
  const list = e.recv.get(s.c);
  let lo = 0;
  let hi = list ? list.length : 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list![mid] as [number, number])[0] >= s.k) hi = mid;
    else lo = mid + 1;
  }
  return list?.[lo]?.[1] ?? null;
}

function ackHistogramOf(measureFrom: number, measureTo: number): ReturnType<typeof newHistogram> {
  const h = newHistogram();
  for (const [sent, ms] of ackTimes) if (sent >= measureFrom && sent < measureTo) record(h, ms);
  return h;
}

function report(measureFrom: number, measureTo: number): WorkerReport {
  for (const t of timers) clearInterval(t);
  const latency = newHistogram();
  // The latency in two parts: until the first editor of this process has the keystroke (server and
  // network), and from there until each other editor of the process has it (the client process's own queue).
  const firstArrival = newHistogram();
  const fanOut = newHistogram();
  let samples = 0;
  let missing = 0;
  const measured = sentLog.filter((s) => s.t >= measureFrom && s.t < measureTo);
  for (const s of measured) {
    const times: number[] = [];
    for (const e of editors) {
      if (s.c === e.clientId) continue;
      const t = arrival(e, s);
      if (t === null) {
        missing++;
        continue;
      }
      record(latency, t - s.t);
      times.push(t);
      samples++;
    }
    if (times.length === 0) continue;
    const first = Math.min(...times);
    record(firstArrival, first - s.t);
    for (const t of times) record(fanOut, t - first);
  }
  const own = sentLog.filter((s) => s.t >= measureFrom && s.t < measureTo && editors.some((e) => e.clientId === s.c)).length;
  return {
    latency: sparse(latency),
    firstArrival: sparse(firstArrival),
    fanOut: sparse(fanOut),
    samples,
    missing,
    keystrokes: own,
    acks: sparse(ackHistogramOf(measureFrom, measureTo)),
    acksOk,
    acksRefused,
    refusals: Object.fromEntries(refusalReasons),
    framesIn,
  };
}

process.on('message', (msg: { type: string; [k: string]: unknown }) => {
  switch (msg.type) {
    case 'init': {
      const init = msg.init as WorkerInit;
      mode = init.mode;
      model = init.clients ?? 'copies';
      avoid = new Set(init.avoid ?? []);
      editors = init.editors.map((ed) => (init.kind === 'ours' ? oursEditor(init, ed.token, ed.code) : referenceEditor(init, ed.code)));
      const poll = setInterval(() => {
        if (editors.every((e) => e.synced && e.doc.getMap(COLLAB_DOC.paragraphs).size > 0)) {
          clearInterval(poll);
          process.send?.({ type: 'ready' });
        }
      }, 50);
      setInterval(() => {
        if (outbox.length > 0) process.send?.({ type: 'sent', records: outbox.splice(0) });
      }, 200).unref();
      return;
    }
    case 'start':
      start(msg.stopAt as number, mode);
      return;
    case 'sent':
      for (const r of msg.records as SentRecord[]) sentLog.push(r);
      return;
    case 'report':
      process.send?.({ type: 'report', data: report(msg.measureFrom as number, msg.measureTo as number) });
      return;
    case 'exit':
      for (const e of editors) e.close();
      setTimeout(() => process.exit(0), 200);
      return;
  }
});

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { COLLAB_DOC, PARAGRAPH_FIELDS } from '@omnibus/shared/collab-model';
import { COLLAB_EVENT, COLLAB_NS, MESSAGE, type CollabAck, type CollabErrorEvent, type CollabSession, type CollabWriterEvent, type CollabWriterRequest } from './protocol';
import { formatError } from '../../i18n/errors';
import { signOutWhenSessionEnds, socketAuth } from '../auth/session-ended';
import { SOCKET_TRANSPORTS } from '../../api/sockets';

export type CollabStatus = 'connecting' | 'synced' | 'offline' | 'refused';

export interface CollabSnapshot {
  status: CollabStatus;
  /**
   * Local changes not yet acknowledged as stored (or made while offline), as the status line
   * shows them: a change acknowledged within `SAVING_SHOWN_AFTER_MS` is never shown as unsaved.
   * `CollabConnection.unsavedNow()` is the exact count at every moment.
   */
  unsaved: number;
  /** The last refusal or error, as the server's sentence. */
  message: string | null;
  session: CollabSession | null;
  /** Bumped when the document is rebuilt after a refused change; editors bind anew. */
  generation: number;
}

const ACK_TIMEOUT_MS = 15_000;

const sameState = (a: Map<number, number>, b: Map<number, number>): boolean => a.size === b.size && [...a].every(([client, clock]) => b.get(client) === clock);

/**
 * How long changes wait for the server's acknowledgement before the status line says they are
 * being saved. Most are acknowledged in a few tens of milliseconds: the line then stays on "saved"
 * rather than flickering, and being redrawn, twice with every keystroke.
 */
export const SAVING_SHOWN_AFTER_MS = 500;

/** A random name for one Y.Doc of this page: the server leases a Yjs client id to it (never stored, never shared). */
function newWriterKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * The draft's shared Y.Doc over socket.io `/collab` with y-websocket framing (see
 * shared/src/collab-protocol.ts). Changes typed while the connection is down stay in the document
 * and go out in the sync exchange that follows every reconnection, so nothing typed is lost.
 */
export class CollabConnection {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  private readonly socket: Socket;
  private readonly awarenessListeners = new Set<(changed: readonly number[] | null) => void>();
  private connectedOnce = false;
  private readonly retired = new WeakSet<awarenessProtocol.Awareness>();
  private snapshot: CollabSnapshot = { status: 'connecting', unsaved: 0, message: null, session: null, generation: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly unsavedListeners = new Set<(unsaved: number) => void>();
  private savingShown: ReturnType<typeof setTimeout> | null = null;
  private offlineChanges = 0;
  private inFlight = 0;
  /** Local document updates and presence changes not yet sent: they go out together, in a task of their own. */
  private outgoing: Uint8Array[] = [];
  private outgoingPresence: { awareness: awarenessProtocol.Awareness; clients: Set<number> } | null = null;
  private sendTimer: ReturnType<typeof setTimeout> | null = null;
  /** The name this Y.Doc's writer id is leased under; a new document gets a new one. */
  private writerKey = newWriterKey();
  /** The Yjs client id the server leased to this document on this connection, until it is taken on. */
  private grantedId: number | null = null;

  constructor(token: string, draftId: string) {
    this.doc = new Y.Doc();
    this.awareness = this.freshAwareness(null);
    this.bindDoc();
    this.socket = io(COLLAB_NS, { ...SOCKET_TRANSPORTS, auth: socketAuth(token, draftId, () => ({ writer: this.writerRequest() })) });
    signOutWhenSessionEnds(this.socket);
    this.socket.on('connect', () => this.onConnect());
    this.socket.on('disconnect', () => this.set({ status: 'offline' }));
    this.socket.on('connect_error', (err: Error & { data?: CollabErrorEvent }) => {
      if (err.data?.message) this.set({ status: 'refused', message: formatError(err.data.error, err.data.details, err.data.message) });
      else this.set({ status: 'offline' });
    });
    this.socket.on(COLLAB_EVENT.session, (session: CollabSession) => this.set({ session }));
    this.socket.on(COLLAB_EVENT.writer, (event: CollabWriterEvent) => this.onWriter(event));
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', this.onPageHide);
      window.addEventListener('pageshow', this.onPageShow);
    }
    this.socket.on(COLLAB_EVENT.error, (e: CollabErrorEvent) => this.set({ message: formatError(e.error, e.details, e.message) }));
    this.socket.on(COLLAB_EVENT.yjs, (data: ArrayBuffer | Uint8Array) => this.onFrame(data instanceof Uint8Array ? data : new Uint8Array(data)));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CollabSnapshot => this.snapshot;

  /** Local changes not yet acknowledged as stored, made while offline, or not yet sent, at this moment. */
  unsavedNow(): number {
    return this.inFlight + this.offlineChanges + (this.outgoing.length > 0 ? 1 : 0);
  }

  /** Called with `unsavedNow()` whenever it changes (with every keystroke, sent and acknowledged). */
  onUnsaved(listener: (unsaved: number) => void): () => void {
    this.unsavedListeners.add(listener);
    return () => this.unsavedListeners.delete(listener);
  }

  /**
   * Called whenever someone's presence changes, with the presence ids that changed (also after the
   * presence channel is renewed, then with `null`: everything may have changed).
   */
  onAwareness(listener: (changed: readonly number[] | null) => void): () => void {
    this.awarenessListeners.add(listener);
    return () => this.awarenessListeners.delete(listener);
  }

  /** Where this person is: the paragraph and the cursor in it, or nowhere. */
  setPresence(paragraphId: string | null, cursor: { anchor: unknown; head: unknown } | null): void {
    // One change, hence one frame to the server and to everyone else, for both fields.
    this.awareness.setLocalState({ ...this.awareness.getLocalState(), paragraphId, cursor });
  }

  presenceIn(paragraphId: string): boolean {
    return this.awareness.getLocalState()?.paragraphId === paragraphId;
  }

  /**
   * Presence gets its own client id on every connection: the server ties an awareness client id to
   * the connection that first used it and refuses it from a later one, so a reconnecting tab that
   * kept its id would have every cursor move refused. The id needs no tie to the document's.
   */
  private freshAwareness(previous: awarenessProtocol.Awareness | null): awarenessProtocol.Awareness {
    const local = previous?.getLocalState() ?? null;
    if (previous) {
      this.retired.add(previous);
      // Destroying clears the old state, which must not go out on the new connection.
      previous.destroy();
      previous.doc.destroy();
    }
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState(local ?? {});
    awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin !== 'local' || !this.socket.connected || this.retired.has(awareness)) return;
      if (this.outgoingPresence?.awareness !== awareness) this.outgoingPresence = { awareness, clients: new Set() };
      for (const id of [...added, ...updated, ...removed]) this.outgoingPresence.clients.add(id);
      this.sendSoon();
    });
    awareness.on('change', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const changed = [...added, ...updated, ...removed];
      for (const l of this.awarenessListeners) l(changed);
    });
    return awareness;
  }

  /** The Y.Text of a paragraph, once the document holds it. */
  paragraphText(paragraphId: string): Y.Text | null {
    const entry = this.doc.getMap<Y.Map<unknown>>(COLLAB_DOC.paragraphs).get(paragraphId);
    const text = entry?.get(PARAGRAPH_FIELDS.text);
    return text instanceof Y.Text ? text : null;
  }

  close(): void {
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', this.onPageHide);
      window.removeEventListener('pageshow', this.onPageShow);
    }
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.awareness.clientID], 'local');
    // What was typed and the leaving go out before the connection closes.
    this.sendNow();
    if (this.savingShown !== null) clearTimeout(this.savingShown);
    this.socket.disconnect();
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** A change of status, session, message or generation: shown at once, with the unsaved count as it is. */
  private set(patch: Partial<CollabSnapshot>): void {
    if (this.savingShown !== null) clearTimeout(this.savingShown);
    this.savingShown = null;
    this.snapshot = { ...this.snapshot, ...patch, unsaved: this.unsavedNow() };
    for (const l of this.unsavedListeners) l(this.snapshot.unsaved);
    for (const l of this.listeners) l();
  }

  /**
   * The unsaved count moved. Its exact value goes to `onUnsaved` at once; the status line hears of
   * it at once when it already shows changes as unsaved (so "saved" follows the last
   * acknowledgement) or the connection is down, and otherwise only if changes are still unsaved
   * `SAVING_SHOWN_AFTER_MS` later.
   */
  private unsavedChanged(): void {
    const now = this.unsavedNow();
    for (const l of this.unsavedListeners) l(now);
    if (now === this.snapshot.unsaved) return;
    if (this.snapshot.unsaved > 0 || this.snapshot.status !== 'synced') {
      this.set({});
      return;
    }
    this.savingShown ??= setTimeout(() => {
      this.savingShown = null;
      if (this.unsavedNow() !== this.snapshot.unsaved) this.set({});
    }, SAVING_SHOWN_AFTER_MS);
  }

  private bindDoc(): void {
    this.doc.on('update', this.localUpdate);
  }

  /** Whether this document has written anything under its own client id. */
  private wrote(): boolean {
    return this.doc.store.clients.has(this.doc.clientID);
  }

  /**
   * What the handshake asks for: a Yjs client id leased to this document, or, once it has written,
   * its own id back. Every page load that types would otherwise add an id to the draft for good, and
   * every change's work grows with them (docs/realtime.md, "A draft's writers").
   */
  private writerRequest(): CollabWriterRequest {
    return this.wrote() ? { key: this.writerKey, clientId: this.doc.clientID } : { key: this.writerKey };
  }

  private onWriter(event: CollabWriterEvent): void {
    if (event.ok) {
      this.grantedId = event.clientId;
      this.takeGrantedId();
    } else if (event.reason === 'writer_lapsed') {
      this.refused(formatError('conflict', { reason: event.reason }, event.message));
    }
  }

  /**
   * Writes under the leased id from the first change on. Only once the server's document is applied:
   * an id used before continues its last writer's clock (Yjs would also give a document a new id on
   * meeting its own id's changes). A document that has already written keeps its id.
   */
  private takeGrantedId(): void {
    if (this.grantedId === null || this.snapshot.status !== 'synced' || this.wrote()) return;
    this.doc.clientID = this.grantedId;
    this.grantedId = null;
  }

  /**
   * Leaving the page (a reload, another page) with everything saved says goodbye, so the server
   * gives this document's id back at once; a page restored from the browser's cache connects again.
   */
  private readonly onPageHide = (): void => {
    if (this.unsavedNow() === 0 && this.socket.connected) this.socket.disconnect();
  };

  private readonly onPageShow = (e: PageTransitionEvent): void => {
    if (e.persisted && !this.socket.connected) this.socket.connect();
  };

  /** A change made here (the server's arrive through `applyServerFrame`, with this listener off). */
  private readonly localUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    this.outgoing.push(update);
    if (this.outgoing.length === 1) this.unsavedChanged();
    this.sendSoon();
  };

  /**
   * Applies a sync message from the server. Yjs encodes every transaction as an update for whoever
   * listens to 'update', and the server's own changes need no sending back: the listener is off
   * while they are applied (the whole document on the first sync, then everyone's keystrokes).
   * Should a local change happen meanwhile (an observer writing), it is sent as the difference.
   */
  private applyServerFrame(apply: () => void): void {
    const doc = this.doc;
    // The document's state before the first local change made meanwhile, if any.
    let localSince: Map<number, number> | null = null;
    const watch = (tr: Y.Transaction) => {
      if (tr.origin !== this && (tr.deleteSet.clients.size > 0 || !sameState(tr.beforeState, tr.afterState))) localSince ??= tr.beforeState;
    };
    doc.off('update', this.localUpdate);
    doc.on('afterTransaction', watch);
    try {
      apply();
    } finally {
      doc.off('afterTransaction', watch);
      doc.on('update', this.localUpdate);
    }
    if (localSince && doc === this.doc) this.localUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(localSince)), null);
  }

  /**
   * Local changes leave in a task after the one that made them: a keystroke's task ends (and its
   * frame is drawn) without waiting for the socket, and changes made in one task (a keystroke and
   * the caret it moves) leave together, as one document update and one presence frame.
   */
  private sendSoon(): void {
    this.sendTimer ??= setTimeout(this.sendNow, 0);
  }

  private readonly sendNow = (): void => {
    if (this.sendTimer !== null) clearTimeout(this.sendTimer);
    this.sendTimer = null;
    const updates = this.outgoing;
    this.outgoing = [];
    if (updates.length > 0) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      syncProtocol.writeUpdate(encoder, updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates));
      if (this.socket.connected) this.sendChange(encoding.toUint8Array(encoder));
      else {
        // Kept in the document; the sync exchange on reconnection carries it.
        this.offlineChanges += 1;
        this.unsavedChanged();
      }
    }
    const presence = this.outgoingPresence;
    this.outgoingPresence = null;
    if (presence && this.socket.connected && !this.retired.has(presence.awareness)) this.sendAwareness([...presence.clients]);
  };

  private sendChange(frame: Uint8Array): void {
    this.inFlight += 1;
    this.unsavedChanged();
    const doc = this.doc;
    this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(COLLAB_EVENT.yjs, frame)
      .then((ack: CollabAck) => {
        // The answer about a document since dropped (refused) counts no more.
        if (doc !== this.doc) return;
        this.inFlight -= 1;
        if (ack.ok) this.unsavedChanged();
        else this.refused(formatError(ack.error, ack.details, ack.message));
      })
      .catch(() => {
        if (doc !== this.doc) return;
        // No answer: the connection dropped; the next sync exchange settles what the server has.
        this.inFlight -= 1;
        this.offlineChanges += 1;
        this.unsavedChanged();
      });
  }

  private sendAwareness(clients: number[]): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    this.socket.emit(COLLAB_EVENT.yjs, encoding.toUint8Array(encoder));
  }

  private onConnect(): void {
    // A grant is for the connection it came on.
    this.grantedId = null;
    if (this.connectedOnce) {
      this.awareness = this.freshAwareness(this.awareness);
      for (const l of this.awarenessListeners) l(null);
    }
    this.connectedOnce = true;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.sendChange(encoding.toUint8Array(encoder));
    this.sendAwareness([this.awareness.clientID]);
  }

  private onFrame(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      let kind = 0;
      this.applyServerFrame(() => {
        kind = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      });
      // The answer to the server's step 1 carries whatever we typed while it could not hear us.
      if (encoding.length(encoder) > 1) {
        this.offlineChanges = 0;
        this.sendChange(encoding.toUint8Array(encoder));
      }
      if (kind === syncProtocol.messageYjsSyncStep2 && this.snapshot.status !== 'synced') {
        this.set({ status: 'synced' });
        this.takeGrantedId();
      }
    } else if (type === MESSAGE.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }

  /**
   * A change the server refused never reached anyone else, but it is in our document: start again
   * from the server's document so what is on screen is what everyone sees.
   */
  private refused(message: string): void {
    // Changes of the refused document not yet sent go with it.
    this.outgoing = [];
    this.doc.destroy();
    this.doc = new Y.Doc();
    this.writerKey = newWriterKey();
    this.bindDoc();
    this.offlineChanges = 0;
    this.inFlight = 0;
    this.set({ message, status: 'connecting', generation: this.snapshot.generation + 1 });
    this.socket.disconnect().connect();
  }
}

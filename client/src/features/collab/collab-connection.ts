import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { COLLAB_DOC, PARAGRAPH_FIELDS } from '@omnibus/shared/collab-model';
import { COLLAB_EVENT, COLLAB_NS, MESSAGE, type CollabAck, type CollabErrorEvent, type CollabSession } from './protocol';
import { formatError } from '../../i18n/errors';
import { signOutWhenSessionEnds, socketAuth } from '../auth/session-ended';

export type CollabStatus = 'connecting' | 'synced' | 'offline' | 'refused';

export interface CollabSnapshot {
  status: CollabStatus;
  /** Local changes sent and not yet acknowledged as stored, or made while offline. */
  unsaved: number;
  /** The last refusal or error, as the server's sentence. */
  message: string | null;
  session: CollabSession | null;
  /** Bumped when the document is rebuilt after a refused change; editors bind anew. */
  generation: number;
}

const ACK_TIMEOUT_MS = 15_000;

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
  private offlineChanges = 0;
  private inFlight = 0;

  constructor(token: string, draftId: string) {
    this.doc = new Y.Doc();
    this.awareness = this.freshAwareness(null);
    this.bindDoc();
    this.socket = io(COLLAB_NS, { auth: socketAuth(token, draftId) });
    signOutWhenSessionEnds(this.socket);
    this.socket.on('connect', () => this.onConnect());
    this.socket.on('disconnect', () => this.set({ status: 'offline' }));
    this.socket.on('connect_error', (err: Error & { data?: CollabErrorEvent }) => {
      if (err.data?.message) this.set({ status: 'refused', message: formatError(err.data.error, err.data.details, err.data.message) });
      else this.set({ status: 'offline' });
    });
    this.socket.on(COLLAB_EVENT.session, (session: CollabSession) => this.set({ session }));
    this.socket.on(COLLAB_EVENT.error, (e: CollabErrorEvent) => this.set({ message: formatError(e.error, e.details, e.message) }));
    this.socket.on(COLLAB_EVENT.yjs, (data: ArrayBuffer | Uint8Array) => this.onFrame(data instanceof Uint8Array ? data : new Uint8Array(data)));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CollabSnapshot => this.snapshot;

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
      this.sendAwareness([...added, ...updated, ...removed]);
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
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.awareness.clientID], 'local');
    this.socket.disconnect();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private set(patch: Partial<CollabSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch, unsaved: this.inFlight + this.offlineChanges };
    for (const l of this.listeners) l();
  }

  private bindDoc(): void {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      syncProtocol.writeUpdate(encoder, update);
      if (this.socket.connected) this.sendChange(encoding.toUint8Array(encoder));
      else {
        // Kept in the document; the sync exchange on reconnection carries it.
        this.offlineChanges += 1;
        this.set({});
      }
    });
  }

  private sendChange(frame: Uint8Array): void {
    this.inFlight += 1;
    this.set({});
    this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(COLLAB_EVENT.yjs, frame)
      .then((ack: CollabAck) => {
        this.inFlight -= 1;
        if (ack.ok) this.set({});
        else this.refused(ack.message);
      })
      .catch(() => {
        // No answer: the connection dropped; the next sync exchange settles what the server has.
        this.inFlight -= 1;
        this.offlineChanges += 1;
        this.set({});
      });
  }

  private sendAwareness(clients: number[]): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    this.socket.emit(COLLAB_EVENT.yjs, encoding.toUint8Array(encoder));
  }

  private onConnect(): void {
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
      const kind = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      // The answer to the server's step 1 carries whatever we typed while it could not hear us.
      if (encoding.length(encoder) > 1) {
        this.offlineChanges = 0;
        this.sendChange(encoding.toUint8Array(encoder));
      }
      if (kind === syncProtocol.messageYjsSyncStep2 && this.snapshot.status !== 'synced') this.set({ status: 'synced' });
    } else if (type === MESSAGE.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }

  /**
   * A change the server refused never reached anyone else, but it is in our document: start again
   * from the server's document so what is on screen is what everyone sees.
   */
  private refused(message: string): void {
    this.doc.destroy();
    this.doc = new Y.Doc();
    this.bindDoc();
    this.offlineChanges = 0;
    this.set({ message, status: 'connecting', generation: this.snapshot.generation + 1 });
    this.socket.disconnect().connect();
  }
}

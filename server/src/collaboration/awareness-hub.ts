import { COLLAB_LIMITS, CollabRefusal, CollabUser } from '@omnibus/shared';
import { decoding, encoding } from './yjs';

interface Entry {
  clock: number;
  /** The state as JSON ('null' once the client left). */
  json: string;
  /** The local connection that owns the client id, or `remote:<instance>`. */
  owner: string;
  seenAt: number;
  /** The hub's version when this state last changed: who has seen it is a version number. */
  version: number;
}

export type AwarenessResult = { ok: true } | { ok: false; reason: CollabRefusal; message: string };

/** Client ids one connection may hold: a browser tab has one, a reconnecting tab may bring another. */
const MAX_IDS_PER_CONNECTION = 4;
const REMOTE_TIMEOUT_MS = 30_000;

function readEntries(update: Uint8Array): { clientId: number; clock: number; json: string }[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const out: { clientId: number; clock: number; json: string }[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ clientId: decoding.readVarUint(d), clock: decoding.readVarUint(d), json: decoding.readVarString(d) });
  }
  if (decoding.hasContent(d)) throw new Error('trailing bytes');
  return out;
}

/**
 * Presence for one room: who is here, in which paragraph, with which cursor. The server stamps each
 * state's `user` with the signed-in account, so nobody can show up as another delegation. Every
 * change bumps the hub's version; a reader (a connection, the other instances) asks for the changes
 * since the version it last saw, so presence is paced per reader instead of sent to everyone at once.
 */
export class AwarenessHub {
  private readonly entries = new Map<number, Entry>();
  private readonly byOwner = new Map<string, Set<number>>();
  private current = 0;

  /** Grows with every change; a reader that saw version v has seen every change up to it. */
  get version(): number {
    return this.current;
  }

  receive(owner: string, user: CollabUser, update: Uint8Array): AwarenessResult {
    let incoming: ReturnType<typeof readEntries>;
    try {
      incoming = readEntries(update);
    } catch {
      return { ok: false, reason: 'malformed_awareness', message: 'The awareness update could not be read.' };
    }
    const owned = this.byOwner.get(owner) ?? new Set<number>();
    const accepted: { clientId: number; clock: number; json: string }[] = [];
    for (const e of incoming) {
      const current = this.entries.get(e.clientId);
      if (current && current.owner !== owner) {
        return { ok: false, reason: 'awareness_impersonation', message: `Awareness client ${e.clientId} belongs to someone else.` };
      }
      if (!current && !owned.has(e.clientId) && owned.size >= MAX_IDS_PER_CONNECTION) {
        return { ok: false, reason: 'awareness_impersonation', message: 'One connection speaks for a few awareness clients at most.' };
      }
      if (e.json.length > COLLAB_LIMITS.awarenessStateBytes) {
        return {
          ok: false,
          reason: 'oversized',
          message: `An awareness state may have at most ${COLLAB_LIMITS.awarenessStateBytes} characters of JSON; this one has ${e.json.length}.`,
        };
      }
      let state: unknown;
      try {
        state = JSON.parse(e.json);
      } catch {
        return { ok: false, reason: 'malformed_awareness', message: 'An awareness state is not JSON.' };
      }
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        return { ok: false, reason: 'malformed_awareness', message: 'An awareness state is a JSON object or null.' };
      }
      const paragraphId = (state as Record<string, unknown> | null)?.paragraphId;
      if (paragraphId !== undefined && paragraphId !== null && (typeof paragraphId !== 'string' || paragraphId.length > 64)) {
        return { ok: false, reason: 'malformed_awareness', message: 'paragraphId in an awareness state is a paragraph id or null.' };
      }
      if (current && e.clock <= current.clock && !(e.clock === current.clock && state === null)) continue;
      accepted.push({ clientId: e.clientId, clock: e.clock, json: state === null ? 'null' : JSON.stringify({ ...(state as object), user }) });
    }
    const now = Date.now();
    for (const a of accepted) this.set(a.clientId, { clock: a.clock, json: a.json, owner, seenAt: now });
    return { ok: true };
  }

  /** States another instance gathered; trusted (that instance stamped them) and never sent back out to Redis. */
  receiveRemote(instance: string, update: Uint8Array): void {
    let incoming: ReturnType<typeof readEntries>;
    try {
      incoming = readEntries(update);
    } catch {
      return;
    }
    const now = Date.now();
    for (const e of incoming) {
      const current = this.entries.get(e.clientId);
      if (current && e.clock < current.clock) continue;
      this.set(e.clientId, { clock: e.clock, json: e.json, owner: `remote:${instance}`, seenAt: now });
    }
  }

  /** Marks the client ids of a connection that left as gone. */
  leave(owner: string): void {
    for (const id of this.byOwner.get(owner) ?? []) {
      const e = this.entries.get(id);
      if (!e || e.json === 'null') continue;
      this.set(id, { ...e, clock: e.clock + 1, json: 'null', seenAt: Date.now() });
    }
  }

  private set(id: number, entry: Omit<Entry, 'version'>): void {
    const previous = this.entries.get(id);
    if (previous && previous.owner !== entry.owner) this.byOwner.get(previous.owner)?.delete(id);
    this.entries.set(id, { ...entry, version: ++this.current });
    const owned = this.byOwner.get(entry.owner) ?? new Set<number>();
    owned.add(id);
    this.byOwner.set(entry.owner, owned);
  }

  private forget(id: number): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    const owned = this.byOwner.get(e.owner);
    owned?.delete(id);
    if (owned?.size === 0) this.byOwner.delete(e.owner);
  }

  /** Forgets departed clients, and remote ones whose instance stopped renewing them. */
  sweep(now = Date.now()): void {
    for (const [id, e] of this.entries) {
      if (e.json === 'null' && now - e.seenAt > REMOTE_TIMEOUT_MS) this.forget(id);
      else if (isRemote(e) && e.json !== 'null' && now - e.seenAt > REMOTE_TIMEOUT_MS) {
        this.set(id, { ...e, clock: e.clock + 1, json: 'null', seenAt: now });
      }
    }
  }

  /** Every state that changed after `version`, for a local connection; null when none did. */
  changesSince(version: number): Uint8Array | null {
    return this.encodeWhere((e) => e.version > version);
  }

  /** The states of this instance's own clients that changed after `version`, for the other instances. */
  localChangesSince(version: number): Uint8Array | null {
    return this.encodeWhere((e) => e.version > version && !isRemote(e));
  }

  /** Everyone present, for a client that just joined. */
  snapshot(): Uint8Array | null {
    return this.encodeWhere((e) => e.json !== 'null');
  }

  /** Every state this instance owns, for an instance that just opened the room. */
  localSnapshot(): Uint8Array | null {
    return this.encodeWhere((e) => !isRemote(e) && e.json !== 'null');
  }

  private encodeWhere(include: (e: Entry) => boolean): Uint8Array | null {
    const chosen: [number, Entry][] = [];
    for (const pair of this.entries) if (include(pair[1])) chosen.push(pair);
    if (chosen.length === 0) return null;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, chosen.length);
    for (const [id, entry] of chosen) {
      encoding.writeVarUint(e, id);
      encoding.writeVarUint(e, entry.clock);
      encoding.writeVarString(e, entry.json);
    }
    return encoding.toUint8Array(e);
  }
}

const isRemote = (e: Entry): boolean => e.owner.startsWith('remote:');

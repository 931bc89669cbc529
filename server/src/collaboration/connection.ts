import { COLLAB_LIMITS, CollabErrorEvent, CollabUser } from '@omnibus/shared';
import type { Actor } from '../auth/actor';

/** One signed-in socket in a room, as the room sees it. */
export interface CollabConnection {
  id: string;
  actor: Actor;
  user: CollabUser;
  canWrite: boolean;
  /** The sign-in session it was opened with: its writes are stored only while that session is live. */
  sessionId?: string;
  /**
   * The server's time on this join so far (handshake, room, welcome), until its first sync is answered:
   * what the join costs the server, without the time the client takes to send its sync request.
   */
  joinMs?: number;
  /**
   * Set while the page's writer id is being leased (`WriterLeases`): its updates wait for it, since
   * the first may be under the id it asks for back. Null once settled.
   */
  writerSettled?: Promise<void> | null;
  /** The id the page asked for back that another of the account's pages holds now: its updates under it are refused. */
  lapsedClientId?: number;
  send(frame: Uint8Array): void;
  error(event: CollabErrorEvent): void;
  close(): void;
}

/** Counts refused messages per connection; past the limit the connection is closed. */
export class Strikes {
  private readonly times = new Map<string, number[]>();

  /** Records a refusal; true when the connection has now used up its strikes. */
  record(connectionId: string, now = Date.now()): boolean {
    const recent = (this.times.get(connectionId) ?? []).filter((t) => now - t < COLLAB_LIMITS.strikeWindowMs);
    recent.push(now);
    this.times.set(connectionId, recent);
    return recent.length >= COLLAB_LIMITS.strikes;
  }

  forget(connectionId: string): void {
    this.times.delete(connectionId);
  }
}

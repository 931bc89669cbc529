import type { AwarenessHub } from './awareness-hub';
import type { CollabConnection } from './connection';
import { awarenessFrame } from './frames';

/** How often the pacer runs; a room's presence period is dealt into turns of this length. */
export const PRESENCE_TICK_MS = 25;

/**
 * Presence for each connection of a room, once per period, in turns. A big room's presence frame holds
 * everyone's state; sent to every socket at once, it lands on every editor of a client machine at the
 * same moment and holds up the keystrokes queued behind it. Dealt into turns over the period, a few
 * sockets get it at a time. Each connection gets exactly the changes it has not seen, whatever its turn.
 */
export class PresencePacer {
  private tick = 0;
  private joined = 0;
  private readonly readers = new Map<string, { order: number; seen: number }>();

  constructor(private readonly hub: AwarenessHub) {}

  /** A connection that was just sent everyone's state (the hub's snapshot). */
  join(connectionId: string): void {
    this.readers.set(connectionId, { order: this.joined++, seen: this.hub.version });
  }

  leave(connectionId: string): void {
    this.readers.delete(connectionId);
  }

  /** One tick: the connections whose turn it is get what changed since they last heard, one encode per distinct starting point. */
  run(connections: Iterable<CollabConnection>, turns: number): void {
    const turn = this.tick++ % turns;
    const version = this.hub.version;
    const frames = new Map<number, Uint8Array | null>();
    for (const conn of connections) {
      const reader = this.readers.get(conn.id);
      if (!reader || reader.order % turns !== turn || reader.seen === version) continue;
      let frame = frames.get(reader.seen);
      if (frame === undefined) {
        const changes = this.hub.changesSince(reader.seen);
        frame = changes ? awarenessFrame(changes) : null;
        frames.set(reader.seen, frame);
      }
      reader.seen = version;
      if (frame) conn.send(frame);
    }
  }
}

import type { Socket as NetSocket } from 'node:net';
import type { Server } from 'socket.io';

/**
 * The parts of an engine.io connection this module touches. engine.io does not export these types,
 * so they are named here; `coalesceWrites` checks each one before relying on it and leaves a
 * connection as it is when its shape is not the one expected.
 */
interface EngineTransport {
  name: string;
  send(packets: unknown[]): void;
  /** For the websocket transport: the `ws` WebSocket, whose `_socket` is the TCP socket. */
  socket?: { _socket?: NetSocket };
}

interface EngineSocket {
  transport: EngineTransport;
  flush(): void;
  on(event: 'upgrade', listener: (transport: EngineTransport) => void): void;
}

const WRAPPED = Symbol('omnibus.corkedSend');

/** Connections written to inside `together`, each by the function that sends what it holds. */
let held: Set<() => void> | null = null;

/**
 * Every websocket frame engine.io writes is one `writev` system call of its own, and a socket.io
 * event carrying binary (every `yjs` frame: an update, a presence change) is two frames, its header
 * packet and its attachment, the second sent only after the first was written. With 35 people
 * typing, `writev` took ~40 % of the server's samples in a CPU profile on the two-core reference
 * machine (docs/realtime.md). Once this is installed on the socket.io server:
 *
 * - whatever `together(fn)` writes to a connection (a broadcast's header and attachment to each
 *   socket of a room) stays in engine.io's own write buffer until `fn` returns, and is then sent;
 * - the frames engine.io sends at once go to the TCP socket corked: one `writev` for all of them.
 *
 * Outside `together` nothing changes: an emit is written before `emit` returns, as socket.io does.
 * Nothing is reordered or dropped, and the bytes on the wire are the same socket.io frames, so every
 * socket.io client reads them unchanged.
 */
export function coalesceWrites(server: Server): void {
  server.engine.on('connection', (socket: EngineSocket) => {
    if (typeof socket.flush !== 'function' || typeof socket.on !== 'function') return;
    const flush = socket.flush.bind(socket);
    socket.flush = () => {
      if (held) held.add(flush);
      else flush();
    };
    corkSends(socket.transport);
    socket.on('upgrade', (transport) => corkSends(transport));
  });
}

/** Runs `fn`; what it writes to each connection is sent when it returns, in one system call per connection. */
export function together<T>(fn: () => T): T {
  if (held) return fn();
  const mine = new Set<() => void>();
  held = mine;
  try {
    return fn();
  } finally {
    held = null;
    for (const flush of mine) flush();
  }
}

/** Makes a websocket transport write the frames of one `send` to its TCP socket in one system call. */
function corkSends(transport: EngineTransport & { [WRAPPED]?: true }): void {
  if (transport.name !== 'websocket' || transport[WRAPPED] || typeof transport.send !== 'function') return;
  const send = transport.send.bind(transport);
  transport[WRAPPED] = true;
  transport.send = (packets) => {
    const tcp = transport.socket?._socket;
    if (packets.length < 2 || !tcp || typeof tcp.cork !== 'function') {
      send(packets);
      return;
    }
    tcp.cork();
    try {
      send(packets);
    } finally {
      tcp.uncork();
    }
  };
}

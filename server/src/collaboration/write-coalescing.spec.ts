import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { coalesceWrites, together } from './write-coalescing';

/** How many times the server wrote to a connection's TCP socket (each is one system call). */
function countWrites(socket: Socket): { writes: number } {
  const engine = socket.conn as unknown as { transport: { socket: { _socket: { _writev: (...a: unknown[]) => void; _write: (...a: unknown[]) => void } } } };
  const tcp = engine.transport.socket._socket;
  const seen = { writes: 0 };
  for (const name of ['_writev', '_write'] as const) {
    const original = tcp[name].bind(tcp);
    tcp[name] = (...args: unknown[]) => {
      seen.writes += 1;
      original(...args);
    };
  }
  return seen;
}

async function pair(coalesce: boolean): Promise<{ http: HttpServer; io: Server; server: Socket; client: ClientSocket }> {
  const http = createServer();
  const io = new Server(http);
  if (coalesce) coalesceWrites(io);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const connected = new Promise<Socket>((resolve) => io.on('connection', resolve));
  const client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'] });
  return { http, io, server: await connected, client };
}

async function close(p: { http: HttpServer; io: Server; client: ClientSocket }): Promise<void> {
  p.client.close();
  await new Promise<void>((resolve) => p.io.close(() => resolve()));
}

/**
 * Emits `events` binary events in one turn, inside `together` or not; resolves with what the client
 * received, the writes made before the emits returned, and all the writes they took.
 */
async function burst(coalesce: boolean, events: number): Promise<{ received: number[][]; atReturn: number; writes: number }> {
  const p = await pair(true);
  try {
    const seen = countWrites(p.server);
    const received: number[][] = [];
    const done = new Promise<void>((resolve) => {
      p.client.on('yjs', (data: ArrayBuffer | Uint8Array) => {
        received.push([...new Uint8Array(data)]);
        if (received.length === events) resolve();
      });
    });
    const emit = () => {
      for (let i = 0; i < events; i++) p.server.emit('yjs', new Uint8Array([0, i, 1, 2, 3]));
    };
    if (coalesce) together(emit);
    else emit();
    const atReturn = seen.writes;
    await done;
    return { received, atReturn, writes: seen.writes };
  } finally {
    await close(p);
  }
}

describe('coalesced writes', () => {
  it('sends what `together` emits (binary events: header and attachment each) in one write to the TCP socket before it returns, in order, every byte intact', async () => {
    const plain = await burst(false, 3);
    const coalesced = await burst(true, 3);
    const expected = [0, 1, 2].map((i) => [0, i, 1, 2, 3]);
    expect(plain.received).toEqual(expected);
    expect(coalesced.received).toEqual(expected);
    // Outside it: the first header is written at once, the rest only after that write completed.
    expect(plain).toMatchObject({ atReturn: 1, writes: 2 });
    expect(coalesced).toMatchObject({ atReturn: 1, writes: 1 });
  });

  it('leaves writes outside `together` as socket.io makes them: the first before emit returns', async () => {
    for (const installed of [false, true]) {
      const p = await pair(installed);
      try {
        const seen = countWrites(p.server);
        p.server.emit('note', { n: 1 });
        expect(seen.writes).toBe(1);
      } finally {
        await close(p);
      }
    }
  });

  it('sends every event, in order, when emits come one turn at a time and inside and outside `together`', async () => {
    const p = await pair(true);
    try {
      const received: number[] = [];
      const all = new Promise<void>((resolve) => {
        p.client.on('yjs', (data: ArrayBuffer | Uint8Array) => {
          received.push(new Uint8Array(data)[0] as number);
          if (received.length === 20) resolve();
        });
      });
      for (let i = 0; i < 20; i++) {
        if (i % 3 === 0) together(() => p.server.emit('yjs', new Uint8Array([i])));
        else p.server.emit('yjs', new Uint8Array([i]));
        if (i % 2 === 0) await new Promise((r) => setImmediate(r));
      }
      await all;
      expect(received).toEqual([...Array(20).keys()]);
    } finally {
      await close(p);
    }
  });
});

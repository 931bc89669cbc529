import type { CollabUser } from '@omnibus/shared';
import { AwarenessHub } from './awareness-hub';
import type { CollabConnection } from './connection';
import { PresencePacer } from './presence-pacer';
import { decoding, encoding } from './yjs';

const user = (delegation: string): CollabUser => ({ userId: delegation, username: delegation.toLowerCase(), displayName: delegation, role: 'delegate', delegation, delegationName: delegation, color: 'red' });

function state(id: number, clock: number, paragraphId: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, id);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, JSON.stringify({ paragraphId }));
  return encoding.toUint8Array(e);
}

/** The client ids and paragraphs in the awareness frames a connection was sent. */
function received(frames: Uint8Array[]): [number, string][] {
  const out: [number, string][] = [];
  for (const f of frames) {
    const d = decoding.createDecoder(f);
    expect(decoding.readVarUint(d)).toBe(1);
    const u = decoding.createDecoder(decoding.readVarUint8Array(d));
    const n = decoding.readVarUint(u);
    for (let i = 0; i < n; i++) {
      const id = decoding.readVarUint(u);
      decoding.readVarUint(u);
      out.push([id, (JSON.parse(decoding.readVarString(u)) as { paragraphId: string }).paragraphId]);
    }
  }
  return out;
}

function connection(id: string): CollabConnection & { frames: Uint8Array[] } {
  const frames: Uint8Array[] = [];
  return { id, frames, actor: {} as never, user: user('MEX'), canWrite: true, send: (f) => frames.push(f), error: () => undefined, close: () => undefined };
}

describe('PresencePacer', () => {
  it('deals a room into turns: each tick reaches only its share of the connections, and a full round reaches all', () => {
    const hub = new AwarenessHub();
    const pacer = new PresencePacer(hub);
    const conns = Array.from({ length: 12 }, (_, i) => connection(`c${i}`));
    for (const c of conns) pacer.join(c.id);
    hub.receive('writer', user('US'), state(99, 1, 'p1'));
    const perTick: number[] = [];
    for (let t = 0; t < 4; t++) {
      const before = conns.reduce((n, c) => n + c.frames.length, 0);
      pacer.run(conns, 4);
      perTick.push(conns.reduce((n, c) => n + c.frames.length, 0) - before);
    }
    expect(perTick).toEqual([3, 3, 3, 3]);
    for (const c of conns) expect(received(c.frames)).toEqual([[99, 'p1']]);
  });

  it('gives each connection exactly the changes it has not seen, however many happened between its turns', () => {
    const hub = new AwarenessHub();
    const pacer = new PresencePacer(hub);
    const a = connection('a');
    const b = connection('b');
    pacer.join(a.id);
    pacer.join(b.id);
    hub.receive('w1', user('US'), state(1, 1, 'p1'));
    pacer.run([a, b], 2); // a's turn
    hub.receive('w1', user('US'), state(1, 2, 'p2'));
    hub.receive('w2', user('CAN'), state(2, 1, 'p3'));
    pacer.run([a, b], 2); // b's turn: everything so far, latest states only
    pacer.run([a, b], 2); // a's turn: what changed since its first frame
    pacer.run([a, b], 2); // b's turn: nothing new, nothing sent
    expect(received(a.frames)).toEqual([[1, 'p1'], [1, 'p2'], [2, 'p3']]);
    expect(received(b.frames)).toEqual([[1, 'p2'], [2, 'p3']]);
  });

  it('sends nothing to a connection that left, and starts a newcomer after the snapshot it was given', () => {
    const hub = new AwarenessHub();
    const pacer = new PresencePacer(hub);
    const gone = connection('gone');
    pacer.join(gone.id);
    hub.receive('w1', user('US'), state(1, 1, 'p1'));
    pacer.leave(gone.id);
    const late = connection('late');
    pacer.join(late.id);
    pacer.run([gone, late], 1);
    expect(gone.frames).toEqual([]);
    expect(late.frames).toEqual([]);
    hub.receive('w1', user('US'), state(1, 2, 'p2'));
    pacer.run([late], 1);
    expect(received(late.frames)).toEqual([[1, 'p2']]);
  });
});

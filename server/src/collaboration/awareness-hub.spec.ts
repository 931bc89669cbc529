import type { CollabUser } from '@omnibus/shared';
import { AwarenessHub } from './awareness-hub';
import { decoding, encoding } from './yjs';

const user = (delegation: string): CollabUser => ({ userId: delegation, username: delegation.toLowerCase(), displayName: delegation, role: 'delegate', delegation, delegationName: delegation, color: 'red' });

function frame(entries: [number, number, unknown][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}

function read(update: Uint8Array | null): Map<number, Record<string, unknown> | null> {
  const out = new Map<number, Record<string, unknown> | null>();
  if (!update) return out;
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  for (let i = 0; i < n; i++) {
    const id = decoding.readVarUint(d);
    decoding.readVarUint(d);
    out.set(id, JSON.parse(decoding.readVarString(d)) as Record<string, unknown> | null);
  }
  return out;
}

describe('AwarenessHub', () => {
  it('stamps the signed-in user over whatever the client claims, and hands each reader the changes after the version it saw', () => {
    const hub = new AwarenessHub();
    const start = hub.version;
    expect(hub.receive('conn-mex', user('MEX'), frame([[1, 1, { paragraphId: 'p', user: { delegation: 'US' } }]]))).toEqual({ ok: true });
    expect(hub.receive('conn-mex', user('MEX'), frame([[1, 2, { paragraphId: 'q' }]]))).toEqual({ ok: true });
    expect(read(hub.changesSince(start)).get(1)).toEqual({ paragraphId: 'q', user: user('MEX') });
    expect(read(hub.localChangesSince(start)).get(1)).toEqual({ paragraphId: 'q', user: user('MEX') });
    const seen = hub.version;
    expect(hub.changesSince(seen)).toBeNull();
    hub.receive('conn-us', user('US'), frame([[7, 1, { paragraphId: 'r' }]]));
    expect([...read(hub.changesSince(seen)).keys()]).toEqual([7]);
    // A reader that has been away longer still gets both.
    expect([...read(hub.changesSince(start)).keys()].sort()).toEqual([1, 7]);
  });

  it('refuses a client id that belongs to another connection, and a stale clock changes nothing', () => {
    const hub = new AwarenessHub();
    hub.receive('conn-mex', user('MEX'), frame([[1, 5, { paragraphId: 'p' }]]));
    expect(hub.receive('conn-us', user('US'), frame([[1, 6, {}]]))).toMatchObject({ ok: false, reason: 'awareness_impersonation' });
    const seen = hub.version;
    expect(hub.receive('conn-mex', user('MEX'), frame([[1, 4, { paragraphId: 'old' }]]))).toEqual({ ok: true });
    expect(hub.changesSince(seen)).toBeNull();
    expect(read(hub.snapshot()).get(1)).toMatchObject({ paragraphId: 'p' });
  });

  it('marks everyone of a connection that left as gone, and forwards other instances’ states to local clients only', () => {
    const hub = new AwarenessHub();
    hub.receive('conn-mex', user('MEX'), frame([[1, 1, { paragraphId: 'p' }]]));
    hub.receiveRemote('instance-b', frame([[2, 1, { paragraphId: 'p', user: user('US') }]]));
    expect(read(hub.changesSince(0)).has(2)).toBe(true);
    expect(read(hub.localChangesSince(0)).has(2)).toBe(false);
    const seen = hub.version;
    hub.leave('conn-mex');
    expect(read(hub.changesSince(seen)).get(1)).toBeNull();
    expect(read(hub.localChangesSince(seen)).get(1)).toBeNull();
    expect([...read(hub.snapshot()).keys()]).toEqual([2]);
  });

  it('refuses malformed frames and states that are not objects', () => {
    const hub = new AwarenessHub();
    expect(hub.receive('c', user('MEX'), new Uint8Array([5, 1]))).toMatchObject({ ok: false, reason: 'malformed_awareness' });
    expect(hub.receive('c', user('MEX'), frame([[1, 1, [1, 2]]]))).toMatchObject({ ok: false, reason: 'malformed_awareness' });
  });
});

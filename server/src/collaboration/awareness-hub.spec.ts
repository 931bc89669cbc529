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
  it('stamps the signed-in user over whatever the client claims, and sends each change once per flush', () => {
    const hub = new AwarenessHub();
    expect(hub.receive('conn-mex', user('MEX'), frame([[1, 1, { paragraphId: 'p', user: { delegation: 'US' } }]]))).toEqual({ ok: true });
    expect(hub.receive('conn-mex', user('MEX'), frame([[1, 2, { paragraphId: 'q' }]]))).toEqual({ ok: true });
    const { forClients, forInstances } = hub.takeChanges();
    expect(read(forClients).get(1)).toEqual({ paragraphId: 'q', user: user('MEX') });
    expect(read(forInstances).get(1)).toEqual({ paragraphId: 'q', user: user('MEX') });
    expect(hub.takeChanges()).toEqual({ forClients: null, forInstances: null });
  });

  it('refuses a client id that belongs to another connection, and a stale clock changes nothing', () => {
    const hub = new AwarenessHub();
    hub.receive('conn-mex', user('MEX'), frame([[1, 5, { paragraphId: 'p' }]]));
    expect(hub.receive('conn-us', user('US'), frame([[1, 6, {}]]))).toMatchObject({ ok: false, reason: 'awareness_impersonation' });
    hub.takeChanges();
    expect(hub.receive('conn-mex', user('MEX'), frame([[1, 4, { paragraphId: 'old' }]]))).toEqual({ ok: true });
    expect(hub.takeChanges().forClients).toBeNull();
  });

  it('marks everyone of a connection that left as gone, and forwards other instances’ states to local clients only', () => {
    const hub = new AwarenessHub();
    hub.receive('conn-mex', user('MEX'), frame([[1, 1, { paragraphId: 'p' }]]));
    hub.receiveRemote('instance-b', frame([[2, 1, { paragraphId: 'p', user: user('US') }]]));
    hub.takeChanges();
    hub.leave('conn-mex');
    const { forClients, forInstances } = hub.takeChanges();
    expect(read(forClients).get(1)).toBeNull();
    expect(read(forInstances).has(2)).toBe(false);
    expect([...read(hub.snapshot()).keys()]).toEqual([2]);
  });

  it('refuses malformed frames and states that are not objects', () => {
    const hub = new AwarenessHub();
    expect(hub.receive('c', user('MEX'), new Uint8Array([5, 1]))).toMatchObject({ ok: false, reason: 'malformed_awareness' });
    expect(hub.receive('c', user('MEX'), frame([[1, 1, [1, 2]]]))).toMatchObject({ ok: false, reason: 'malformed_awareness' });
  });
});

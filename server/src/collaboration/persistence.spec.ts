import { Logger } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Authorship, Persistence } from './persistence';
import { Y } from './yjs';

const quiet = { error: () => undefined } as unknown as Logger;
const by = (userId: string): Authorship => ({ actor: { userId } as Actor, paragraphs: [] });

function updates(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  for (let i = 0; i < n; i++) doc.getText('t').insert(i, 'x');
  return out;
}

describe('Persistence (batches, acknowledgements after commit)', () => {
  it('gathers what arrives during a write into the next batch, and resolves waiters only after their batch committed', async () => {
    const written: number[] = [];
    let release: (() => void) | null = null;
    const p = new Persistence(
      async () => {
        written.push(written.length);
        await new Promise<void>((r) => (release = r));
        return written.length;
      },
      () => undefined,
      quiet,
      'test',
    );
    const [u1, u2, u3] = updates(3) as [Uint8Array, Uint8Array, Uint8Array];
    void p.add(u1, by('a'));
    const first = p.durable();
    await new Promise((r) => setImmediate(r));
    void p.add(u2, by('b'));
    void p.add(u3, by('c'));
    const second = p.durable();
    let firstDone = false;
    void first.then(() => (firstDone = true));
    expect(firstDone).toBe(false);
    release!();
    await first;
    // The second batch (u2 + u3) starts only now, after the first committed.
    while (written.length < 2) await new Promise((r) => setImmediate(r));
    release!();
    await second;
    expect(written).toHaveLength(2);
    expect(p.pending).toBe(0);
  });

  it('merges a batch into one update and announces it with its sequence number', async () => {
    const announced: { seq: number; update: Uint8Array }[] = [];
    const p = new Persistence(async () => 41, (update, seq) => announced.push({ seq, update }), quiet, 'test');
    const all = updates(5);
    for (const u of all) void p.add(u, null);
    await p.durable();
    expect(announced).toHaveLength(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, announced[0]!.update);
    expect(doc.getText('t').toString()).toBe('xxxxx');
    expect(announced[0]!.seq).toBe(41);
  });

  it('retries a failed write, keeping the batch (and its waiters) until it is stored', async () => {
    let attempts = 0;
    const p = new Persistence(
      async () => {
        attempts++;
        if (attempts < 3) throw new Error('database unavailable');
        return attempts;
      },
      () => undefined,
      quiet,
      'test',
    );
    void p.add(updates(1)[0]!, by('a'));
    await p.durable();
    expect(attempts).toBe(3);
  });

  it('runs jobs one at a time, in order', async () => {
    const p = new Persistence(async () => 1, () => undefined, quiet, 'test');
    const log: string[] = [];
    const job = (name: string, ms: number) => () => new Promise<void>((r) => setTimeout(() => (log.push(name), r()), ms));
    await Promise.all([p.enqueue(job('slow', 30)), p.enqueue(job('fast', 1))]);
    expect(log).toEqual(['slow', 'fast']);
  });

  it("refuses the updates of a session that ended before its batch was written, and stores everyone else's in order", async () => {
    const writes: { sessions: string[]; text: string }[] = [];
    const refused: Uint8Array[][] = [];
    const p = new Persistence(
      async (update, _users, _claims, sessionIds) => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, update);
        writes.push({ sessions: sessionIds, text: doc.getText('t').toString() });
        return sessionIds.includes('ended') ? { ended: ['ended'] } : writes.length;
      },
      () => undefined,
      quiet,
      'test',
      () => 0,
      {},
      (updates) => refused.push(updates),
    );
    const [u1, u2, u3] = updates(3) as [Uint8Array, Uint8Array, Uint8Array];
    const live = { ...by('a'), sessionId: 'live' };
    const gone = { ...by('b'), sessionId: 'ended' };
    const outcomes = [p.add(u1, live), p.add(u2, gone), p.add(u3, null)];
    expect(await Promise.all(outcomes)).toEqual(['stored', 'session_ended', 'stored']);
    // The first write stored nothing; the second holds the live session's update and the server's own.
    expect(writes.map((w) => w.sessions)).toEqual([['live', 'ended'], ['live']]);
    expect(refused).toEqual([[u2]]);
    expect(p.pending).toBe(0);
    await p.durable();
  });
});


import type { SessionEndReason } from '@omnibus/shared';
import type { AppConfig } from '../config/config';
import { MetricsRegistry } from '../metrics/metrics.registry';
import type { AuthRedis } from './auth-redis';
import { SessionRegistry } from './session-registry';
import type { SessionState, SessionsRepository } from './sessions.repository';

const open = (id: string): SessionState => ({ id, userId: `u-${id}`, expiresAt: new Date(Date.now() + 60_000), endedAt: null, endReason: null, disabled: false });

describe('the periodic check of open sessions', () => {
  it('ends only the sockets whose sessions it read, never one that connected while the query ran', async () => {
    let answer!: (rows: Map<string, SessionState>) => void;
    const sessions = { states: () => new Promise<Map<string, SessionState>>((resolve) => (answer = resolve)), prune: async () => undefined } as unknown as SessionsRepository;
    const metrics = new MetricsRegistry();
    const registry = new SessionRegistry(sessions, { prefix: 'test', sub: null, command: null } as unknown as AuthRedis, metrics, {} as AppConfig);
    const ended: [string, SessionEndReason][] = [];
    registry.track({ sessionId: 'a', userId: 'u-a', end: (r) => ended.push(['a', r]) });
    registry.track({ sessionId: 'gone', userId: 'u-gone', end: (r) => ended.push(['gone', r]) });
    const sweep = registry.sweep();
    // A socket opens while PostgreSQL is still answering for the two above.
    registry.track({ sessionId: 'late', userId: 'u-late', end: (r) => ended.push(['late', r]) });
    answer(new Map([['a', open('a')]]));
    await sweep;
    expect(ended).toEqual([['gone', 'revoked']]);
    metrics.onModuleDestroy();
  });
});

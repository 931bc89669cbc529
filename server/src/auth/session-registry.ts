import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { SESSION_END_REASONS, type SessionEndReason } from '@omnibus/shared';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { AuthRedis } from './auth-redis';
import { endReasonOf, SessionsRepository } from './sessions.repository';

/** An open socket as the registry sees it: whose session it rides on, and how to end it. */
export interface SessionHandle {
  sessionId: string;
  userId: string;
  end(reason: SessionEndReason): void;
}

type Match = { sessionId: string } | { userId: string };

interface EndedMessage {
  instance: string;
  sessionId?: string;
  userId?: string;
  reason: SessionEndReason;
}

/**
 * Every open socket of this instance with the session it was opened with. A session's end reaches
 * its sockets three ways: at once on the instance that ended it, within milliseconds on the others
 * (Redis pub/sub), and at the latest at the next check of all open sessions against PostgreSQL
 * (every SESSION_CHECK_MS), which also catches tokens that lapsed and accounts disabled in the
 * database directly. Writes re-check their session before they are accepted (`confirm`).
 */
@Injectable()
export class SessionRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Sessions');
  private readonly handles = new Set<SessionHandle>();
  private readonly instance = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;
  private waiting = new Map<string, ((reason: SessionEndReason | null) => void)[]>();
  private checking = false;
  private lastPrune = 0;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly redis: AuthRedis,
    private readonly metrics: MetricsRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get channel(): string {
    return `${this.redis.prefix}:auth:ended`;
  }

  onModuleInit(): void {
    this.metrics.gauge('omnibus_open_sockets', 'Signed-in sockets open on this instance (co-editing and live).', () => this.handles.size);
    this.timer = setInterval(() => void this.sweep(), this.config.guard.sessionCheckMs).unref();
    const sub = this.redis.sub;
    if (!sub) return;
    sub.on('message', (channel: string, raw: string) => {
      if (channel !== this.channel) return;
      const m = parse(raw);
      if (m && m.instance !== this.instance) this.endLocal(m.sessionId !== undefined ? { sessionId: m.sessionId } : { userId: m.userId as string }, m.reason);
    });
    sub.subscribe(this.channel).catch((err: unknown) => this.logger.warn(`subscribing to session ends failed: ${String(err)}`));
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Registers an open socket; call the returned function when it closes. */
  track(handle: SessionHandle): () => void {
    this.handles.add(handle);
    return () => this.handles.delete(handle);
  }

  /** Ends the matching sockets on this instance and tells the other instances to do the same. */
  async announce(match: Match, reason: SessionEndReason): Promise<void> {
    this.endLocal(match, reason);
    const pub = this.redis.command;
    if (!pub) return;
    const message: EndedMessage = { instance: this.instance, reason, ...match };
    await pub.publish(this.channel, JSON.stringify(message)).catch((err: unknown) => {
      // The periodic check still ends them on the other instances.
      this.logger.warn(`publishing a session end failed: ${String(err)}`);
    });
  }

  private endLocal(match: Match, reason: SessionEndReason): void {
    for (const h of [...this.handles]) {
      if ('sessionId' in match ? h.sessionId === match.sessionId : h.userId === match.userId) this.endHandle(h, reason);
    }
  }

  private endHandle(h: SessionHandle, reason: SessionEndReason): void {
    this.handles.delete(h);
    this.metrics.inc('omnibus_sockets_ended_total', 'Sockets closed because their session ended, by reason.', `reason="${reason}"`);
    h.end(reason);
  }

  /**
   * Whether a session may still act, asked of PostgreSQL right now: a write waits for it. Requests
   * that arrive while a check is running are answered together by the next one query.
   */
  confirm(sessionId: string): Promise<SessionEndReason | null> {
    return new Promise((resolve) => {
      const list = this.waiting.get(sessionId) ?? [];
      list.push(resolve);
      this.waiting.set(sessionId, list);
      if (!this.checking) {
        this.checking = true;
        setImmediate(() => void this.runChecks());
      }
    });
  }

  private async runChecks(): Promise<void> {
    while (this.waiting.size > 0) {
      const batch = this.waiting;
      this.waiting = new Map();
      try {
        const states = await this.sessions.states([...batch.keys()]);
        const now = Date.now();
        for (const [id, resolvers] of batch) {
          const reason = endReasonOf(states.get(id), now);
          for (const r of resolvers) r(reason);
        }
      } catch (err) {
        // The database is away: the writes wait (they could not be stored anyway) and are checked once it answers.
        this.logger.warn(`checking sessions failed, retrying: ${err instanceof Error ? err.message : String(err)}`);
        for (const [id, resolvers] of batch) this.waiting.set(id, [...resolvers, ...(this.waiting.get(id) ?? [])]);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    this.checking = false;
  }

  /** Checks every open socket's session; ends those that were signed out, disabled or lapsed. */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      if (this.handles.size > 0) {
        // Only the sockets open when the check began: one that connects while the query runs has a
        // session the answer does not cover, and must not be taken for a revoked one.
        const checked = [...this.handles];
        const states = await this.sessions.states([...new Set(checked.map((h) => h.sessionId))]);
        const now = Date.now();
        for (const h of checked) {
          if (!this.handles.has(h)) continue;
          const reason = endReasonOf(states.get(h.sessionId), now);
          if (reason) this.endHandle(h, reason);
        }
      }
      if (Date.now() - this.lastPrune > 3_600_000) {
        this.lastPrune = Date.now();
        await this.sessions.prune();
      }
    } catch (err) {
      this.logger.warn(`checking open sessions failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.sweeping = false;
    }
  }
}

function parse(raw: string): EndedMessage | null {
  try {
    const m = JSON.parse(raw) as Partial<EndedMessage>;
    if (typeof m.instance !== 'string' || !SESSION_END_REASONS.includes(m.reason as SessionEndReason)) return null;
    if (typeof m.sessionId !== 'string' && typeof m.userId !== 'string') return null;
    return m as EndedMessage;
  } catch {
    return null;
  }
}

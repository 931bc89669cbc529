import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LoginRequest, RefreshResponse, UserView } from '@omnibus/shared';
import { AppError } from '../common/app-error';
import { BatchLoader } from '../common/batch-loader';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { UsersRepository, UserRow, type UserWithSession } from '../users/users.repository';
import { toActor, type Actor } from './actor';
import { AuthRedis } from './auth-redis';
import { LoginRateLimiter, MemoryCounterStore, RedisCounterStore } from './login-rate-limiter';
import { DUMMY_HASH, verifyPassword } from './password';
import { SessionRegistry } from './session-registry';
import { endReasonOf, SessionsRepository } from './sessions.repository';
import { TokenService, type TokenClaims } from './token.service';

export function toUserView(u: Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'delegationCode'>): UserView {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, delegation: u.delegationCode };
}

/** A verified token: who, and which sign-in session it belongs to. */
export interface Authenticated {
  actor: Actor;
  sessionId: string;
}

const ENDED: Record<string, string> = {
  signed_out: 'You signed out of this session. Sign in again.',
  revoked: 'This session was ended by an administrator. Sign in again.',
  account_disabled: 'This account no longer exists or is disabled.',
  expired: 'Your session has expired. Sign in again.',
};

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  private readonly limiter: LoginRateLimiter;
  /** Accounts and sessions of the requests and handshakes that arrive together, read in one query. */
  private readonly lookups: BatchLoader<{ userId: string; sessionId: string }, UserWithSession | null>;

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsRepository,
    private readonly registry: SessionRegistry,
    private readonly metrics: MetricsRegistry,
    redis: AuthRedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.lookups = new BatchLoader((keys) => this.users.findWithSessions(keys));
    const command = redis.command;
    this.limiter = new LoginRateLimiter(
      command ? new RedisCounterStore(command, redis.prefix, (err) => this.logger.warn(`sign-in limits fell back to this instance: ${String(err)}`)) : new MemoryCounterStore(),
    );
  }

  async login(body: LoginRequest, ip: string): Promise<{ token: string; expiresAt: string; user: UserView }> {
    try {
      await this.limiter.reserve(ip, body.username);
    } catch (err) {
      this.metrics.inc('omnibus_login_total', 'Sign-in attempts by outcome.', 'outcome="limited"');
      throw err;
    }
    this.metrics.inc('omnibus_login_password_checks_total', 'Passwords hashed to check a sign-in.');
    const user = await this.users.findByUsername(body.username);
    const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      this.metrics.inc('omnibus_login_total', 'Sign-in attempts by outcome.', 'outcome="refused"');
      throw new AppError('unauthorized', 'The username or password is not correct.');
    }
    await this.limiter.succeeded(ip, body.username);
    this.metrics.inc('omnibus_login_total', 'Sign-in attempts by outcome.', 'outcome="ok"');
    const session = await this.sessions.create(user.id, this.config.tokenTtlSeconds, this.config.guard.sessionMaxSeconds);
    const { token, expiresAt } = await this.tokens.sign({ sub: user.id, role: user.role, cid: user.committeeId, sid: session.id }, session.expiresAt);
    return { token, expiresAt, user: toUserView(user) };
  }

  /** The actor behind a bearer token, re-read from the database so a disabled account or an ended session stops at once. */
  async authenticate(token: string): Promise<Actor> {
    return (await this.authenticateSession(token)).actor;
  }

  async authenticateSession(token: string): Promise<Authenticated> {
    return this.sessionOf(await this.verifyToken(token));
  }

  /** The claims of a bearer token whose signature and expiry hold: who it was issued to, not yet whether that session still lives. */
  verifyToken(token: string): Promise<TokenClaims> {
    return this.tokens.verify(token);
  }

  /** The second half of `authenticateSession`: the account and session a verified token names, re-read from the database. */
  async sessionOf(claims: TokenClaims): Promise<Authenticated> {
    const found = await this.lookups.load({ userId: claims.sub, sessionId: claims.sid });
    if (!found || found.user.disabled) throw new AppError('unauthorized', ENDED.account_disabled as string);
    const reason = endReasonOf(found.session ?? undefined);
    if (reason === 'expired') throw new AppError('token_expired', ENDED.expired as string);
    if (reason) throw new AppError('unauthorized', ENDED[reason] as string, { reason });
    return { actor: toActor(found.user), sessionId: claims.sid };
  }

  /** Ends this session everywhere: its tokens stop working and its open sockets are closed. */
  async logout(sessionId: string): Promise<void> {
    await this.sessions.end(sessionId, 'signed_out');
    await this.registry.announce({ sessionId }, 'signed_out');
  }

  /** A fresh token for a session still in use; the session's expiry moves with it (up to SESSION_MAX_SECONDS). */
  async refresh(auth: Authenticated): Promise<RefreshResponse> {
    const expiresAt = await this.sessions.renew(auth.sessionId, this.config.tokenTtlSeconds);
    if (!expiresAt) throw new AppError('unauthorized', 'This session can no longer be renewed. Sign in again.');
    const a = auth.actor;
    return this.tokens.sign({ sub: a.userId, role: a.role, cid: a.committeeId, sid: auth.sessionId }, expiresAt);
  }
}

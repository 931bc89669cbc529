import { Injectable } from '@nestjs/common';
import type { LoginRequest, UserView } from '@omnibus/shared';
import { AppError } from '../common/app-error';
import { UsersRepository, UserRow } from '../users/users.repository';
import { toActor, type Actor } from './actor';
import { LoginRateLimiter } from './login-rate-limiter';
import { DUMMY_HASH, verifyPassword } from './password';
import { TokenService } from './token.service';

export function toUserView(u: Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'delegationCode'>): UserView {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, delegation: u.delegationCode };
}

@Injectable()
export class AuthService {
  private readonly limiter = new LoginRateLimiter();

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
  ) {}

  async login(body: LoginRequest, ip: string): Promise<{ token: string; expiresAt: string; user: UserView }> {
    this.limiter.check(ip, body.username);
    const user = await this.users.findByUsername(body.username);
    const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      this.limiter.recordFailure(ip, body.username);
      throw new AppError('unauthorized', 'The username or password is not correct.');
    }
    this.limiter.recordSuccess(ip, body.username);
    const { token, expiresAt } = await this.tokens.sign({ sub: user.id, role: user.role, cid: user.committeeId });
    return { token, expiresAt, user: toUserView(user) };
  }

  /** The actor behind a bearer token, re-read from the database so a disabled account stops at once. */
  async authenticate(token: string): Promise<Actor> {
    const claims = await this.tokens.verify(token);
    const user = await this.users.findById(claims.sub);
    if (!user || user.disabled) throw new AppError('unauthorized', 'This account no longer exists or is disabled.');
    return toActor(user);
  }
}

import { Injectable } from '@nestjs/common';
import type { AccountStatus, SessionEndReason } from '@omnibus/shared';
import { DataSource } from 'typeorm';
import { readable, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { SessionRegistry } from '../auth/session-registry';
import { SessionsRepository } from '../auth/sessions.repository';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { UsersRepository } from './users.repository';

/**
 * Accounts as the secretariat manages them: disabling one (it can no longer sign in, and every
 * session it has ends on every instance, open sockets included), enabling it again, or ending its
 * sessions without disabling it. Decided here: only the secretariat, only within its committee,
 * and never its own account (so a committee cannot lock itself out by a slip).
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly registry: SessionRegistry,
    private readonly audit: AuditService,
  ) {}

  private async target(actor: Actor, userId: string) {
    requireAccess(actor, { action: 'account.manage', committeeId: actor.committeeId });
    const user = readable(actor, await this.users.findById(userId), 'account', userId);
    if (user.id === actor.userId) throw new AppError('invalid_state', 'You cannot disable your own account or end your own sessions here; sign out instead.');
    return user;
  }

  async setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<AccountStatus> {
    const user = await this.target(actor, userId);
    const ended = await this.db.transaction(async (m) => {
      await this.users.setDisabled(m, actor.committeeId, user.id, disabled);
      const n = disabled ? await this.sessions.endAllOf(user.id, 'account_disabled', m) : 0;
      await this.audit.record(m, actor, {
        action: disabled ? 'account.disable' : 'account.enable',
        targetType: 'account',
        targetId: user.id,
        draftId: null,
        before: { disabled: user.disabled },
        after: { disabled, sessionsEnded: n },
      });
      return n;
    });
    if (disabled) await this.registry.announce({ userId: user.id }, 'account_disabled');
    return { id: user.id, username: user.username, disabled, sessionsEnded: ended };
  }

  async endSessions(actor: Actor, userId: string): Promise<AccountStatus> {
    const user = await this.target(actor, userId);
    const reason: SessionEndReason = 'revoked';
    const ended = await this.db.transaction(async (m) => {
      const n = await this.sessions.endAllOf(user.id, reason, m);
      await this.audit.record(m, actor, { action: 'account.sessions_end', targetType: 'account', targetId: user.id, draftId: null, after: { sessionsEnded: n } });
      return n;
    });
    await this.registry.announce({ userId: user.id }, reason);
    return { id: user.id, username: user.username, disabled: user.disabled, sessionsEnded: ended };
  }
}

import type { Role } from '@omnibus/shared';
import type { UserRow } from '../users/users.repository';

/** Who is acting: always taken from the verified token and the database, never from a request body. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  committeeId: string;
  delegationId: string | null;
  delegationCode: string | null;
}

export function toActor(user: UserRow): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    committeeId: user.committeeId,
    delegationId: user.delegationId,
    delegationCode: user.delegationCode,
  };
}

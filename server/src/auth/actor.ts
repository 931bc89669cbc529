import type { Role } from '@omnibus/shared';

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

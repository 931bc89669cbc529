import type { CollabUser, Role } from '@omnibus/shared';
import type { Actor } from '../auth/actor';

const OFFICES: Record<Role, string> = {
  chair: 'Chair',
  vice_chair: 'Vice-Chair',
  secretariat: 'Secretariat',
  observer: 'Observer',
  delegate: 'Delegation',
  translator: 'Language services',
};

/** A colour per delegation (or per person for the offices), the same on every screen. */
function colorOf(key: string): string {
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) % 360;
  return `hsl(${h}, 70%, 45%)`;
}

/** The identity the server stamps on a connection's presence; never taken from the client. */
export function collabUser(actor: Actor, delegations: ReadonlyMap<string, { name: string }>): CollabUser {
  const delegationName = actor.delegationCode ? (delegations.get(actor.delegationCode)?.name ?? actor.delegationCode) : OFFICES[actor.role];
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    delegation: actor.delegationCode,
    delegationName,
    color: colorOf(actor.delegationCode ?? actor.username),
  };
}

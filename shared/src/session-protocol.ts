/**
 * How a signed-in session ends on an open socket (both `/collab` and `/live`). The server sends
 * `session_ended` once, with the reason, and then closes the connection; a client should not
 * reconnect with the same token but sign in again (or, for `expired`, renew before it happens).
 */
export const SESSION_EVENTS = { ended: 'session_ended' } as const;

export const SESSION_END_REASONS = [
  /** The person signed out (`POST /api/auth/logout`) from this or another tab. */
  'signed_out',
  /** An administrator ended the person's sessions. */
  'revoked',
  /** The account was disabled. */
  'account_disabled',
  /** The session was not renewed before its token expired. */
  'expired',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export interface SessionEndedEvent {
  error: 'unauthorized';
  message: string;
  details: { reason: SessionEndReason };
}

const MESSAGES: Record<SessionEndReason, string> = {
  signed_out: 'You signed out; sign in again to go on.',
  revoked: 'Your session was ended by an administrator; sign in again to go on.',
  account_disabled: 'Your account has been disabled; ask the secretariat if this is a mistake.',
  expired: 'Your session has expired; sign in again to go on.',
};

export function sessionEndedEvent(reason: SessionEndReason): SessionEndedEvent {
  return { error: 'unauthorized', message: MESSAGES[reason], details: { reason } };
}

/** What `POST /api/auth/refresh` answers: a fresh token for the same session. */
export interface RefreshResponse {
  token: string;
  expiresAt: string;
}

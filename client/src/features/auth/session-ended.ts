import { SESSION_END_REASONS, SESSION_EVENTS, type SessionEndReason, type SessionEndedEvent } from '@omnibus/shared/session-protocol';
import type { TFunction } from 'i18next';
import type { Socket } from 'socket.io-client';
import { i18n } from '../../i18n';
import { sessionStore } from './session';

function isReason(value: unknown): value is SessionEndReason {
  return typeof value === 'string' && (SESSION_END_REASONS as readonly string[]).includes(value);
}

/** The sentence the sign-in page shows after the server ended the session, in the person's language. */
export function sessionEndedNotice(event: Partial<SessionEndedEvent> | null | undefined, t: TFunction = i18n.t): string {
  const reason = event?.details?.reason;
  if (!isReason(reason)) return t('auth:ended.unknown');
  switch (reason) {
    case 'signed_out':
      return t('auth:ended.signedOut');
    case 'revoked':
      return t('auth:ended.revoked');
    case 'account_disabled':
      return t('auth:ended.accountDisabled');
    case 'expired':
      return t('auth:ended.expired');
  }
}

/**
 * The token the socket presents on every (re)connection: the renewed one if the tab renewed it
 * since the socket opened, so a reconnect after a network drop is not refused with a stale token.
 * `extra`: more fields of the handshake, read at each (re)connection too.
 */
export function socketAuth(fallbackToken: string, draftId: string, extra: () => object = () => ({})): (cb: (data: object) => void) => void {
  return (cb) => cb({ token: sessionStore.get()?.token ?? fallbackToken, draftId, ...extra() });
}

/** Signs the tab out when the server ends the session on this socket (the server closes it right after). */
export function signOutWhenSessionEnds(socket: Socket): void {
  socket.on(SESSION_EVENTS.ended, (event: SessionEndedEvent) => sessionStore.signOut(sessionEndedNotice(event)));
}

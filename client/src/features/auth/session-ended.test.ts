import { SESSION_END_REASONS, SESSION_EVENTS, sessionEndedEvent } from '@omnibus/shared/session-protocol';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n';
import { sessionStore } from './session';
import { sessionEndedNotice, signOutWhenSessionEnds, socketAuth } from './session-ended';

const user = { id: 'u1', username: 'mex', displayName: 'Delegate of Mexico', role: 'delegate' as const, delegation: 'MEX' };

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStore.signOut('done');
});

describe('the end of a session on a socket', () => {
  it('gives each reason the server sends its own sentence, in every language', () => {
    const en = SESSION_END_REASONS.map((r) => sessionEndedNotice(sessionEndedEvent(r), i18n.getFixedT('en')));
    expect(en).toEqual([
      'You signed out, in this or another window; sign in again to go on.',
      'Your session was ended by an administrator; sign in again to go on.',
      'Your account has been disabled; ask the secretariat if this is a mistake.',
      'Your session has expired; sign in again to go on.',
    ]);
    const es = SESSION_END_REASONS.map((r) => sessionEndedNotice(sessionEndedEvent(r), i18n.getFixedT('es')));
    expect(es[2]).toBe('Su cuenta fue desactivada; consulte a la Secretaría si se trata de un error.');
    for (const lang of ['es', 'fr', 'pt']) {
      const said = SESSION_END_REASONS.map((r) => sessionEndedNotice(sessionEndedEvent(r), i18n.getFixedT(lang)));
      expect(new Set(said).size).toBe(SESSION_END_REASONS.length);
      for (const s of said) expect(en).not.toContain(s);
    }
  });

  it('falls back to a general sentence for a reason it does not know', () => {
    const t = i18n.getFixedT('en');
    expect(sessionEndedNotice({ error: 'unauthorized', message: 'x', details: { reason: 'moon_phase' as never } }, t)).toBe('Your session has ended; sign in again to go on.');
    expect(sessionEndedNotice(null, t)).toBe('Your session has ended; sign in again to go on.');
  });

  it('signs the tab out with that sentence when the server ends the session', () => {
    const handlers = new Map<string, (payload: unknown) => void>();
    const socket = { on: (event: string, fn: (payload: unknown) => void) => handlers.set(event, fn) } as unknown as Socket;
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}')));
    sessionStore.signIn({ token: 't', expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(), user });
    signOutWhenSessionEnds(socket);
    handlers.get(SESSION_EVENTS.ended)?.(sessionEndedEvent('account_disabled'));
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.notice()).toBe(sessionEndedNotice(sessionEndedEvent('account_disabled')));
    // The server ended the session already: no second sign-out request is sent.
    expect(fetch).not.toHaveBeenCalled();
  });

  it('presents the renewed token on a reconnection', () => {
    sessionStore.signIn({ token: 'first', expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(), user });
    const auth = socketAuth('first', 'd1');
    sessionStore.signIn({ token: 'renewed', expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(), user });
    const sent: object[] = [];
    auth((data) => sent.push(data));
    expect(sent).toEqual([{ token: 'renewed', draftId: 'd1' }]);
  });
});

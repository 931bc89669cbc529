import type { UserView } from '@omnibus/shared';
import { useSyncExternalStore } from 'react';
import { ApiError, call, configureHttp, errorMessage, operationUrl } from '../../api/http';
import { i18n } from '../../i18n';

export interface Session {
  token: string;
  expiresAt: string;
  user: UserView;
}

const KEY = 'omnibus.session';
type Listener = () => void;

// sessionStorage, not localStorage: a delegate and the chair can sit in two tabs of one laptop
// (a common set-up in the room) without one sign-in replacing the other.
function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();
let notice: string | null = null;
const listeners = new Set<Listener>();

function emit(): void {
  for (const l of listeners) l();
}

function store(session: Session | null): void {
  current = session;
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  schedule();
  emit();
}

/*
 * Tokens are short-lived (30 minutes by default); a tab in use renews its token before it expires
 * (POST /api/auth/refresh), so a delegate is never signed out mid-session while a tab left
 * unattended lapses on its own. "In use": visible, or touched since the last renewal.
 */
const RETRY_MS = 30_000;
let renewTimer: ReturnType<typeof setTimeout> | null = null;
let lastActivity = Date.now();
let renewing: Promise<void> | null = null;

/** When to renew: two thirds of the way to the expiry, and at least a minute before it. */
export function renewDelayMs(expiresAt: string, now = Date.now()): number {
  const left = Date.parse(expiresAt) - now;
  return Math.max(0, Math.min((left * 2) / 3, left - 60_000));
}

function inUse(): boolean {
  const visible = typeof document === 'undefined' || document.visibilityState === 'visible';
  return visible || Date.now() - lastActivity < 5 * 60_000;
}

function schedule(delayMs?: number): void {
  if (renewTimer !== null) clearTimeout(renewTimer);
  renewTimer = null;
  if (!current) return;
  renewTimer = setTimeout(() => void sessionStore.renew(), delayMs ?? renewDelayMs(current.expiresAt));
}

if (typeof window !== 'undefined') {
  const touched = () => {
    lastActivity = Date.now();
  };
  for (const event of ['pointerdown', 'keydown', 'focus']) window.addEventListener(event, touched, { capture: true, passive: true });
  document.addEventListener('visibilitychange', () => {
    // Back to a tab whose renewal was skipped while it was hidden: renew now if it is still valid.
    if (document.visibilityState === 'visible' && current && renewDelayMs(current.expiresAt) === 0) void sessionStore.renew();
  });
}

export const sessionStore = {
  get: (): Session | null => current,
  /** A sentence for the sign-in page explaining why the person was signed out. */
  notice: (): string | null => notice,
  signIn(session: Session): void {
    notice = null;
    store(session);
  },
  /**
   * Signs out of this tab. When the person asks (no reason given), the server ends the session
   * too, so the token stops working everywhere and its open connections close.
   */
  signOut(reason: string | null = null): void {
    const ending = current;
    notice = reason;
    if (ending && reason === null) {
      void fetch(operationUrl('logout', {}), { method: 'POST', headers: { authorization: `Bearer ${ending.token}` } }).catch(() => undefined);
    }
    store(null);
  },
  /** Exchanges the token for a fresh one of the same session, if the tab is in use; a refusal signs out (through the 401 handler). */
  renew(): Promise<void> {
    renewing ??= (async () => {
      const s = current;
      if (!s) return;
      if (!inUse()) {
        // Left alone: the token lapses; coming back before then renews it.
        schedule(Math.max(RETRY_MS, renewDelayMs(s.expiresAt)));
        return;
      }
      try {
        const fresh = await call('refresh');
        if (current?.token === s.token) store({ ...s, token: fresh.token, expiresAt: fresh.expiresAt });
      } catch (err) {
        // A refused renewal has signed out already; a network failure is tried again while the token lasts.
        if (!(err instanceof ApiError && err.status === 401) && current?.token === s.token && Date.parse(s.expiresAt) > Date.now()) schedule(RETRY_MS);
      }
    })().finally(() => {
      renewing = null;
    });
    return renewing;
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

configureHttp({
  token: () => current?.token ?? null,
  unauthorized: (err) => sessionStore.signOut(i18n.t('auth:signInAgain', { reason: errorMessage(err) })),
});
schedule();

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

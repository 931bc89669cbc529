import type { UserView } from '@omnibus/shared';
import { useSyncExternalStore } from 'react';
import { configureHttp, errorMessage } from '../../api/http';
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

export const sessionStore = {
  get: (): Session | null => current,
  /** A sentence for the sign-in page explaining why the person was signed out. */
  notice: (): string | null => notice,
  signIn(session: Session): void {
    current = session;
    notice = null;
    sessionStorage.setItem(KEY, JSON.stringify(session));
    emit();
  },
  signOut(reason: string | null = null): void {
    current = null;
    notice = reason;
    sessionStorage.removeItem(KEY);
    emit();
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

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

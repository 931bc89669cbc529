import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CollabConnection, CollabSnapshot } from './collab-connection';

/**
 * What the room knows about co-editing before the editor's code is loaded: who connects to which
 * draft, and how to close the connection when the room goes away. The connection itself (Yjs,
 * ProseMirror, y-protocols) is created by the lazily loaded editor.
 */
export interface CollabHub {
  token: string;
  draftId: string;
  /** Runs when the room closes. */
  onClose(close: () => void): void;
}

export const CollabContext = createContext<CollabHub | null>(null);

export function useCollabHub(): CollabHub | null {
  return useContext(CollabContext);
}

/**
 * One part of the connection's state: the component redraws when that part changes, not with every
 * change of the rest (the count of unsaved changes moves with every keystroke sent and acknowledged).
 * `select` must return a value that stays equal (`Object.is`) while its part does.
 */
export function useCollabSelect<T>(conn: CollabConnection, select: (s: CollabSnapshot) => T): T {
  return useSyncExternalStore(conn.subscribe, () => select(conn.getSnapshot()));
}

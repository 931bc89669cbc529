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

export function useCollabState(conn: CollabConnection): CollabSnapshot {
  return useSyncExternalStore(conn.subscribe, conn.getSnapshot);
}

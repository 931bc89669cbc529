import type { Role } from '@omnibus/shared';

type CollabPaneModule = typeof import('./CollabPane');

let loading: Promise<CollabPaneModule> | null = null;

/**
 * The co-editor's code (Yjs, ProseMirror, the binding), fetched once: when someone first opens the
 * editor, or ahead of that while the draft itself is on its way (`preloadEditor`). A failed fetch
 * is tried again the next time.
 */
export function loadCollabPane(): Promise<CollabPaneModule> {
  loading ??= import('./CollabPane').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/** Whether a person of this role may ever type in the co-editor (observers and language services follow it only). */
export const mayEverCoedit = (role: Role): boolean => role !== 'observer' && role !== 'translator';

/** Fetches the editor's code ahead of its first use; a failure here is left to that first use. */
export function preloadEditor(): void {
  loadCollabPane().catch(() => undefined);
}

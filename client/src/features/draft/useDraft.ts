import type { DraftView } from '@omnibus/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/endpoints';
import { errorMessage } from '../../api/http';

/** How often the draft is re-read while no live channel tells us it changed. */
export const REFRESH_MS = 5000;

export interface DraftState {
  draft: DraftView | null;
  /** Why the last load failed; the last good draft stays on screen meanwhile. */
  error: string | null;
  reload: () => Promise<void>;
}

/**
 * The draft as the API returns it, re-read after every change the person makes, when the window
 * regains focus, and every few seconds while visible, so other delegations' proposals and the caps
 * they use show up without a manual reload.
 */
export function useDraft(draftId: string | null, refreshMs: number = REFRESH_MS): DraftState {
  const [draft, setDraft] = useState<DraftView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  // The last answer as text: an unchanged draft keeps its object, so the room does not redraw every few seconds.
  const shown = useRef('');

  const reload = useCallback(async () => {
    if (!draftId) return;
    const ticket = ++latest.current;
    try {
      const d = await api.draft(draftId);
      // A slow answer must not overwrite a newer one.
      if (ticket === latest.current) {
        const text = JSON.stringify(d);
        if (text !== shown.current) {
          shown.current = text;
          setDraft(d);
        }
        setError(null);
      }
    } catch (err) {
      if (ticket === latest.current) setError(errorMessage(err));
    }
  }, [draftId]);

  useEffect(() => {
    void reload();
    if (refreshMs <= 0) return;
    const tick = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    const timer = window.setInterval(tick, refreshMs);
    window.addEventListener('focus', tick);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', tick);
    };
  }, [reload, refreshMs]);

  return { draft, error, reload };
}

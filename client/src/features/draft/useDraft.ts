import type { DraftView } from '@omnibus/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/endpoints';
import { errorMessage } from '../../api/http';
import { queryKeys } from '../live-state/query-keys';

export interface DraftState {
  draft: DraftView | null;
  /** Why the last load failed; the last good draft stays on screen meanwhile. */
  error: string | null;
  reload: () => Promise<void>;
}

/**
 * The draft as the API returns it, kept in the room's query cache. It is re-read only when the
 * live channel says it changed (or after the person's own change), never on a timer; an answer
 * that equals the cached one keeps its objects, so unchanged paragraphs do not redraw.
 */
export function useDraft(draftId: string | null): DraftState {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.draft(draftId ?? 'none'),
    queryFn: () => api.draft(draftId as string),
    enabled: draftId !== null,
  });
  const reload = useCallback(async () => {
    if (draftId) await qc.invalidateQueries({ queryKey: queryKeys.draft(draftId) });
  }, [qc, draftId]);
  return { draft: query.data ?? null, error: query.error ? errorMessage(query.error) : null, reload };
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, type Invitation } from '../../api/endpoints';
import { queryKeys } from '../live-state/query-keys';

const NONE: Invitation[] = [];

/**
 * The delegation's open invitations and the requests to join its new paragraphs' sponsors (both
 * answered with accept or decline), re-read when the live channel reports a proposal or an answer.
 */
export function useInvitations(enabled: boolean): {
  invitations: Invitation[];
  reload: () => Promise<void>;
} {
  const qc = useQueryClient();
  // A failed read keeps the list as it was; the draft's own loading error tells the person the server is unreachable.
  const query = useQuery({ queryKey: queryKeys.invitations(), queryFn: async () => (await Promise.all([api.invitations(), api.joinRequests()])).flat(), enabled });
  const reload = useCallback(async () => {
    await qc.invalidateQueries({ queryKey: queryKeys.invitations() });
  }, [qc]);
  return { invitations: query.data ?? NONE, reload };
}

import { useCallback, useEffect, useState } from 'react';
import { api, type Invitation } from '../../api/endpoints';

export function useInvitations(enabled: boolean, refreshKey: unknown): {
  invitations: Invitation[];
  reload: () => Promise<void>;
} {
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const reload = useCallback(async () => {
    if (!enabled) return;
    try {
      setInvitations(await api.invitations());
    } catch {
      // The list stays as it was; the draft's own loading error tells the person the server is unreachable.
    }
  }, [enabled]);
  // Re-read whenever the draft changes: an invitation arrives with the proposal that carries it.
  useEffect(() => {
    void reload();
  }, [reload, refreshKey]);
  return { invitations, reload };
}

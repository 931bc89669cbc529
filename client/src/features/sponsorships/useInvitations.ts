import { useCallback, useEffect, useState } from 'react';
import { api, type Invitation } from '../../api/endpoints';
import { errorMessage } from '../../api/http';

export function useInvitations(enabled: boolean, refreshKey: unknown): {
  invitations: Invitation[];
  error: string | null;
  reload: () => Promise<void>;
} {
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    if (!enabled) return;
    try {
      setInvitations(await api.invitations());
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [enabled]);
  // Re-read whenever the draft changes: an invitation arrives with the proposal that carries it.
  useEffect(() => {
    void reload();
  }, [reload, refreshKey]);
  return { invitations, error, reload };
}

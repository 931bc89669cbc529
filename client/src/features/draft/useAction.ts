import { useCallback, useState } from 'react';
import { errorMessage } from '../../api/http';

/** Runs one request at a time for a button, keeping the server's sentence if it is refused. */
export function useAction<A extends unknown[]>(fn: (...args: A) => Promise<void>): {
  run: (...args: A) => Promise<boolean>;
  busy: boolean;
  error: string | null;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await fn(...args);
        return true;
      } catch (err) {
        setError(errorMessage(err));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [fn],
  );
  return { run, busy, error };
}

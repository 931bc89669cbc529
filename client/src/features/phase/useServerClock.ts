import type { WorkflowView } from '@omnibus/shared/workflow-schemas';
import { useEffect, useMemo, useState } from 'react';

/**
 * The server's time as it ticks on this screen: the workflow carries the server's clock, so a
 * browser clock set wrong (or a test server travelling in time) does not move the deadline.
 * Ticks every `everyMs` only to redraw a countdown; nothing is fetched.
 */
export function useServerNow(workflow: WorkflowView | null, everyMs: number): number {
  const offset = useMemo(() => (workflow ? Date.parse(workflow.now) - Date.now() : 0), [workflow]);
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setTick(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return tick + offset;
}

import type { WorkflowView } from '@omnibus/shared/workflow-schemas';
import { useMemo, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { useWindowNow } from './PhaseBar';
import { PROPOSAL_REASON_ID, ProposalWindowContext } from './proposal-window';
import { useServerNow } from './useServerClock';

/** Tells every action below whether the phase still lets delegations propose, and why not. */
export function ProposalWindowScope({ workflow, children }: { workflow: WorkflowView | null; children: ReactNode }) {
  const t = useT('phase');
  // The window closes at its deadline even if no event arrives: checked every few seconds.
  const now = useServerNow(workflow, 5_000);
  const { open, reason } = useWindowNow(workflow, now, t);
  const value = useMemo(() => ({ open, reason, reasonId: PROPOSAL_REASON_ID }), [open, reason]);
  return <ProposalWindowContext.Provider value={value}>{children}</ProposalWindowContext.Provider>;
}

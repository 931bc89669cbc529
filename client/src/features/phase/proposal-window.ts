import type { UserView } from '@omnibus/shared';
import { createContext, useContext } from 'react';

/** Whether the person may propose now, and if not the sentence saying why (shown by the phase bar). */
export interface ProposalWindow {
  open: boolean;
  reason: string | null;
  /** The id of the element that reads the reason out, for aria-describedby on disabled actions. */
  reasonId: string;
}

export const PROPOSAL_REASON_ID = 'proposal-window-reason';

const ALWAYS_OPEN: ProposalWindow = { open: true, reason: null, reasonId: PROPOSAL_REASON_ID };

export const ProposalWindowContext = createContext<ProposalWindow>(ALWAYS_OPEN);

/** The window binds delegations only; the chair and the secretariat write in every phase. */
export function useProposalWindow(user: Pick<UserView, 'role'>): ProposalWindow {
  const w = useContext(ProposalWindowContext);
  return user.role === 'delegate' ? w : ALWAYS_OPEN;
}

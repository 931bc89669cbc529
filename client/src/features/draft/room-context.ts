import type { DraftView, UserView } from '@omnibus/shared';
import { createContext, useContext } from 'react';
import type { DelegationInfo } from '../../api/endpoints';

export interface Room {
  user: UserView;
  draft: DraftView;
  delegations: DelegationInfo[];
  /** Re-read the draft after a change, so caps, labels and brackets come from the server. */
  reload: () => Promise<void>;
  /** Tell the person something happened (read out by screen readers too). */
  announce: (message: string) => void;
}

export const RoomContext = createContext<Room | null>(null);

export function useRoom(): Room {
  const room = useContext(RoomContext);
  if (!room) throw new Error('useRoom outside the negotiation room');
  return room;
}

import type { DraftActions, DraftView, UserView } from '@omnibus/shared';
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

/**
 * The part of the room that stays put while the draft changes under it (every second while people
 * co-edit). What reads only this does not redraw with every change of the draft: a paragraph's card
 * redraws when its own paragraph changes.
 */
export type RoomBase = Omit<Room, 'draft'> & {
  draftId: string;
  /** What the person may do with the draft (the server's word); the same object until it changes. */
  draftActions: DraftActions | undefined;
};

export const RoomBaseContext = createContext<RoomBase | null>(null);

export function useRoomBase(): RoomBase {
  const base = useContext(RoomBaseContext);
  if (!base) throw new Error('useRoomBase outside the negotiation room');
  return base;
}

export function useRoom(): Room {
  const room = useContext(RoomContext);
  if (!room) throw new Error('useRoom outside the negotiation room');
  return room;
}

import { createContext, useContext } from 'react';
import type { Live } from './useLive';

export const LiveContext = createContext<Live | null>(null);

/** The live room, or null where no live channel is wired (component tests). */
export function useLiveRoom(): Live | null {
  return useContext(LiveContext);
}

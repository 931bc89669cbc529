import { QueryClient } from '@tanstack/react-query';

/**
 * The room's cache of server state. Nothing is re-read on a timer or on focus: the live channel
 * says what changed (live-sync.ts) and a reconnection re-reads everything shown.
 */
export function createRoomQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Number.POSITIVE_INFINITY,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: 1,
      },
    },
  });
}

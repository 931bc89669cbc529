import { useQuery } from '@tanstack/react-query';
import { negotiationApi } from '../../api/negotiation';
import { queryKeys } from '../live-state/query-keys';

/** Every reservation recorded on the draft, read once and kept current by the live channel. */
export function useReservations(draftId: string) {
  return useQuery({ queryKey: queryKeys.reservations(draftId), queryFn: () => negotiationApi.reservations(draftId) });
}

import { useQuery } from '@tanstack/react-query';
import { negotiationApi } from '../../api/negotiation';
import { queryKeys } from '../live-state/query-keys';

/** The consultations of the draft, from the room's cache (kept current by the live channel). */
export function useConsultations(draftId: string) {
  return useQuery({ queryKey: queryKeys.consultations(draftId), queryFn: () => negotiationApi.consultations(draftId) });
}

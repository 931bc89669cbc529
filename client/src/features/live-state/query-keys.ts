/** Every piece of server state the room caches, by one key each, so a live event names what it makes stale. */
export const queryKeys = {
  draft: (draftId: string) => ['draft', draftId] as const,
  invitations: () => ['invitations'] as const,
  reservations: (draftId: string) => ['reservations', draftId] as const,
  consultations: (draftId: string) => ['consultations', draftId] as const,
  silence: (draftId: string) => ['silence', draftId] as const,
  sessions: (draftId: string) => ['sessions', draftId] as const,
  minutes: (sessionId: string) => ['minutes', sessionId] as const,
  history: (draftId: string, targetId: string | null) => ['history', draftId, targetId ?? 'all'] as const,
  calendar: () => ['calendar'] as const,
};

import type { AuditEventView } from '@omnibus/shared/domain';
import type {
  CalendarEventView,
  ConsultationView,
  Minutes,
  ReservationView,
  SessionView,
  SilenceView,
  StartSilenceRequest,
} from '@omnibus/shared/workflow-schemas';
import { download, request } from './http';

const enc = encodeURIComponent;

/** One row of the draft's append-only history. */
export type HistoryEntry = AuditEventView;

export type MinutesFormat = 'markdown' | 'text' | 'json';

/** The methodology's later steps: minutes, reservations, silence, consultations, calendar, history. */
export const negotiationApi = {
  sessions: (draftId: string) => request<SessionView[]>('GET', `/api/drafts/${enc(draftId)}/sessions`),
  minutes: (sessionId: string) => request<Minutes>('GET', `/api/sessions/${enc(sessionId)}/minutes`),
  downloadMinutes: (sessionId: string, format: MinutesFormat) =>
    download(`/api/sessions/${enc(sessionId)}/minutes?format=${format}`, `minutes-${sessionId}.${format === 'markdown' ? 'md' : format === 'text' ? 'txt' : 'json'}`),
  reservations: (draftId: string) => request<ReservationView[]>('GET', `/api/drafts/${enc(draftId)}/reservations`),
  addReservation: (paragraphId: string, text: string) => request<ReservationView>('POST', `/api/paragraphs/${enc(paragraphId)}/reservations`, { text }),
  withdrawReservation: (id: string) => request<ReservationView>('POST', `/api/reservations/${enc(id)}/withdraw`),
  silences: (draftId: string) => request<SilenceView[]>('GET', `/api/drafts/${enc(draftId)}/silence`),
  startSilence: (draftId: string, body: StartSilenceRequest) => request<SilenceView>('POST', `/api/drafts/${enc(draftId)}/silence`, body),
  breakSilence: (silenceId: string, reason: string) => request<SilenceView>('POST', `/api/silence/${enc(silenceId)}/objections`, { reason }),
  consultations: (draftId: string) => request<ConsultationView[]>('GET', `/api/drafts/${enc(draftId)}/consultations`),
  reportConsultation: (id: string, status: 'open' | 'ready', note?: string) =>
    request<ConsultationView>('PATCH', `/api/consultations/${enc(id)}`, { status, ...(note ? { note } : {}) }),
  calendar: () => request<{ timeZone: string; events: CalendarEventView[] }>('GET', '/api/calendar'),
  subscription: () => request<{ url: string; webcal: string }>('GET', '/api/calendar/subscription'),
  history: (draftId: string, targetId: string) => request<HistoryEntry[]>('GET', `/api/drafts/${enc(draftId)}/history?targetId=${enc(targetId)}&limit=200`),
};

/** Saves a generated file the way a link would, with the token the link cannot carry. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

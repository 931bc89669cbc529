import type { AuditEventView } from '@omnibus/shared/domain';
import type { MINUTES_FORMATS, StartSilenceRequest } from '@omnibus/shared/workflow-schemas';
import { call, download, operationUrl } from './http';

/** One row of the draft's append-only history. */
export type HistoryEntry = AuditEventView;

export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

const MINUTES_FILE_ENDING: Record<MinutesFormat, string> = { markdown: 'md', text: 'txt', json: 'json' };

/** The methodology's later steps: minutes, reservations, silence, consultations, calendar, history. */
export const negotiationApi = {
  sessions: (draftId: string) => call('sessions', { params: { id: draftId } }),
  minutes: (sessionId: string) => call('minutes', { params: { id: sessionId } }),
  downloadMinutes: (sessionId: string, format: MinutesFormat) =>
    download(operationUrl('minutes', { params: { id: sessionId }, query: { format } }), `minutes-${sessionId}.${MINUTES_FILE_ENDING[format]}`),
  reservations: (draftId: string) => call('reservations', { params: { id: draftId } }),
  addReservation: (paragraphId: string, text: string) => call('addReservation', { params: { id: paragraphId }, body: { text } }),
  withdrawReservation: (id: string) => call('withdrawReservation', { params: { id } }),
  silences: (draftId: string) => call('silences', { params: { id: draftId } }),
  startSilence: (draftId: string, body: StartSilenceRequest) => call('startSilence', { params: { id: draftId }, body }),
  breakSilence: (silenceId: string, reason: string) => call('breakSilence', { params: { id: silenceId }, body: { reason } }),
  consultations: (draftId: string) => call('consultations', { params: { id: draftId } }),
  reportConsultation: (id: string, status: 'open' | 'ready', note?: string) => call('reportConsultation', { params: { id }, body: { status, ...(note ? { note } : {}) } }),
  calendar: () => call('calendar'),
  subscription: () => call('calendarSubscription'),
  history: (draftId: string, targetId: string) => call('history', { params: { id: draftId }, query: { targetId, limit: 200 } }),
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

import type { DraftView, ParagraphView } from '@omnibus/shared';
import type { DraftChangedPayload } from '@omnibus/shared/live-protocol';
import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import { LIVE } from '../session/live-events';
import { queryKeys } from './query-keys';

/** Co-edited text stored by the projection: only those paragraphs changed, nothing else (caps, labels) did. */
const TEXT_ONLY = 'paragraph.coedit';

/** Puts fresh paragraphs into the cached draft in place, keeping every other object as it was. */
export function patchParagraphs(draft: DraftView, fresh: readonly ParagraphView[]): DraftView {
  const byId = new Map(fresh.map((p) => [p.id, p]));
  let touched = false;
  const sections = draft.sections.map((s) => {
    if (!s.paragraphs.some((p) => byId.has(p.id))) return s;
    touched = true;
    return { ...s, paragraphs: s.paragraphs.map((p) => byId.get(p.id) ?? p) };
  });
  return touched ? { ...draft, sections } : draft;
}

async function refreshParagraphs(qc: QueryClient, draftId: string, ids: readonly string[]): Promise<void> {
  const fresh = await Promise.all(ids.map((id) => api.paragraph(id)));
  qc.setQueryData<DraftView>(queryKeys.draft(draftId), (d) => (d ? patchParagraphs(d, fresh) : d));
}

/**
 * What each event on /live makes stale. The payloads are the server's, sent after its
 * transaction committed, so re-reading on them never shows an older state than the event.
 */
export function applyLiveEvent(qc: QueryClient, draftId: string, event: string, payload: unknown): void {
  const stale = (key: readonly unknown[]) => void qc.invalidateQueries({ queryKey: key });
  switch (event) {
    case LIVE.draftChanged: {
      const change = payload as DraftChangedPayload;
      if (change.draftId !== draftId) return;
      if (change.kind === TEXT_ONLY && change.ids.length > 0) {
        // A failed patch falls back to a whole re-read.
        refreshParagraphs(qc, draftId, change.ids).catch(() => stale(queryKeys.draft(draftId)));
        return;
      }
      stale(queryKeys.draft(draftId));
      // An invitation arrives with the proposal that carries it and leaves with the answer.
      stale(queryKeys.invitations());
      stale(['history', draftId]);
      if (change.kind.startsWith('reservation.')) stale(queryKeys.reservations(draftId));
      return;
    }
    case LIVE.decisionRecorded:
    case LIVE.sessionClosed:
    case LIVE.sessionOpened:
      stale(queryKeys.draft(draftId));
      stale(queryKeys.sessions(draftId));
      stale(queryKeys.consultations(draftId));
      return;
    case LIVE.reservationAdded:
      stale(queryKeys.reservations(draftId));
      return;
    case LIVE.consultationChanged:
      stale(queryKeys.consultations(draftId));
      stale(queryKeys.draft(draftId));
      return;
    case LIVE.silenceChanged:
      stale(queryKeys.silence(draftId));
      stale(queryKeys.draft(draftId));
      return;
    case LIVE.versionPublished:
    case LIVE.phaseChanged:
      stale(queryKeys.draft(draftId));
      stale(queryKeys.calendar());
      return;
    default:
      return;
  }
}

/** After a reconnection nothing on screen can be trusted: re-read all of it. */
export function catchUp(qc: QueryClient): void {
  void qc.invalidateQueries();
}

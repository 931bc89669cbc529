import type { DraftRedline } from '@omnibus/shared';
import type {
  CalendarEventView,
  CommentView,
  DecisionRequest,
  DecisionView,
  DraftPhase,
  SessionView,
  SpeakerView,
  VersionSummary,
  WorkflowView,
} from '@omnibus/shared/workflow-schemas';
import { request } from './http';

const enc = encodeURIComponent;

export type DecisionInput = DecisionRequest;

/** The negotiation's workflow: phases, versions and redlines, calendar, sessions, comments. */
export const workflowApi = {
  workflow: (draftId: string) => request<WorkflowView>('GET', `/api/drafts/${enc(draftId)}/workflow`),
  setPhase: (draftId: string, phase: DraftPhase, commentDeadline?: string) =>
    request<WorkflowView>('POST', `/api/drafts/${enc(draftId)}/workflow/phase`, { phase, ...(commentDeadline ? { commentDeadline } : {}) }),
  versions: (draftId: string) => request<VersionSummary[]>('GET', `/api/drafts/${enc(draftId)}/versions`),
  publishVersion: (draftId: string, name?: string) => request<VersionSummary>('POST', `/api/drafts/${enc(draftId)}/versions`, name ? { name } : {}),
  redline: (draftId: string, from: string, to: string) =>
    request<DraftRedline>('GET', `/api/drafts/${enc(draftId)}/redline?from=${enc(from)}&to=${enc(to)}`),
  calendar: () => request<{ timeZone: string; events: CalendarEventView[] }>('GET', '/api/calendar'),
  openSession: (draftId: string, meetingId: string) => request<SessionView>('POST', `/api/drafts/${enc(draftId)}/sessions`, { meetingId }),
  call: (sessionId: string, paragraphId?: string) => request<unknown>('POST', `/api/sessions/${enc(sessionId)}/call`, paragraphId ? { paragraphId } : {}),
  skip: (sessionId: string, paragraphId: string) => request<unknown>('POST', `/api/sessions/${enc(sessionId)}/queue/${enc(paragraphId)}/skip`),
  decide: (sessionId: string, body: DecisionInput) => request<DecisionView>('POST', `/api/sessions/${enc(sessionId)}/decisions`, body),
  nextSpeaker: (sessionId: string) => request<SpeakerView[]>('POST', `/api/sessions/${enc(sessionId)}/speakers/next`),
  removeSpeaker: (sessionId: string, requestId: string) => request<SpeakerView[]>('POST', `/api/sessions/${enc(sessionId)}/speakers/${enc(requestId)}/remove`),
  closeSession: (sessionId: string) => request<unknown>('POST', `/api/sessions/${enc(sessionId)}/close`),
  comments: (paragraphId: string) => request<CommentView[]>('GET', `/api/paragraphs/${enc(paragraphId)}/comments`),
  addComment: (paragraphId: string, body: string, parentId?: string) =>
    request<CommentView>('POST', `/api/paragraphs/${enc(paragraphId)}/comments`, { body, ...(parentId ? { parentId } : {}) }),
};

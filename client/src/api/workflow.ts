import type { DecisionRequest, DraftPhase } from '@omnibus/shared/workflow-schemas';
import { call } from './http';

export type DecisionInput = DecisionRequest;

/** The negotiation's workflow: phases, versions and redlines, calendar, sessions, comments. */
export const workflowApi = {
  workflow: (draftId: string) => call('workflow', { params: { id: draftId } }),
  setPhase: (draftId: string, phase: DraftPhase, commentDeadline?: string) =>
    call('setPhase', { params: { id: draftId }, body: { phase, ...(commentDeadline ? { commentDeadline } : {}) } }),
  versions: (draftId: string) => call('versions', { params: { id: draftId } }),
  publishVersion: (draftId: string, name?: string) => call('publishVersion', { params: { id: draftId }, body: name ? { name } : {} }),
  redline: (draftId: string, from: string, to: string) => call('redline', { params: { id: draftId }, query: { from, to } }),
  calendar: () => call('calendar'),
  openSession: (draftId: string, meetingId: string) => call('openSession', { params: { id: draftId }, body: { meetingId } }),
  call: (sessionId: string, paragraphId?: string) => call('callParagraph', { params: { id: sessionId }, body: paragraphId ? { paragraphId } : {} }),
  skip: (sessionId: string, paragraphId: string) => call('skipParagraph', { params: { id: sessionId, paragraphId } }),
  decide: (sessionId: string, body: DecisionInput) => call('decide', { params: { id: sessionId }, body }),
  nextSpeaker: (sessionId: string) => call('nextSpeaker', { params: { id: sessionId } }),
  removeSpeaker: (sessionId: string, requestId: string) => call('removeSpeaker', { params: { id: sessionId, requestId } }),
  closeSession: (sessionId: string) => call('closeSession', { params: { id: sessionId } }),
  comments: (paragraphId: string) => call('comments', { params: { id: paragraphId } }),
  addComment: (paragraphId: string, body: string, parentId?: string) =>
    call('addComment', { params: { id: paragraphId }, body: { body, ...(parentId ? { parentId } : {}) } }),
};

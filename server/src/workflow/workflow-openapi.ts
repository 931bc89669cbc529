import {
  breakSilenceRequest,
  callParagraphRequest,
  commentWindowRequest,
  createCommentRequest,
  createMeetingRequest,
  createReservationRequest,
  decisionRequest,
  floorRequest,
  openSessionRequest,
  publishVersionRequest,
  reorderQueueRequest,
  setPhaseRequest,
  startSilenceRequest,
  updateConsultationRequest,
} from '@omnibus/shared';
import type { z } from 'zod';

interface WorkflowRoute {
  method: 'get' | 'post' | 'patch';
  path: string;
  summary: string;
  body?: z.ZodType;
  ok: number;
  public?: boolean;
  errors?: number[];
}

/** The negotiation's endpoints in the OpenAPI description; live events are in shared/src/live-protocol.ts. */
export const WORKFLOW_ROUTES: WorkflowRoute[] = [
  { method: 'get', path: '/api/drafts/{id}/workflow', summary: "The draft's phase and comment window (deadline in UTC and in the committee's time zone)", ok: 200, errors: [404] },
  { method: 'post', path: '/api/drafts/{id}/workflow/phase', summary: 'Move the draft to its next phase: drafting → comments → revision → negotiation → adopted (chair, vice-chair)', body: setPhaseRequest, ok: 200, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/drafts/{id}/comment-window', summary: 'Extend the open comment window, reopen it during the revision, or plan it while drafting (chair, vice-chair; audited)', body: commentWindowRequest, ok: 200, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/drafts/{id}/versions', summary: "Publish an immutable version (\"Chair's first draft\", \"rev. 1\" …) with its classification: consensus, amended, new", body: publishVersionRequest, ok: 201, errors: [403, 404, 409] },
  { method: 'get', path: '/api/drafts/{id}/versions', summary: 'Published versions of the draft', ok: 200, errors: [404] },
  { method: 'get', path: '/api/versions/{id}', summary: 'A published version with its snapshot', ok: 200, errors: [404] },
  { method: 'get', path: '/api/drafts/{id}/redline', summary: 'Word-level redline ?from=<version id|live>&to=<version id|live>', ok: 200, errors: [400, 404] },
  { method: 'get', path: '/api/drafts/{id}/consensus', summary: 'The consensus draft: approved paragraphs renumbered, brackets gone, reservations as footnotes', ok: 200, errors: [404] },
  { method: 'get', path: '/api/paragraphs/{id}/comments', summary: "A paragraph's comment threads", ok: 200, errors: [404] },
  { method: 'post', path: '/api/paragraphs/{id}/comments', summary: 'Comment on a paragraph or reply (delegations while the comment window is open)', body: createCommentRequest, ok: 201, errors: [400, 403, 404, 409] },
  { method: 'get', path: '/api/calendar', summary: "The committee's meetings, milestones and report reminders", ok: 200 },
  { method: 'post', path: '/api/calendar/meetings', summary: 'Schedule a meeting (secretariat)', body: createMeetingRequest, ok: 201, errors: [400, 403] },
  { method: 'get', path: '/api/calendar.ics', summary: 'The calendar as iCalendar (RFC 5545)', ok: 200 },
  { method: 'get', path: '/api/calendar/subscription', summary: 'A private feed address to subscribe to in a calendar application', ok: 200 },
  { method: 'get', path: '/api/calendar/feed/{id}', summary: 'The subscribed iCalendar feed (no sign-in; the address is the key)', ok: 200, public: true, errors: [404] },
  { method: 'post', path: '/api/drafts/{id}/sessions', summary: "Open an approval session at a calendar meeting; the queue follows the seed's order (chair, vice-chair)", body: openSessionRequest, ok: 201, errors: [400, 403, 404, 409] },
  { method: 'get', path: '/api/drafts/{id}/sessions', summary: 'Approval sessions of the draft', ok: 200, errors: [404] },
  { method: 'get', path: '/api/drafts/{id}/sessions/current', summary: 'The open session, or null', ok: 200, errors: [404] },
  { method: 'get', path: '/api/sessions/{id}', summary: 'A session: queue, decisions, speakers, tally', ok: 200, errors: [404] },
  { method: 'post', path: '/api/sessions/{id}/call', summary: 'Call a paragraph (default: the next waiting); broadcast to the room', body: callParagraphRequest, ok: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/api/sessions/{id}/queue/order', summary: 'Reorder the waiting paragraphs', body: reorderQueueRequest, ok: 200, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/sessions/{id}/queue/{paragraphId}/skip', summary: 'Skip a paragraph of the queue', ok: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/api/sessions/{id}/queue/{paragraphId}/return', summary: 'Return a paragraph to the end of the queue', ok: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/api/sessions/{id}/decisions', summary: 'Record the decision on the called paragraph: approved, approved_as_amended, held, deferred, deleted', body: decisionRequest, ok: 201, errors: [400, 403, 404, 409] },
  { method: 'get', path: '/api/sessions/{id}/speakers', summary: "The speakers' queue", ok: 200, errors: [404] },
  { method: 'post', path: '/api/sessions/{id}/floor', summary: 'Ask for the floor for your delegation', body: floorRequest, ok: 201, errors: [403, 404, 409] },
  { method: 'post', path: '/api/sessions/{id}/floor/withdraw', summary: 'Withdraw your request for the floor', ok: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/api/sessions/{id}/speakers/next', summary: 'Give the floor to the next delegation (chair, vice-chair)', ok: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/api/sessions/{id}/speakers/{requestId}/remove', summary: "Remove a request from the speakers' queue (chair, vice-chair)", ok: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/api/sessions/{id}/close', summary: 'Close the session and record its minutes', ok: 200, errors: [403, 404, 409] },
  { method: 'get', path: '/api/sessions/{id}/minutes', summary: 'The minutes ?format=json|markdown|text', ok: 200, errors: [404, 409] },
  { method: 'get', path: '/api/drafts/{id}/consultations', summary: 'Informal consultations on held paragraphs: lead delegation and status', ok: 200, errors: [404] },
  { method: 'patch', path: '/api/consultations/{id}', summary: 'Report on informal consultations (lead delegation, chair)', body: updateConsultationRequest, ok: 200, errors: [400, 403, 404, 409] },
  { method: 'post', path: '/api/paragraphs/{id}/reservations', summary: "Record your delegation's reservation to an approved paragraph", body: createReservationRequest, ok: 201, errors: [400, 403, 404, 409] },
  { method: 'get', path: '/api/paragraphs/{id}/reservations', summary: "A paragraph's reservations", ok: 200, errors: [404] },
  { method: 'post', path: '/api/reservations/{id}/withdraw', summary: "Withdraw your delegation's reservation: its footnote leaves the exports; 409 if it was already withdrawn", ok: 200, errors: [403, 404, 409] },
  { method: 'get', path: '/api/drafts/{id}/reservations', summary: "The draft's reservations", ok: 200, errors: [404] },
  { method: 'post', path: '/api/drafts/{id}/silence', summary: 'Circulate text under the silence procedure until a deadline (chair, vice-chair)', body: startSilenceRequest, ok: 201, errors: [400, 403, 404, 409] },
  { method: 'get', path: '/api/drafts/{id}/silence', summary: 'Silence procedures of the draft', ok: 200, errors: [404] },
  { method: 'get', path: '/api/silence/{id}', summary: 'A silence procedure and its objections', ok: 200, errors: [404] },
  { method: 'post', path: '/api/silence/{id}/objections', summary: 'Break silence with a stated objection (delegations, before the deadline)', body: breakSilenceRequest, ok: 201, errors: [400, 403, 404, 409] },
];

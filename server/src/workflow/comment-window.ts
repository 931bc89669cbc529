import type { DraftPhase } from '@omnibus/shared';
import { describeInstant } from './time-zone';

export type WindowState =
  | { open: true }
  | { open: false; reason: 'deadline'; deadline: Date }
  | { open: false; reason: 'phase'; phase: DraftPhase; deadline: Date | null };

/**
 * Whether delegations may still send amendments, new paragraphs and comments. While the chair
 * is still drafting no window has been opened, so nothing is refused; during the window the
 * deadline itself is the last moment accepted; from revision on the window is shut until the
 * chair reopens it.
 */
export function windowState(phase: DraftPhase, deadline: Date | null, now: Date): WindowState {
  switch (phase) {
    case 'drafting':
      return { open: true };
    case 'comments':
      return deadline !== null && now.getTime() > deadline.getTime() ? { open: false, reason: 'deadline', deadline } : { open: true };
    case 'revision':
    case 'negotiation':
    case 'adopted':
      return { open: false, reason: 'phase', phase, deadline };
  }
}

const WHAT = {
  paragraph: 'new paragraphs',
  amendment: 'amendments',
  comment: 'comments',
} as const;
export type WindowSubject = keyof typeof WHAT;

/**
 * The refusal a delegate reads. A window the chair shut by moving the draft on is named as such:
 * its deadline may still lie ahead, and "closed on <a future date>" would be false.
 */
export function closedMessage(state: Exclude<WindowState, { open: true }>, subject: WindowSubject, timeZone: string, now: Date): string {
  const tail = `${WHAT[subject]} from delegations are no longer received.`;
  if (state.reason === 'deadline') {
    return `The comment window closed on ${describeInstant(state.deadline, timeZone)}: ${tail} The chair may reopen or extend the window.`;
  }
  const reopen = state.phase === 'revision' ? ' The chair may reopen the window.' : ' The window can no longer be reopened.';
  if (state.deadline !== null && state.deadline.getTime() < now.getTime()) {
    return `The comment window closed on ${describeInstant(state.deadline, timeZone)} and the draft is now in its ${state.phase} phase: ${tail}${reopen}`;
  }
  const planned = state.deadline !== null ? ` before its deadline of ${describeInstant(state.deadline, timeZone)}` : '';
  return `The chair closed the comment window${planned} by moving the draft to its ${state.phase} phase: ${tail}${reopen}`;
}

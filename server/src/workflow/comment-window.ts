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

/** The refusal a delegate reads, naming the deadline as the committee's calendar shows it. */
export function closedMessage(state: Exclude<WindowState, { open: true }>, subject: WindowSubject, timeZone: string): string {
  const head =
    state.deadline !== null
      ? `The comment window closed on ${describeInstant(state.deadline, timeZone)}`
      : `The draft is in its ${state.reason === 'phase' ? state.phase : 'current'} phase and the comment window is closed`;
  return `${head}: ${WHAT[subject]} from delegations are no longer received. The chair may reopen or extend the window.`;
}

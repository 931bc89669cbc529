import type { DraftPhase, WorkflowView } from '@omnibus/shared/workflow-schemas';

export type WindowNow =
  | { open: true; closesAt: number | null }
  | { open: false; reason: 'deadline'; deadline: number }
  | { open: false; reason: 'phase'; phase: DraftPhase; deadline: number | null; deadlinePassed: boolean };

/**
 * Whether delegations may propose at `now` (the server's clock), by the same rule the server
 * applies: open while drafting and during the window up to its deadline; shut from revision on.
 */
export function windowAt(w: Pick<WorkflowView, 'phase' | 'commentDeadline'>, now: number): WindowNow {
  const deadline = w.commentDeadline ? Date.parse(w.commentDeadline) : null;
  switch (w.phase) {
    case 'drafting':
      return { open: true, closesAt: null };
    case 'comments':
      return deadline !== null && now > deadline ? { open: false, reason: 'deadline', deadline } : { open: true, closesAt: deadline };
    case 'revision':
    case 'negotiation':
    case 'adopted':
      return { open: false, reason: 'phase', phase: w.phase, deadline, deadlinePassed: deadline !== null && deadline < now };
  }
}

/** Under this much time left the bar counts down. */
export const COUNTDOWN_FROM_MS = 48 * 3_600_000;

/** Days, hours and minutes left, rounded up to the minute so "0 min" never shows while still open. */
export function remaining(ms: number): { days: number; hours: number; minutes: number } {
  const total = Math.max(0, Math.ceil(ms / 60_000));
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

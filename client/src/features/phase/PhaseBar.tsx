import type { WorkflowView } from '@omnibus/shared/workflow-schemas';
import { useEffect } from 'react';
import { formatDateTime, setCommitteeTimeZone, useT } from '../../i18n';
import { COUNTDOWN_FROM_MS, remaining, windowAt, type WindowNow } from './comment-window';
import { PROPOSAL_REASON_ID } from './proposal-window';
import { useServerNow } from './useServerClock';

type T = ReturnType<typeof useT>;

/** The sentence a delegate reads when the window is shut, naming the true reason. */
export function closedReason(w: Exclude<WindowNow, { open: true }>, timeZone: string, t: T): string {
  const at = (ms: number) => formatDateTime(ms, { zone: true, timeZone });
  if (w.reason === 'deadline') return t('closed.deadline', { deadline: at(w.deadline) });
  const phase = t(`names.${w.phase}`);
  if (w.deadline === null) return t('closed.phase', { phase });
  return w.deadlinePassed ? t('closed.deadlineThenPhase', { deadline: at(w.deadline), phase }) : t('closed.phaseEarly', { deadline: at(w.deadline), phase });
}

/** The window as the person's screen should treat it now, and the reason if shut. */
export function useWindowNow(workflow: WorkflowView | null, now: number, t: T): { open: boolean; reason: string | null; state: WindowNow | null } {
  if (!workflow) return { open: true, reason: null, state: null };
  const state = windowAt(workflow, now);
  return { open: state.open, reason: state.open ? null : closedReason(state, workflow.timeZone, t), state };
}

function Countdown({ left, t }: { left: number; t: T }) {
  const r = remaining(left);
  return (
    <span className="countdown" role="timer" aria-live="off" data-countdown-ms={left}>
      {t('countdown', { days: r.days, hours: r.hours, minutes: r.minutes })}
    </span>
  );
}

/**
 * Always on screen: the draft's phase and the comment deadline in the committee's time zone,
 * counting down in its last two days, and when delegations can no longer propose, why.
 */
export function PhaseBar({ workflow }: { workflow: WorkflowView | null }) {
  const t = useT('phase');
  const now = useServerNow(workflow, 15_000);
  useEffect(() => {
    if (workflow) setCommitteeTimeZone(workflow.timeZone);
  }, [workflow]);
  const { reason, state } = useWindowNow(workflow, now, t);
  if (!workflow || !state) return null;
  const deadline = workflow.commentDeadline ? formatDateTime(workflow.commentDeadline, { zone: true, timeZone: workflow.timeZone }) : null;
  const left = state.open && state.closesAt !== null ? state.closesAt - now : null;
  return (
    <section className={`phase-bar ${state.open ? 'window-open' : 'window-closed'}`} aria-label={t('label')} data-phase={workflow.phase} data-window={state.open ? 'open' : 'closed'}>
      <span className="phase-name">
        {t('phase')} <strong>{t(`names.${workflow.phase}`)}</strong>
      </span>
      {/* The countdown comes before the long sentence, which may be cut short on a narrow bar. */}
      {state.open && left !== null && left <= COUNTDOWN_FROM_MS && <Countdown left={left} t={t} />}
      {state.open && workflow.phase === 'comments' && deadline && (
        <span className="phase-deadline" title={t('openUntil', { deadline })}>
          {t('openUntil', { deadline })}
        </span>
      )}
      {state.open && workflow.phase === 'drafting' && <span className="phase-deadline">{deadline ? t('planned', { deadline }) : t('notYetOpen')}</span>}
      {reason && (
        <span className="phase-closed" id={PROPOSAL_REASON_ID} title={reason}>
          {reason}
        </span>
      )}
    </section>
  );
}

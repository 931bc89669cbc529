import type { ParagraphState, ParagraphStatus } from '@omnibus/shared';

const STATE_TEXT: Record<ParagraphState, string> = { consensus: 'consensus', amended: 'amended', new: 'new' };

const STATUS_TEXT: Record<ParagraphStatus, string> = {
  pending: 'pending',
  approved: 'approved',
  held: 'held in brackets',
  deferred: 'deferred',
  deleted: 'deleted',
  withdrawn: 'withdrawn',
};

export function StateBadge({ state }: { state: ParagraphState }) {
  return <span className={`badge state state-${state}`} data-state={state}>{STATE_TEXT[state]}</span>;
}

export function StatusBadge({ status }: { status: ParagraphStatus }) {
  return <span className={`badge status status-${status}`} data-status={status}>{STATUS_TEXT[status]}</span>;
}

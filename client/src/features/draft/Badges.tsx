import type { ParagraphState, ParagraphStatus } from '@omnibus/shared';
import { statusWords } from '@omnibus/shared/export-status-note';

const STATE_TEXT: Record<ParagraphState, string> = { consensus: 'consensus', amended: 'amended', new: 'new' };

export function StateBadge({ state }: { state: ParagraphState }) {
  return <span className={`badge state state-${state}`} data-state={state}>{STATE_TEXT[state]}</span>;
}

export function StatusBadge({ status }: { status: ParagraphStatus }) {
  return <span className={`badge status status-${status}`} data-status={status}>{statusWords(status)}</span>;
}

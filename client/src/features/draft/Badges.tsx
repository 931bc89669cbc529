import type { ParagraphState, ParagraphStatus } from '@omnibus/shared';
import { useT } from '../../i18n';

export function StateBadge({ state }: { state: ParagraphState }) {
  const t = useT('draft');
  return <span className={`badge state state-${state}`} data-state={state}>{t(`state.${state}`)}</span>;
}

export function StatusBadge({ status }: { status: ParagraphStatus }) {
  const t = useT('draft');
  return <span className={`badge status status-${status}`} data-status={status}>{t(`status.${status}`)}</span>;
}

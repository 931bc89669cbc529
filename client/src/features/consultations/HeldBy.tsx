import type { ParagraphView } from '@omnibus/shared';
import { useT } from '../../i18n';
import { useRoomBase } from '../draft/room-context';
import { useConsultations } from './useConsultations';

/** A held paragraph names the delegation leading its informal consultations, and where they stand. */
export function HeldBy({ p }: { p: ParagraphView }) {
  const { draftId } = useRoomBase();
  const t = useT('consultations');
  const list = useConsultations(draftId);
  if (p.status !== 'held') return null;
  const c = (list.data ?? []).filter((x) => x.paragraphId === p.id).at(-1);
  if (!c) return null;
  return (
    <p className="held-by" data-lead={c.leadDelegation}>
      {t('heldLine', { delegation: c.leadDelegation, status: t(`status.${c.status}`) })}
    </p>
  );
}

import type { ConsultationView } from '@omnibus/shared/workflow-schemas';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/http';
import { negotiationApi } from '../../api/negotiation';
import { formatDateTime, useT } from '../../i18n';
import { ErrorLine } from '../draft/ErrorLine';
import { paragraphAnchor } from '../draft/ParagraphCard';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { queryKeys } from '../live-state/query-keys';
import { isChair } from '../session/SessionPanel';
import { useConsultations } from './useConsultations';

function Report({ c }: { c: ConsultationView }) {
  const t = useT('consultations');
  const { draft, announce } = useRoom();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const next = c.status === 'open' ? 'ready' : 'open';
  const send = useAction(async () => {
    await negotiationApi.reportConsultation(c.id, next, note.trim() || undefined);
    setNote('');
    announce(t(next === 'ready' ? 'reportedReady' : 'reportedOpen', { label: `${c.sectionKey} ${c.label}` }));
    await qc.invalidateQueries({ queryKey: queryKeys.consultations(draft.id) });
  });
  return (
    <form
      className="inline-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void send.run();
      }}
    >
      <label>
        {t('note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </label>
      <button type="submit" disabled={send.busy}>
        {t(next === 'ready' ? 'markReady' : 'markOpen')}
      </button>
      <ErrorLine error={send.error} />
    </form>
  );
}

/** Paragraphs held in brackets: who leads the informal consultations, where they stand, and their way back to a session. */
export function ConsultationsView() {
  const { draft, user } = useRoom();
  const t = useT('consultations');
  const list = useConsultations(draft.id);
  return (
    <div className="method-view">
      <h2>{t('title')}</h2>
      <p className="muted">{t('explain')}</p>
      <ErrorLine error={list.error ? errorMessage(list.error) : null} />
      {list.data?.length === 0 && <p className="muted">{t('none')}</p>}
      <ul className="method-list">
        {(list.data ?? []).map((c) => (
          <li key={c.id} className="panel" data-consultation={`${c.sectionKey} ${c.label}`} data-status={c.status}>
            <h3>
              <a href={`#${paragraphAnchor({ id: c.paragraphId })}`}>{t('paragraph', { label: `${c.sectionKey} ${c.label}` })}</a>
            </h3>
            <p>
              {t('ledBy', { delegation: c.leadDelegation })} · <strong>{t(`status.${c.status}`)}</strong>
            </p>
            <p className="muted">{t('since', { opened: formatDateTime(c.openedAt), updated: formatDateTime(c.updatedAt) })}</p>
            {c.note && <p>{c.note}</p>}
            {(c.status === 'open' || c.status === 'ready') && (user.delegation === c.leadDelegation || isChair(user.role)) && <Report c={c} />}
          </li>
        ))}
      </ul>
    </div>
  );
}

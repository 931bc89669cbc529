import type { ParagraphView, ReservationView } from '@omnibus/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { negotiationApi } from '../../api/negotiation';
import { formatDate, useT } from '../../i18n';
import { ErrorLine } from '../draft/ErrorLine';
import { useRoomBase } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { queryKeys } from '../live-state/query-keys';
import { useReservations } from './useReservations';

/** The paragraph's reservations as the exports print them: numbered footnotes in each delegation's name. */
export function ReservationFootnotes({ p, sectionKey }: { p: ParagraphView; sectionKey: string }) {
  const { draftId, user } = useRoomBase();
  const t = useT('reservations');
  const all = useReservations(draftId);
  const mine = (all.data ?? []).filter((r) => r.paragraphId === p.id);
  if (mine.length === 0) return null;
  return (
    <aside className="footnotes" aria-label={t('footnotesLabel', { label: `${sectionKey} ${p.label}` })}>
      <ol>
        {mine.map((r) => (
          <li key={r.id} data-reservation={r.delegation}>
            {t('footnote', { delegation: r.delegation, text: r.text, date: formatDate(r.createdAt) })}
            {user.role === 'delegate' && user.delegation === r.delegation && <WithdrawReservation r={r} label={`${sectionKey} ${p.label}`} />}
          </li>
        ))}
      </ol>
    </aside>
  );
}

/** The reserving delegation takes its footnote back; the server decides, this only offers it to that delegation. */
function WithdrawReservation({ r, label }: { r: ReservationView; label: string }) {
  const t = useT('reservations');
  const { draftId, announce } = useRoomBase();
  const qc = useQueryClient();
  const withdraw = useAction(async () => {
    await negotiationApi.withdrawReservation(r.id);
    await qc.invalidateQueries({ queryKey: queryKeys.reservations(draftId) });
    announce(t('withdrawn', { label }));
  });
  return (
    <>
      {' '}
      <button type="button" className="quiet" disabled={withdraw.busy} aria-label={t('withdrawLabel', { label })} onClick={() => void withdraw.run()}>
        {t('withdraw')}
      </button>
      <ErrorLine error={withdraw.error} />
    </>
  );
}

export function ReservationForm({ p, sectionKey, onClose }: { p: ParagraphView; sectionKey: string; onClose: () => void }) {
  const t = useT('reservations');
  const { draftId, announce } = useRoomBase();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const send = useAction(async () => {
    if (text.trim() === '') throw new Error(t('textRequired'));
    await negotiationApi.addReservation(p.id, text.trim());
    await qc.invalidateQueries({ queryKey: queryKeys.reservations(draftId) });
    announce(t('recorded', { label: `${sectionKey} ${p.label}` }));
    onClose();
  });
  return (
    <form
      className="panel"
      aria-label={t('formLabel', { label: `${sectionKey} ${p.label}` })}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void send.run();
      }}
    >
      <label>
        {t('text')}
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={4000} />
      </label>
      <p className="muted">{t('explain')}</p>
      <ErrorLine error={send.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={send.busy}>
          {t('attach')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  );
}

import type { ParagraphView } from '@omnibus/shared';
import type { SilenceView as Procedure } from '@omnibus/shared/workflow-schemas';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/http';
import { negotiationApi } from '../../api/negotiation';
import { formatDateTime, getCommitteeTimeZone, useT } from '../../i18n';
import { ErrorLine } from '../draft/ErrorLine';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { queryKeys } from '../live-state/query-keys';
import { remaining } from '../phase/comment-window';
import { zonedToUtc } from '../phase/zoned-time';
import { useLiveRoom } from '../session/live-context';
import { useServerNow } from '../phase/useServerClock';

const DECIDABLE: readonly ParagraphView['status'][] = ['pending', 'held', 'deferred'];

function BreakSilence({ procedure }: { procedure: Procedure }) {
  const t = useT('silence');
  const { draft, announce } = useRoom();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const send = useAction(async () => {
    if (reason.trim() === '') throw new Error(t('reasonRequired'));
    await negotiationApi.breakSilence(procedure.id, reason.trim());
    setReason('');
    announce(t('broke'));
    await qc.invalidateQueries({ queryKey: queryKeys.silence(draft.id) });
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
        {t('reason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} required />
      </label>
      <button type="submit" className="danger" disabled={send.busy}>
        {t('break')}
      </button>
      <ErrorLine error={send.error} />
    </form>
  );
}

function ProcedureCard({ procedure, now }: { procedure: Procedure; now: number }) {
  const t = useT('silence');
  const { user, draft } = useRoom();
  const left = Date.parse(procedure.deadline) - now;
  const mine = user.delegation !== null && procedure.objections.some((o) => o.delegation === user.delegation);
  const r = remaining(left);
  return (
    <li className="panel" data-silence={procedure.id} data-status={procedure.status}>
      <h3>{t('procedure', { labels: procedure.items.map((i) => `${i.sectionKey} ${i.label}`).join(', ') })}</h3>
      <p>
        <strong>{t(`status.${procedure.status}`)}</strong> · {t('deadline', { deadline: formatDateTime(procedure.deadline, { zone: true }) })}
        {procedure.status === 'open' && left > 0 && (
          <span className="countdown" role="timer" aria-live="off">
            {' '}
            {t('countdown', { days: r.days, hours: r.hours, minutes: r.minutes })}
          </span>
        )}
      </p>
      {procedure.note && <p>{procedure.note}</p>}
      <ul>
        {procedure.items.map((i) => (
          <li key={i.paragraphId}>
            <strong>{`${i.sectionKey} ${i.label}`}</strong>: {i.text}
          </li>
        ))}
      </ul>
      {procedure.objections.length > 0 && (
        <>
          <h4>{t('objections')}</h4>
          <ul>
            {procedure.objections.map((o) => (
              <li key={o.delegation} data-objection={o.delegation}>
                {t('objection', { delegation: o.delegation, at: formatDateTime(o.createdAt), reason: o.reason })}
              </li>
            ))}
          </ul>
        </>
      )}
      {procedure.status === 'open' && procedure.objections.length > 0 && (
        <p className="held-by">{t('brokenBy', { delegations: procedure.objections.map((o) => o.delegation).join(', ') })}</p>
      )}
      {procedure.concludedAt && <p className="muted">{t('concluded', { at: formatDateTime(procedure.concludedAt) })}</p>}
      {procedure.status === 'open' && left > 0 && draft.actions?.breakSilence === true && !mine && <BreakSilence procedure={procedure} />}
    </li>
  );
}

function Circulate({ paragraphs }: { paragraphs: { p: ParagraphView; key: string }[] }) {
  const t = useT('silence');
  const { draft, announce } = useRoom();
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const [note, setNote] = useState('');
  const timeZone = getCommitteeTimeZone();
  const start = useAction(async () => {
    if (chosen.length === 0) throw new Error(t('chooseParagraphs'));
    const at = zonedToUtc(deadline, timeZone);
    if (!at) throw new Error(t('chooseDeadline'));
    await negotiationApi.startSilence(draft.id, { deadline: at.toISOString(), items: chosen.map((paragraphId) => ({ paragraphId })), ...(note.trim() ? { note: note.trim() } : {}) });
    setChosen([]);
    setNote('');
    announce(t('circulated', { count: chosen.length }));
    await qc.invalidateQueries({ queryKey: queryKeys.silence(draft.id) });
  });
  return (
    <form
      className="panel"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void start.run();
      }}
    >
      <h3>{t('circulateTitle')}</h3>
      <fieldset>
        <legend>{t('paragraphs')}</legend>
        {paragraphs.length === 0 && <p className="muted">{t('nothingToCirculate')}</p>}
        {paragraphs.map(({ p, key }) => (
          <label key={p.id} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(p.id)}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...c, p.id] : c.filter((x) => x !== p.id)))}
            />{' '}
            {`${key} ${p.label}`}
          </label>
        ))}
      </fieldset>
      <label>
        {t('deadlineField', { timeZone })}
        <input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} required />
      </label>
      <label>
        {t('note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </label>
      <button type="submit" className="primary" disabled={start.busy}>
        {t('circulate')}
      </button>
      <ErrorLine error={start.error} />
    </form>
  );
}

/** The silence procedure: texts circulated for adoption at a deadline unless a delegation breaks silence. */
export function SilenceView() {
  const { draft } = useRoom();
  const t = useT('silence');
  const live = useLiveRoom();
  const now = useServerNow(live?.workflow ?? null, 15_000);
  const list = useQuery({ queryKey: queryKeys.silence(draft.id), queryFn: () => negotiationApi.silences(draft.id) });
  const candidates = draft.sections.flatMap((s) => s.paragraphs.filter((p) => DECIDABLE.includes(p.status)).map((p) => ({ p, key: s.key })));
  return (
    <div className="method-view">
      <h2>{t('title')}</h2>
      <p className="muted">{t('explain')}</p>
      {draft.actions?.startSilence === true && <Circulate paragraphs={candidates} />}
      <ErrorLine error={list.error ? errorMessage(list.error) : null} />
      {list.data?.length === 0 && <p className="muted">{t('none')}</p>}
      <ul className="method-list">
        {[...(list.data ?? [])].reverse().map((s) => (
          <ProcedureCard key={s.id} procedure={s} now={now} />
        ))}
      </ul>
    </div>
  );
}

import type { DraftPhase, WorkflowView } from '@omnibus/shared/workflow-schemas';
import type { CalendarEventView } from '@omnibus/shared/workflow-schemas';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/http';
import { workflowApi } from '../../api/workflow';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { ErrorLine } from '../draft/ErrorLine';
import { formatDate, formatDateTime, getCommitteeTimeZone, i18n, useT } from '../../i18n';
import { zonedToUtc } from '../phase/zoned-time';

const NEXT: Partial<Record<DraftPhase, DraftPhase>> = { drafting: 'comments', comments: 'revision', revision: 'negotiation', negotiation: 'adopted' };

const phaseWords = (phase: DraftPhase): string => i18n.t(`session:phase.${phase}`);

function meetingWhen(m: CalendarEventView): string {
  if (m.start) return formatDateTime(m.start);
  // A day without a time: read as that calendar day, whatever the zone.
  return m.date ? formatDate(`${m.date}T12:00:00Z`, { timeZone: 'UTC', style: 'medium' }) : '';
}

/** What the chair does outside a session: publish versions, move the draft on, open a session. */
export function ChairSetup({ workflow }: { workflow: WorkflowView | null }) {
  const { draft, announce } = useRoom();
  const t = useT('session');
  const [meetings, setMeetings] = useState<CalendarEventView[]>([]);
  const [meetingId, setMeetingId] = useState('');
  const [deadline, setDeadline] = useState('');
  const [versionName, setVersionName] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const phase = workflow?.phase ?? null;
  const next = phase ? NEXT[phase] : undefined;
  const tPhase = useT('phase');
  const timeZone = workflow?.timeZone ?? getCommitteeTimeZone();
  const typed = deadline ? zonedToUtc(deadline, timeZone) : null;

  useEffect(() => {
    if (phase !== 'negotiation') return;
    workflowApi
      .calendar()
      .then(({ events }) => {
        const free = events.filter((e) => e.category === 'meeting' && !e.sessionId);
        setMeetings(free);
        setMeetingId((cur) => cur || free[0]?.id || '');
      })
      .catch((err: unknown) => setLoadError(errorMessage(err)));
  }, [phase]);

  const publish = useAction(async () => {
    const v = await workflowApi.publishVersion(draft.id, versionName.trim() || undefined);
    announce(t('published', { name: v.name, symbol: v.symbol }));
    setVersionName('');
  });
  const advance = useAction(async () => {
    if (!next) return;
    // The wall-clock time typed is the committee's, not the browser's.
    const iso = next === 'comments' && deadline ? zonedToUtc(deadline, timeZone)?.toISOString() : undefined;
    await workflowApi.setPhase(draft.id, next, iso);
    announce(t('moved', { phase: t(`errors:phase.${next}`) }));
  });
  const open = useAction(async () => {
    if (!meetingId) throw new Error(t('chooseMeeting'));
    const s = await workflowApi.openSession(draft.id, meetingId);
    announce(t('opened', { number: s.number, count: s.queue.length }));
  });
  const error = publish.error ?? advance.error ?? open.error ?? loadError;

  return (
    <div className="chair-setup">
      <p>
        {t('phaseLabel')} <strong data-phase={phase ?? ''}>{phase ? phaseWords(phase) : '…'}</strong>
        {workflow?.commentDeadline && (
          <span className="muted">{t('deadline', { deadline: formatDateTime(workflow.commentDeadline, { zone: true, timeZone: workflow.timeZone }) })}</span>
        )}
      </p>
      <form
        className="inline-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void publish.run();
        }}
      >
        <label>
          {t('versionName')}
          <input value={versionName} onChange={(e) => setVersionName(e.target.value)} placeholder={t('versionPlaceholder')} />
        </label>
        <button type="submit" disabled={publish.busy}>
          {t('publish')}
        </button>
      </form>
      {next && (
        <form
          className="inline-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void advance.run();
          }}
        >
          {next === 'comments' && (
            <label>
              {t('commentDeadline')}
              <span className="field-zone"> {tPhase('deadlineZone', { timeZone })}</span>
              <input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} aria-describedby={typed ? 'deadline-reading' : undefined} />
              {typed && (
                <span className="field-hint" id="deadline-reading">
                  {tPhase('deadlineHint', { deadline: formatDateTime(typed, { zone: true, timeZone }) })}
                </span>
              )}
            </label>
          )}
          <button type="submit" disabled={advance.busy}>
            {t('moveTo', { phase: phaseWords(next) })}
          </button>
        </form>
      )}
      {phase === 'negotiation' && (
        <form
          className="inline-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void open.run();
          }}
        >
          <label>
            {t('meeting')}
            <select value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
              {meetings.length === 0 && <option value="">{t('noMeeting')}</option>}
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title} — {meetingWhen(m)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={open.busy}>
            {t('openSession')}
          </button>
        </form>
      )}
      <ErrorLine error={error} />
    </div>
  );
}

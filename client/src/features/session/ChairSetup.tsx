import type { DraftPhase, WorkflowView } from '@omnibus/shared/workflow-schemas';
import type { CalendarEventView } from '@omnibus/shared/workflow-schemas';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/http';
import { workflowApi } from '../../api/workflow';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { ErrorLine } from '../draft/ErrorLine';
import { formatDateTime, getCommitteeTimeZone, useT } from '../../i18n';
import { zonedToUtc } from '../phase/zoned-time';

const NEXT: Partial<Record<DraftPhase, DraftPhase>> = { drafting: 'comments', comments: 'revision', revision: 'negotiation', negotiation: 'adopted' };

const PHASE_WORDS: Record<DraftPhase, string> = {
  drafting: "drafting the Chair's first draft",
  comments: 'comment window open',
  revision: 'revision by the Chair',
  negotiation: 'negotiation in approval sessions',
  adopted: 'adopted',
};

function meetingWhen(m: CalendarEventView): string {
  if (m.start) return new Date(m.start).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return m.date ?? '';
}

/** What the chair does outside a session: publish versions, move the draft on, open a session. */
export function ChairSetup({ workflow }: { workflow: WorkflowView | null }) {
  const { draft, announce } = useRoom();
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
    announce(`Version "${v.name}" (${v.symbol}) published.`);
    setVersionName('');
  });
  const advance = useAction(async () => {
    if (!next) return;
    // The wall-clock time typed is the committee's, not the browser's.
    const iso = next === 'comments' && deadline ? zonedToUtc(deadline, timeZone)?.toISOString() : undefined;
    await workflowApi.setPhase(draft.id, next, iso);
    announce(`The draft moved to its ${next} phase.`);
  });
  const open = useAction(async () => {
    if (!meetingId) throw new Error('Choose the meeting at which the session is held.');
    const s = await workflowApi.openSession(draft.id, meetingId);
    announce(`Approval session ${s.number} opened with ${s.queue.length} paragraphs in its queue.`);
  });
  const error = publish.error ?? advance.error ?? open.error ?? loadError;

  return (
    <div className="chair-setup">
      <p>
        Phase: <strong data-phase={phase ?? ''}>{phase ? PHASE_WORDS[phase] : '…'}</strong>
        {workflow?.commentDeadlineLocal && <span className="muted"> · comment deadline {workflow.commentDeadlineLocal}</span>}
      </p>
      <form
        className="inline-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void publish.run();
        }}
      >
        <label>
          Version name (optional)
          <input value={versionName} onChange={(e) => setVersionName(e.target.value)} placeholder="e.g. rev. 1" />
        </label>
        <button type="submit" disabled={publish.busy}>
          Publish a version
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
              Comment deadline
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
            Move to {PHASE_WORDS[next]}
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
            Meeting
            <select value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
              {meetings.length === 0 && <option value="">No meeting without a session on the calendar</option>}
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title} — {meetingWhen(m)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={open.busy}>
            Open approval session
          </button>
        </form>
      )}
      <ErrorLine error={error} />
    </div>
  );
}

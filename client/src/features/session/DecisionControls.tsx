import type { ParagraphView } from '@omnibus/shared';
import type { Decision } from '@omnibus/shared/workflow-schemas';
import { useState, type FormEvent } from 'react';
import { workflowApi, type DecisionInput } from '../../api/workflow';
import { KIND_NAMES, notationOf } from '../amendments/notation';
import { openAmendments } from '../draft/permissions';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { ErrorLine } from '../draft/ErrorLine';

const DONE: Record<Decision, string> = {
  approved: 'approved',
  approved_as_amended: 'approved as amended',
  held: 'held in brackets for informal consultations',
  deferred: 'deferred',
  deleted: 'deleted',
};

/** The chair's decision on the paragraph under consideration. */
export function DecisionControls({ sessionId, paragraph }: { sessionId: string; paragraph: ParagraphView }) {
  const { reload, announce } = useRoom();
  const [mode, setMode] = useState<'as_amended' | 'held' | null>(null);
  const [accepted, setAccepted] = useState<string[]>([]);
  const [lead, setLead] = useState('');
  const amendments = openAmendments(paragraph);
  const decide = useAction(async (input: DecisionInput) => {
    await workflowApi.decide(sessionId, { paragraphId: paragraph.id, ...input });
    announce(`Paragraph ${paragraph.label} ${DONE[input.decision]}.`);
    setMode(null);
    await reload();
  });
  const simple = (decision: Decision) => () => void decide.run({ decision });
  const submitAmended = (e: FormEvent) => {
    e.preventDefault();
    void decide.run({ decision: 'approved_as_amended', acceptedAmendmentIds: accepted });
  };
  const submitHeld = (e: FormEvent) => {
    e.preventDefault();
    void decide.run({ decision: 'held', ...(lead.trim() ? { leadDelegation: lead.trim().toUpperCase() } : {}) });
  };
  return (
    <div className="decisions" role="group" aria-label={`Decision on paragraph ${paragraph.label}`}>
      <div className="form-actions">
        <button type="button" className="primary" disabled={decide.busy} onClick={simple('approved')}>
          Approve {paragraph.label}
        </button>
        {amendments.length > 0 && (
          <button type="button" aria-expanded={mode === 'as_amended'} onClick={() => setMode(mode === 'as_amended' ? null : 'as_amended')}>
            Approve as amended…
          </button>
        )}
        <button type="button" aria-expanded={mode === 'held'} onClick={() => setMode(mode === 'held' ? null : 'held')}>
          Hold in brackets…
        </button>
        <button type="button" disabled={decide.busy} onClick={simple('deferred')}>
          Defer
        </button>
        <button type="button" className="danger" disabled={decide.busy} onClick={simple('deleted')}>
          Delete
        </button>
      </div>
      {mode === 'as_amended' && (
        <form className="panel" onSubmit={submitAmended}>
          <fieldset>
            <legend>Amendments the agreed text takes up (the others are rejected)</legend>
            {amendments.map((a) => (
              <label key={a.id} className="check">
                <input
                  type="checkbox"
                  checked={accepted.includes(a.id)}
                  onChange={(e) => setAccepted(e.target.checked ? [...accepted, a.id] : accepted.filter((x) => x !== a.id))}
                />{' '}
                {KIND_NAMES[a.kind]}: <code>{notationOf(a, paragraph.text)}</code>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary" disabled={decide.busy || accepted.length === 0}>
            Approve {paragraph.label} as amended
          </button>
        </form>
      )}
      {mode === 'held' && (
        <form className="panel" onSubmit={submitHeld}>
          <label>
            Delegation leading informal consultations (blank: the proposer)
            <input value={lead} onChange={(e) => setLead(e.target.value)} placeholder="e.g. MEX" />
          </label>
          <button type="submit" className="primary" disabled={decide.busy}>
            Hold {paragraph.label} in brackets
          </button>
        </form>
      )}
      <ErrorLine error={decide.error} />
    </div>
  );
}

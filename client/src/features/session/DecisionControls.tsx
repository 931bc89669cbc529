import type { ParagraphView } from '@omnibus/shared';
import type { Decision } from '@omnibus/shared/workflow-schemas';
import { useState, type FormEvent } from 'react';
import { workflowApi, type DecisionInput } from '../../api/workflow';
import { kindName, notationOf } from '../amendments/notation';
import { Notation } from '../amendments/Notation';
import { openAmendments } from '../draft/permissions';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { ErrorLine } from '../draft/ErrorLine';
import { useT } from '../../i18n';
import { paragraphName } from '../a11y/live-announcements';

const sectionKeyOf = (draft: { sections: readonly { key: string; paragraphs: readonly { id: string }[] }[] }, id: string): string =>
  draft.sections.find((s) => s.paragraphs.some((p) => p.id === id))?.key ?? '';

/** The chair's decision on the paragraph under consideration. */
export function DecisionControls({ sessionId, paragraph }: { sessionId: string; paragraph: ParagraphView }) {
  const { draft, reload, announce } = useRoom();
  const t = useT('session');
  const [mode, setMode] = useState<'as_amended' | 'held' | null>(null);
  const [accepted, setAccepted] = useState<string[]>([]);
  const [lead, setLead] = useState('');
  const amendments = openAmendments(paragraph);
  const decide = useAction(async (input: DecisionInput) => {
    await workflowApi.decide(sessionId, { paragraphId: paragraph.id, ...input });
    // Named with its section ("CICTE 9"): a bare number is ambiguous across sections.
    announce(t(`done.${input.decision}`, { label: paragraphName(draft, sectionKeyOf(draft, paragraph.id), paragraph.label) }));
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
    <div className="decisions" role="group" aria-label={t('decisionLabel', { label: paragraph.label })}>
      <div className="form-actions">
        <button type="button" className="primary" disabled={decide.busy} onClick={simple('approved')}>
          {t('approve', { label: paragraph.label })}
        </button>
        {amendments.length > 0 && (
          <button type="button" aria-expanded={mode === 'as_amended'} onClick={() => setMode(mode === 'as_amended' ? null : 'as_amended')}>
            {t('approveAmended')}
          </button>
        )}
        <button type="button" aria-expanded={mode === 'held'} onClick={() => setMode(mode === 'held' ? null : 'held')}>
          {t('hold')}
        </button>
        <button type="button" disabled={decide.busy} onClick={simple('deferred')}>
          {t('defer')}
        </button>
        <button type="button" className="danger" disabled={decide.busy} onClick={simple('deleted')}>
          {t('delete')}
        </button>
      </div>
      {mode === 'as_amended' && (
        <form className="panel" onSubmit={submitAmended}>
          <fieldset>
            <legend>{t('amendmentsTaken')}</legend>
            {amendments.map((a) => (
              <label key={a.id} className="check">
                <input
                  type="checkbox"
                  checked={accepted.includes(a.id)}
                  onChange={(e) => setAccepted(e.target.checked ? [...accepted, a.id] : accepted.filter((x) => x !== a.id))}
                />{' '}
                {kindName(a.kind)}: <Notation text={notationOf(a, paragraph.text)} />
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary" disabled={decide.busy || accepted.length === 0}>
            {t('approveLabelAmended', { label: paragraph.label })}
          </button>
        </form>
      )}
      {mode === 'held' && (
        <form className="panel" onSubmit={submitHeld}>
          <label>
            {t('leadDelegation')}
            <input value={lead} onChange={(e) => setLead(e.target.value)} placeholder={t('leadPlaceholder')} />
          </label>
          <button type="submit" className="primary" disabled={decide.busy}>
            {t('holdLabel', { label: paragraph.label })}
          </button>
        </form>
      )}
      <ErrorLine error={decide.error} />
    </div>
  );
}

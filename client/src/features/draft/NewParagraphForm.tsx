import type { ParagraphKind, ParagraphView, SectionView } from '@omnibus/shared';
import { useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api } from '../../api/endpoints';
import { parseCosponsors } from '../sponsorships/cosponsors';
import { useT } from '../../i18n';
import { capRefusal, defaultKind, kindLabel, kindsAllowedIn } from './draft-caps';
import { MAX_LITERALS, literalLabel, sectionShortName } from './names';
import { useRoom } from './room-context';
import { useAction } from './useAction';
import { ErrorLine } from './ErrorLine';


/**
 * Proposes a paragraph after `after` (or at the end of the section). The caps are checked on the
 * draft on screen before anything can be typed; the server's refusal is shown if another
 * delegation took the last place meanwhile.
 */
export function NewParagraphForm({ section, after, onClose }: { section: SectionView; after: ParagraphView | null; onClose: () => void }) {
  const { draft, user, delegations, reload, announce } = useRoom();
  const t = useT('draft');
  const id = useId();
  const kinds = kindsAllowedIn(section.kind);
  const [kind, setKind] = useState<ParagraphKind>(defaultKind(section.kind));
  const [text, setText] = useState('');
  const [literals, setLiterals] = useState<string[]>(['']);
  const [cosponsors, setCosponsors] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const typed = text.trim() !== '' || literals.some((l) => l.trim() !== '');
  // Counted once per draft and kind, not at every keystroke.
  // The language is a dependency: the sentence is in it.
  const capNote = useMemo(() => capRefusal(draft, section.id, kind), [draft, section.id, kind, t]);
  // Once someone has typed, a cap filling up meanwhile must not take their words off the screen.
  const refusal = typed ? null : capNote;
  const where = after ? t('new.whereAfter', { label: after.label }) : t('new.whereEnd');
  const sectionName = sectionShortName(section);

  const submit = useAction(async () => {
    const invite = parseCosponsors(cosponsors, delegations, user.delegation);
    if (!invite.ok) throw new Error(invite.message);
    const created = await api.createParagraph(draft.id, {
      sectionId: section.id,
      kind,
      text: text.trim(),
      afterParagraphId: after?.id ?? null,
      ...(kind === 'mandates' ? { literals: literals.filter((l) => l.trim() !== '').map((l) => ({ text: l.trim() })) } : {}),
      ...(invite.codes.length > 0 ? { cosponsors: invite.codes } : {}),
    });
    announce(
      user.delegation
        ? t('new.announceFor', { section: sectionName, label: created.label, delegation: user.delegation })
        : t('new.announce', { section: sectionName, label: created.label }),
    );
    onClose();
    await reload();
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') {
      setProblem(kind === 'mandates' ? t('new.needChapeau') : t('new.needText'));
      return;
    }
    setProblem(null);
    void submit.run();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
  };

  return (
    <form className="panel new-paragraph" onSubmit={onSubmit} onKeyDown={onKeyDown} aria-label={t('new.formLabel', { where })}>
      <h4>
        {t('new.heading', { section: sectionName, where })}
      </h4>
      {kinds.length > 1 && (
        <label>
          {t('new.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as ParagraphKind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
      )}
      {refusal ? (
        <p className="error cap-full" role="alert">
          {refusal}
        </p>
      ) : (
        <>
          {capNote && (
            <p className="error cap-full" role="alert">
              {t('new.keptBelow', { note: capNote })}
            </p>
          )}
          <label htmlFor={`${id}-text`}>{kind === 'mandates' ? t('new.chapeau') : t('new.text')}</label>
          <textarea id={`${id}-text`} rows={4} autoFocus value={text} onChange={(e) => setText(e.target.value)} />
          {kind === 'mandates' && (
            <fieldset className="literals-input">
              <legend>{t('new.literals')}</legend>
              {literals.map((l, i) => (
                <label key={i} className="literal-row">
                  <span>{literalLabel(i)}.</span>
                  <textarea rows={2} value={l} onChange={(e) => setLiterals(literals.map((x, j) => (j === i ? e.target.value : x)))} />
                </label>
              ))}
              <button type="button" onClick={() => setLiterals([...literals, ''])} disabled={literals.length >= MAX_LITERALS}>
                {t('new.addLiteral', { label: literalLabel(literals.length) })}
              </button>
            </fieldset>
          )}
          {user.role === 'delegate' && (
            <label>
              {t('new.invite')}
              <input value={cosponsors} onChange={(e) => setCosponsors(e.target.value)} />
            </label>
          )}
        </>
      )}
      <ErrorLine error={problem ?? submit.error} />
      <div className="form-actions">
        {!refusal && (
          <button type="submit" className="primary" disabled={submit.busy}>
            {user.delegation ? t('new.proposeAs', { delegation: user.delegation }) : t('new.add')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {refusal ? t('common:actions.close') : t('common:actions.cancel')}
        </button>
      </div>
    </form>
  );
}

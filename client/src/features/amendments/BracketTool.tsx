import type { AmendmentKind, ParagraphView } from '@omnibus/shared';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api } from '../../api/endpoints';
import { FormFooter } from '../draft/FormFooter';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { parseCosponsors } from '../sponsorships/cosponsors';
import { Notation } from './Notation';
import { alternativeGroupFor, amendmentNotation, kindName } from './notation';
import { moveSelection } from './keyboard-selection';
import { Trans, i18n, useT } from '../../i18n';

const KINDS: readonly AmendmentKind[] = ['insert', 'delete', 'replace', 'alternative'];

const hint = (kind: AmendmentKind): string => i18n.t(`amendments:hint.${kind}`);

function problemWith(kind: AmendmentKind, start: number, end: number, text: string): string | null {
  const range = end > start;
  if (kind !== 'insert' && !range) return i18n.t('amendments:needSelection', { hint: hint(kind).toLocaleLowerCase() });
  if (kind !== 'delete' && text.trim() === '') return kind === 'insert' ? i18n.t('amendments:needInsert') : i18n.t('amendments:needNew');
  return null;
}

/**
 * The bracket tool: select words of the paragraph's base text and propose an insertion, deletion,
 * replacement or alternative in your delegation's name, optionally inviting co-sponsors.
 */
export function BracketTool({ paragraph, onClose }: { paragraph: ParagraphView; onClose: () => void }) {
  const { user, delegations, reload, announce } = useRoom();
  const t = useT('amendments');
  const id = useId();
  const base = paragraph.text;
  const [sel, setSel] = useState({ start: base.length, end: base.length });
  const [kind, setKind] = useState<AmendmentKind>('replace');
  const [text, setText] = useState('');
  const [cosponsors, setCosponsors] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const baseRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = baseRef.current;
    if (!el) return;
    // Several of these fire for one click or key: only a selection that moved re-renders.
    const read = () =>
      setSel((cur) => (cur.start === el.selectionStart && cur.end === el.selectionEnd ? cur : { start: el.selectionStart, end: el.selectionEnd }));
    // React's onSelect misses selections made by script and, in current Chromium, those made with
    // the keyboard (selectionchange now fires on the textarea itself): listen to every source.
    const events = ['select', 'selectionchange', 'keyup', 'mouseup', 'focus'] as const;
    for (const name of events) el.addEventListener(name, read);
    document.addEventListener('selectionchange', read);
    return () => {
      for (const name of events) el.removeEventListener(name, read);
      document.removeEventListener('selectionchange', read);
    };
  }, []);
  // An insertion goes at one point: after the selected words if a span is selected.
  const start = kind === 'insert' ? sel.end : sel.start;
  const end = sel.end;
  const words = base.slice(start, end);
  const group = kind === 'alternative' ? alternativeGroupFor(paragraph.amendments, start, end) : null;
  const own = user.delegation ?? '';
  const preview = amendmentNotation({ kind, words, text, sponsors: [own], alternativeNumber: group?.next ?? 1 });

  const submit = useAction(async () => {
    const invite = parseCosponsors(cosponsors, delegations, user.delegation);
    if (!invite.ok) throw new Error(invite.message);
    await api.proposeAmendment(paragraph.id, {
      kind,
      start,
      end,
      text: kind === 'delete' ? '' : text,
      ...(group ? { alternativeTo: group.to.id } : {}),
      ...(invite.codes.length > 0 ? { cosponsors: invite.codes } : {}),
    });
    announce(t('proposed', { kind: kindName(kind), label: paragraph.label, delegation: own }));
    onClose();
    await reload();
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const p = problemWith(kind, start, end, text);
    setProblem(p);
    if (!p) void submit.run();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
  };
  // The read-only text takes Shift+arrows (Ctrl for words), Home and End like an editor, in every browser.
  const onBaseKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    const backward = el.selectionDirection === 'backward';
    const current = { anchor: backward ? el.selectionEnd : el.selectionStart, focus: backward ? el.selectionStart : el.selectionEnd };
    const next = moveSelection(base, current, e);
    if (!next) return;
    e.preventDefault();
    const from = Math.min(next.anchor, next.focus);
    const to = Math.max(next.anchor, next.focus);
    el.setSelectionRange(from, to, next.focus < next.anchor ? 'backward' : 'forward');
    setSel({ start: from, end: to });
  };

  return (
    <form className="panel bracket-tool" onSubmit={onSubmit} onKeyDown={onKeyDown} aria-label={t('formLabel', { label: paragraph.label })}>
      <h4>{t('heading', { label: paragraph.label, delegation: own })}</h4>
      <label htmlFor={`${id}-base`}>{t('baseText', { hint: hint(kind) })}</label>
      <textarea
        id={`${id}-base`}
        className="base-text"
        readOnly
        autoFocus
        rows={Math.min(10, Math.ceil(base.length / 90) + 1)}
        ref={baseRef}
        value={base}
        onKeyDown={onBaseKeyDown}
      />
      <fieldset className="kind-choice">
        <legend>{t('kindLegend')}</legend>
        {KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
            {kindName(k)}
          </label>
        ))}
      </fieldset>
      <p className="selected-words" aria-live="polite">
        {kind === 'insert' ? (
          <>{start > 0 ? t('insertedAfter', { position: start + 1, before: base.slice(Math.max(0, start - 30), start) }) : t('insertedStart', { position: start + 1 })}</>
        ) : words ? (
          <>{t('selected', { words })}</>
        ) : (
          <>{t('noneSelected')}</>
        )}
      </p>
      {kind !== 'delete' && (
        <label>
          {kind === 'insert' ? t('wordsToInsert') : kind === 'replace' ? t('newWords') : t('alternativeWording')}
          <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      )}
      <label>
        {t('inviteOptional')}
        <input value={cosponsors} onChange={(e) => setCosponsors(e.target.value)} />
      </label>
      <p className="preview" aria-live="polite">
        <Trans t={t} i18nKey="willRead" components={[<Notation key="preview" text={preview} />]} />
      </p>
      <FormFooter error={problem ?? submit.error} busy={submit.busy} submit={t('proposeAs', { delegation: own })} onCancel={onClose} />
    </form>
  );
}

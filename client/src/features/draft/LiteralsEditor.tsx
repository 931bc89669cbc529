import type { ParagraphView } from '@omnibus/shared';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints';
import { FormFooter } from './FormFooter';
import { MAX_LITERALS, literalLabel } from './names';
import { useRoom } from './room-context';
import { useAction } from './useAction';
import { useT } from '../../i18n';


/**
 * The literals (a., b., c. …) of a mandates paragraph. The chapeau is co-edited live like any text;
 * literals are saved together, against the version the person started from, so two people editing
 * the list at once get a clear conflict instead of losing one another's work.
 */
export function LiteralsEditor({ paragraph, onClose }: { paragraph: ParagraphView; onClose: () => void }) {
  const { reload, announce } = useRoom();
  const t = useT('draft');
  const [items, setItems] = useState<string[]>(() => (paragraph.literals ?? []).map((l) => l.text));
  const save = useAction(async () => {
    const literals = items.map((t) => t.trim()).filter((t) => t !== '');
    if (literals.length === 0) throw new Error(t('literals.empty'));
    await api.updateParagraph(paragraph.id, { literals: literals.map((text) => ({ text })), version: paragraph.version });
    announce(t('literals.saved', { label: paragraph.label }));
    onClose();
    await reload();
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= items.length) return;
    const next = [...items];
    [next[i], next[j]] = [next[j] as string, next[i] as string];
    setItems(next);
  };
  return (
    <form className="panel literals-editor" onSubmit={onSubmit} onKeyDown={(e) => e.key === 'Escape' && onClose()} aria-label={t('literals.formLabel', { label: paragraph.label })}>
      <fieldset className="literals-input">
        <legend>{t('literals.legend', { label: paragraph.label })}</legend>
        {items.map((text, i) => (
          <div key={i} className="literal-row">
            <label>
              <span>{literalLabel(i)}.</span>
              <textarea rows={2} value={text} onChange={(e) => setItems(items.map((x, j) => (j === i ? e.target.value : x)))} aria-label={t('literals.item', { label: literalLabel(i) })} />
            </label>
            <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('literals.up', { label: literalLabel(i) })}>
              ↑
            </button>
            <button type="button" onClick={() => move(i, 1)} disabled={i === items.length - 1} aria-label={t('literals.down', { label: literalLabel(i) })}>
              ↓
            </button>
            <button type="button" onClick={() => setItems(items.filter((_, j) => j !== i))} aria-label={t('literals.removeLabel', { label: literalLabel(i) })}>
              {t('literals.remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setItems([...items, ''])} disabled={items.length >= MAX_LITERALS}>
          {t('literals.add', { label: literalLabel(items.length) })}
        </button>
      </fieldset>
      <FormFooter error={save.error} busy={save.busy} submit={t('literals.save')} onCancel={onClose} />
    </form>
  );
}

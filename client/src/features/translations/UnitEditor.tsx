import type { LanguageCode, Literal, StaleTranslationDetails, TranslationState, WordDiff } from '@omnibus/shared';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/http';
import { formatDateTime, useT } from '../../i18n';
import { CompiledText } from '../draft/CompiledText';
import { ErrorLine } from '../draft/ErrorLine';
import { useRoom } from '../draft/room-context';
import { Redline } from '../redline/Redline';
import { translationsApi } from './api';
import { languageName } from './names';

function literalsOf(unit: TranslationState): Literal[] {
  const original = unit.original.literals ?? [];
  return original.map((l) => ({ label: l.label, text: unit.literals?.find((x) => x.label === l.label)?.text ?? '' }));
}

const sameLiterals = (a: readonly Literal[], b: readonly Literal[]): boolean => a.length === b.length && a.every((l, i) => l.text === b[i]?.text);

export function StatusBadge({ status }: { status: TranslationState['status'] }) {
  const t = useT('translations');
  return (
    <span className={`badge translation-status translation-${status}`} data-translation-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

/**
 * One unit side by side: the original as it stands, the translation being edited, and, when the
 * translation is outdated, what changed in the original since it was made. The revision the
 * translator started from is what the save is based on, so a translation made from an old original
 * is refused rather than stored as current; typed words are never replaced by a reload.
 */
export function UnitEditor({ unit, heading, originalLang, onSaved }: { unit: TranslationState; heading: string; originalLang: LanguageCode; onSaved: () => void }) {
  const t = useT('translations');
  const { announce } = useRoom();
  const id = useId();
  const lang: LanguageCode = unit.lang;
  const [started, setStarted] = useState(unit);
  const [text, setText] = useState(unit.text ?? '');
  const [literals, setLiterals] = useState<Literal[]>(() => literalsOf(unit));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<WordDiff[] | null>(null);
  const dirty = text !== (started.text ?? '') || !sameLiterals(literals, literalsOf(started));
  // A newer state from the server replaces the form only while nothing has been typed in it.
  if (unit !== started && !dirty) {
    setStarted(unit);
    setText(unit.text ?? '');
    setLiterals(literalsOf(unit));
    setStale(null);
  }
  const movedOn = dirty && unit.originalRevision > started.originalRevision;

  const save = async (partial: boolean) => {
    if (text.trim() === '') {
      setError(t('empty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = {
        text: text.trim(),
        basedOn: started.originalRevision,
        ...(started.original.literals ? { literals: literals.map((l) => ({ label: l.label, text: l.text.trim() })).filter((l) => l.text !== '') } : {}),
        ...(partial ? { partial: true } : {}),
      };
      const saved = await translationsApi.put(unit.unitKind, unit.unitId, lang, body);
      setStarted(saved);
      setText(saved.text ?? '');
      setLiterals(literalsOf(saved));
      setStale(null);
      announce(t('saved', { unit: heading, language: languageName(lang) }));
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError && err.code === 'stale_translation') setStale((err.details as StaleTranslationDetails | undefined)?.redline ?? null);
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };
  // The translator has read what changed: the form now translates the newest original, words kept.
  const takeNew = () => {
    setStarted(unit);
    setStale(null);
    setError(null);
  };

  const original = languageName(originalLang);
  const target = languageName(lang);
  return (
    <article className={`translation-unit translation-${started.status}`} data-unit={unit.unitId} data-translation-status={started.status} aria-labelledby={`${id}-h`}>
      <header className="translation-unit-head">
        <h3 id={`${id}-h`}>{heading}</h3>
        <StatusBadge status={started.status} />
        {started.updatedBy && started.updatedAt && <span className="muted">{t('by', { who: started.updatedBy, when: formatDateTime(started.updatedAt) })}</span>}
      </header>
      {started.status === 'outdated' && started.redline && (
        <div className="translation-redline" data-redline="outdated">
          <p>{t('changedSince', { from: started.basedOn ?? '?', to: started.originalRevision })}</p>
          <p className="redline-text" lang={originalLang}>
            <Redline diff={started.redline} />
          </p>
        </div>
      )}
      <form className="translation-sides" onSubmit={onSubmit}>
        <div className="translation-original" lang={originalLang}>
          <p className="side-label">{t('original', { language: original })}</p>
          <p className="paragraph-text">
            {unit.unitKind === 'paragraph' ? <CompiledText compiled={started.original.text} /> : started.original.text}
          </p>
          {started.original.literals && (
            <ol className="literals">
              {started.original.literals.map((l) => (
                <li key={l.label}>
                  <span className="literal-label">{l.label}.</span> {l.text}
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="translation-target">
          <label htmlFor={`${id}-text`} className="side-label">
            {t('translation', { language: target })}
          </label>
          <textarea id={`${id}-text`} lang={lang} rows={Math.min(12, Math.ceil(Math.max(text.length, started.original.text.length) / 70) + 1)} value={text} onChange={(e) => setText(e.target.value)} />
          {literals.map((l, i) => (
            <label key={l.label} className="literal-row">
              <span>{t('literal', { label: l.label, language: target })}</span>
              <textarea lang={lang} rows={2} value={l.text} onChange={(e) => setLiterals(literals.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))} />
            </label>
          ))}
          {movedOn && <p className="notice">{t('movedOn', { revision: unit.originalRevision })}</p>}
          <ErrorLine error={error} />
          {stale && (
            <div className="translation-redline" data-redline="stale">
              <p>{t('staleRedline')}</p>
              <p className="redline-text">
                <Redline diff={stale} />
              </p>
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('saving') : t('save')}
            </button>
            {(stale || movedOn) && (
              <>
                <button type="button" disabled={busy} onClick={() => void save(true)}>
                  {t('saveDraft')}
                </button>
                <button type="button" disabled={busy} onClick={takeNew}>
                  {t('takeNew', { revision: unit.originalRevision })}
                </button>
              </>
            )}
          </div>
        </div>
      </form>
    </article>
  );
}

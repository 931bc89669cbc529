import type { DraftView, LanguageCode, ParagraphView, TranslationState } from '@omnibus/shared';
import { createContext, memo, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api/http';
import { useT } from '../../i18n';
import { ErrorLine } from '../draft/ErrorLine';
import { useLiveRoom } from '../session/live-context';
import { translationsApi } from './api';
import { languageName } from './names';

/**
 * The language a person reads the draft in, separate from the interface language: a delegate may
 * work with Spanish menus and read the English original, or the reverse. Proposals are always made
 * on the original; only what is shown changes.
 */
export interface Reading {
  lang: LanguageCode;
  original: LanguageCode;
  /** Each paragraph's translation in `lang`; empty when reading the original. */
  paragraphs: ReadonlyMap<string, TranslationState>;
}

const ReadingContext = createContext<Reading | null>(null);
export const ReadingProvider = ReadingContext.Provider;

export function useReading(): Reading | null {
  return useContext(ReadingContext);
}

const STORAGE_KEY = 'omnibus.readingLanguage';

function savedReading(): LanguageCode | null {
  try {
    return (globalThis.localStorage?.getItem(STORAGE_KEY) as LanguageCode | null) ?? null;
  } catch {
    return null;
  }
}

/** The reading language's state for a draft: the chosen language (remembered) and its texts, kept live. */
export function useReadingState(draft: DraftView): { reading: Reading; choose: (lang: LanguageCode) => void; official: LanguageCode[]; error: string | null } {
  const original = draft.languages?.original ?? 'en';
  const official = useMemo(() => draft.languages?.official ?? [original], [draft.languages, original]);
  const [chosen, setChosen] = useState<LanguageCode | null>(savedReading);
  const lang = chosen && official.includes(chosen) ? chosen : original;
  const live = useLiveRoom();
  const seen = live?.translationsSeen ?? 0;
  const [translated, setTranslated] = useState<DraftView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (lang === original) return;
    let cancelled = false;
    translationsApi
      .draftIn(draft.id, lang)
      .then((d) => {
        if (cancelled) return;
        setTranslated(d);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(errorMessage(err));
      });
    return () => {
      cancelled = true;
    };
    // The draft object changes whenever the original does, and `seen` whenever a translation does.
  }, [draft, lang, original, seen]);
  const paragraphs = useMemo(() => {
    const map = new Map<string, TranslationState>();
    if (lang === original || translated?.lang !== lang) return map;
    for (const s of translated.sections) for (const p of s.paragraphs) if (p.translation) map.set(p.id, p.translation);
    return map;
  }, [translated, lang, original]);
  const choose = useCallback((next: LanguageCode) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Without storage the choice lasts for this page.
    }
    setChosen(next);
  }, []);
  // The same object until the reading changes: every paragraph card reads it.
  const reading = useMemo(() => ({ lang, original, paragraphs }), [lang, original, paragraphs]);
  return { reading, choose, official, error };
}

export const ReadingLanguageMenu = memo(function ReadingLanguageMenu({
  reading,
  official,
  choose,
  error,
}: {
  reading: Reading;
  official: readonly LanguageCode[];
  choose: (lang: LanguageCode) => void;
  error: string | null;
}) {
  const t = useT('translations');
  if (official.length < 2) return null;
  return (
    <div className="reading-language">
      <label>
        {t('reading.label')}{' '}
        <select value={reading.lang} onChange={(e) => choose(e.target.value as LanguageCode)}>
          {official.map((l) => (
            <option key={l} value={l}>
              {l === reading.original ? t('reading.original', { language: languageName(l) }) : languageName(l)}
            </option>
          ))}
        </select>
      </label>
      {reading.lang !== reading.original && <span className="muted"> {t('reading.proposeInOriginal', { language: languageName(reading.original) })}</span>}
      <ErrorLine error={error} />
    </div>
  );
});

/** What a paragraph shows in the reading language: the translation where there is one, else the original with a note. */
export function useReadingText(p: ParagraphView): { lang: LanguageCode; compiled: string; literals: ParagraphView['literals']; note: string | null } | null {
  const reading = useReading();
  const t = useT('translations');
  if (!reading) return null;
  // The original is marked with its language too, so a screen reader in a Spanish room reads English as English.
  if (reading.lang === reading.original) return { lang: reading.original, compiled: p.compiled, literals: p.literals, note: null };
  const state = reading.paragraphs.get(p.id);
  if (!state || state.status === 'missing' || state.text === null) {
    return { lang: reading.original, compiled: p.compiled, literals: p.literals, note: t('reading.missing', { language: languageName(reading.lang) }) };
  }
  return {
    lang: reading.lang,
    compiled: state.text,
    literals: state.literals ?? p.literals,
    note: state.status === 'outdated' ? t('reading.outdated') : null,
  };
}

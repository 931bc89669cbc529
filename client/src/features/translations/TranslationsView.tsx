import type { DraftView, LanguageCode, TranslationState, TranslationSummary } from '@omnibus/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api/http';
import { currentLanguage, formatNumber, useT } from '../../i18n';
import { kindName } from '../amendments/notation';
import { ErrorLine } from '../draft/ErrorLine';
import { sectionShortName } from '../draft/names';
import { useRoom } from '../draft/room-context';
import { useLiveRoom } from '../session/live-context';
import { translationsApi } from './api';
import { languageName } from './names';
import { SummaryTable } from './Summary';
import { UnitEditor } from './UnitEditor';

type Filter = 'todo' | 'outdated' | 'missing' | 'all';

interface Unit {
  state: TranslationState;
  heading: string;
}

/** Every translatable unit of the draft in document order: each paragraph, then its open amendments. */
export function unitsOf(draft: DraftView, headingOf: (section: string, label: string, amendment?: { kind: string; sponsors: string }) => string): Unit[] {
  const out: Unit[] = [];
  for (const s of draft.sections) {
    for (const p of s.paragraphs) {
      if (p.status === 'deleted' || p.status === 'withdrawn') continue;
      const section = sectionShortName(s);
      if (p.translation) out.push({ state: p.translation, heading: headingOf(section, p.label) });
      for (const a of p.amendments) {
        if (a.status === 'proposed' && a.translation) {
          out.push({ state: a.translation, heading: headingOf(section, p.label, { kind: kindName(a.kind), sponsors: a.sponsors.join(', ') }) });
        }
      }
    }
  }
  return out;
}

const keep = (filter: Filter, status: TranslationState['status']): boolean =>
  filter === 'all' || (filter === 'todo' ? status !== 'current' : status === filter);

/**
 * The translator's screen: the summary per language, then every unit that needs work in the chosen
 * language, original and translation side by side. Re-read whenever a translation status changes
 * anywhere (the live channel says so) and whenever the draft on screen changes.
 */
export function TranslationsView() {
  const t = useT('translations');
  const { draft } = useRoom();
  const live = useLiveRoom();
  const seen = live?.translationsSeen ?? 0;
  const original = draft.languages?.original ?? 'en';
  const targets = useMemo(() => (draft.languages?.official ?? []).filter((l) => l !== original), [draft.languages, original]);
  const ui = currentLanguage();
  const [lang, setLang] = useState<LanguageCode | null>(null);
  const target = lang ?? (targets.includes(ui) ? ui : (targets[0] ?? null));
  const [filter, setFilter] = useState<Filter>('todo');
  const [summary, setSummary] = useState<TranslationSummary | null>(null);
  const [translated, setTranslated] = useState<DraftView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [s, d] = await Promise.all([translationsApi.summary(draft.id), target ? translationsApi.draftIn(draft.id, target) : Promise.resolve(null)]);
      setSummary(s);
      setTranslated(d);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
    // The draft object changes whenever the original does: its units' revisions move on.
  }, [draft, target]);
  useEffect(() => {
    void load();
  }, [load, seen]);

  const units = useMemo(
    () =>
      translated && translated.lang === target
        ? unitsOf(translated, (section, label, a) => (a ? t('unit.amendment', { section, label, ...a }) : t('unit.paragraph', { section, label })))
        : [],
    [translated, target, t],
  );
  const shown = units.filter((u) => keep(filter, u.state.status));

  return (
    <section className="translations-view" aria-labelledby="translations-title">
      <h2 id="translations-title">{t('title')}</h2>
      <ErrorLine error={error} />
      {summary && <SummaryTable summary={summary} />}
      {target && (
        <div className="inline-form translation-controls">
          <label>
            {t('target')}
            <select value={target} onChange={(e) => setLang(e.target.value as LanguageCode)}>
              {targets.map((l) => (
                <option key={l} value={l}>
                  {languageName(l)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filter.label')}
            <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
              {(['todo', 'outdated', 'missing', 'all'] as const).map((f) => (
                <option key={f} value={f}>
                  {t(`filter.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <span className="muted" aria-live="polite">
            {t('shown', { count: shown.length, formatted: formatNumber(shown.length) })}
          </span>
        </div>
      )}
      {!translated && !error && target && <p className="muted">{t('loading')}</p>}
      {translated && shown.length === 0 && <p className="muted">{t('nothing')}</p>}
      {shown.map((u) => (
        <UnitEditor key={`${u.state.unitKind}-${u.state.unitId}-${u.state.lang}`} unit={u.state} heading={u.heading} originalLang={original} onSaved={() => void load()} />
      ))}
    </section>
  );
}

import type { DraftLanguages, DraftView, LanguageCode, TranslationChange, TranslationState } from '@omnibus/shared';
import { diffWords, parseBrackets } from '@omnibus/shared';
import { baseWords, unitRedlineText, type TranslationUnit } from './translation-units';
import type { DraftLanguageRow, SourceRow, TranslationRow } from './translations.repository';

/** The status of a translation against the original's current revision, and the draft as read in a language. */
/** A draft with the current revision of each unit's original and the stored translations. */
export interface TranslationSnapshot {
  view: DraftView;
  languages: DraftLanguages;
  units: TranslationUnit[];
  latest: Map<string, SourceRow>;
  translations: TranslationRow[];
  /** Texts of the revisions outdated translations were made from, keyed `unitId:revision`. */
  basis: Map<string, SourceRow>;
}

const LANGUAGE_NAMES: Record<LanguageCode, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  pt: 'Portuguese',
  ar: 'Arabic',
  zh: 'Chinese',
  ru: 'Russian',
};

export const languageName = (lang: LanguageCode): string => LANGUAGE_NAMES[lang];

export function draftLanguages(row: DraftLanguageRow): DraftLanguages {
  return { original: row.original, official: [row.original, ...row.official.filter((l) => l !== row.original)] };
}

export function statusOf(t: TranslationRow | undefined, latest: SourceRow | undefined): 'current' | 'outdated' | 'missing' {
  if (t === undefined) return 'missing';
  return latest !== undefined && t.basedOn === latest.revision ? 'current' : 'outdated';
}

export function stateOf(unit: TranslationUnit, lang: LanguageCode, latest: SourceRow, t: TranslationRow | undefined, basis: SourceRow | undefined): TranslationState {
  const status = statusOf(t, latest);
  const state: TranslationState = {
    unitKind: unit.kind,
    unitId: unit.id,
    lang,
    status,
    basedOn: t?.basedOn ?? null,
    originalRevision: latest.revision,
    text: t?.text ?? null,
    original: unit.literals === null ? { text: unit.text } : { text: unit.text, literals: unit.literals },
    updatedBy: t?.updatedBy ?? null,
    updatedAt: t ? new Date(t.updatedAt).toISOString() : null,
  };
  if (unit.literals !== null) state.literals = t ? (t.literals ?? []) : null;
  if (status === 'outdated' && basis) state.redline = diffWords(unitRedlineText(basis.text, basis.literals), unitRedlineText(latest.text, latest.literals));
  return state;
}

export function changeOf(s: TranslationState, paragraphId: string): TranslationChange {
  return { unitKind: s.unitKind, unitId: s.unitId, paragraphId, lang: s.lang, status: s.status, basedOn: s.basedOn, originalRevision: s.originalRevision };
}

/** The draft view with every text in `lang` where translated and each unit's translation state. */
export function applyTranslations(snap: TranslationSnapshot, lang: LanguageCode): DraftView {
  const view: DraftView = structuredClone(snap.view);
  view.languages = snap.languages;
  view.lang = lang;
  const units = new Map(snap.units.map((u) => [u.id, u]));
  const byUnit = new Map(snap.translations.filter((t) => t.lang === lang).map((t) => [t.unitId, t]));
  const isOriginal = lang === snap.languages.original;
  const stateFor = (unit: TranslationUnit): TranslationState | null => {
    const latest = snap.latest.get(unit.id);
    if (!latest) return null;
    if (isOriginal) {
      const own: TranslationRow = { unitId: unit.id, unitKind: unit.kind, lang, text: unit.text, literals: unit.literals, basedOn: latest.revision, updatedBy: null, updatedAt: new Date(0) };
      return { ...stateOf(unit, lang, latest, own, undefined), updatedAt: null };
    }
    const t = byUnit.get(unit.id);
    return stateOf(unit, lang, latest, t, t ? snap.basis.get(`${unit.id}:${t.basedOn}`) : undefined);
  };
  for (const section of view.sections) {
    for (const p of section.paragraphs) {
      const unit = units.get(p.id);
      const state = unit ? stateFor(unit) : null;
      if (state) {
        p.translation = state;
        if (!isOriginal && state.text !== null) {
          const parsed = parseBrackets(state.text);
          p.compiled = state.text;
          p.text = parsed.ok ? baseWords(parsed.segments, p.origin === 'delegation') : state.text;
          if (p.kind === 'mandates') {
            p.chapeau = p.text;
            p.literals = state.literals ?? p.literals ?? [];
          }
        }
      }
      for (const a of p.amendments) {
        const aUnit = units.get(a.id);
        const aState = aUnit ? stateFor(aUnit) : null;
        if (!aState) continue;
        a.translation = aState;
        if (!isOriginal && aState.text !== null) a.text = aState.text;
      }
    }
  }
  return view;
}

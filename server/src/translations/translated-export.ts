import type { DocModel, DocParagraph, LanguageCode, Literal, Segment, TranslationIncompleteDetails, TranslationStatus } from '@omnibus/shared';
import { parseBrackets } from '@omnibus/shared';
import { AppError } from '../common/app-error';
import { baseWords } from './translation-units';

/** A paragraph's translation as an export needs it: its status against the text being exported. */
export interface ExportTranslation {
  status: TranslationStatus;
  /** The translated negotiation text (bracket notation) and literals; null when missing. */
  text: string | null;
  literals: Literal[] | null;
}

export interface TranslateModelOptions {
  kind: 'consensus' | 'compilation';
  lang: LanguageCode;
  original: LanguageCode;
  /** The chair's choice to issue a consensus draft with untranslated paragraphs, printed as a note. */
  allowIncomplete: boolean;
}

// The document is in `lang`, so its notes are too. Languages without an entry fall back to English.
const NOTES: Partial<Record<LanguageCode, { missing: string; outdated: string; incomplete: string; languages: Partial<Record<LanguageCode, string>> }>> = {
  en: {
    missing: 'Translation pending: text in {original}.',
    outdated: 'Translation being updated: text in {original}.',
    incomplete: 'Translation incomplete: {n} paragraph(s) in {original}',
    languages: { en: 'English', es: 'Spanish', fr: 'French', pt: 'Portuguese', ar: 'Arabic', zh: 'Chinese', ru: 'Russian' },
  },
  es: {
    missing: 'Traducción pendiente: texto en {original}.',
    outdated: 'Traducción en actualización: texto en {original}.',
    incomplete: 'Traducción incompleta: {n} párrafo(s) en {original}',
    languages: { en: 'inglés', es: 'español', fr: 'francés', pt: 'portugués', ar: 'árabe', zh: 'chino', ru: 'ruso' },
  },
  fr: {
    missing: 'Traduction en attente : texte en {original}.',
    outdated: 'Traduction en cours de mise à jour : texte en {original}.',
    incomplete: 'Traduction incomplète : {n} paragraphe(s) en {original}',
    languages: { en: 'anglais', es: 'espagnol', fr: 'français', pt: 'portugais', ar: 'arabe', zh: 'chinois', ru: 'russe' },
  },
  pt: {
    missing: 'Tradução pendente: texto em {original}.',
    outdated: 'Tradução em atualização: texto em {original}.',
    incomplete: 'Tradução incompleta: {n} parágrafo(s) em {original}',
    languages: { en: 'inglês', es: 'espanhol', fr: 'francês', pt: 'português', ar: 'árabe', zh: 'chinês', ru: 'russo' },
  },
};

function notes(lang: LanguageCode) {
  return NOTES[lang] ?? NOTES.en!;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** The words a document prints for one translated paragraph: the negotiation text, or what was agreed. */
function segmentsFor(kind: TranslateModelOptions['kind'], text: string): Segment[] | null {
  const parsed = parseBrackets(text);
  if (!parsed.ok) return null;
  return kind === 'compilation' ? parsed.segments : [{ type: 'text', text: baseWords(parsed.segments, true) }];
}

function literalSegments(kind: TranslateModelOptions['kind'], text: string): Segment[] {
  return segmentsFor(kind, text) ?? [{ type: 'text', text }];
}

/**
 * The export model in `lang`: each paragraph's words replaced by its current translation; a
 * paragraph whose translation is missing or outdated keeps the original's words with a note
 * saying so. A consensus draft with such paragraphs is refused (`translation_incomplete`, naming
 * them) unless the chair allows it, and then the subtitle says it is incomplete.
 */
export function translateModel(model: DocModel, translations: ReadonlyMap<string, ExportTranslation>, o: TranslateModelOptions): DocModel {
  if (o.lang === o.original) return model;
  const words = notes(o.lang);
  const originalName = words.languages[o.original] ?? o.original;
  const gaps: TranslationIncompleteDetails['units'] = [];
  const translate = (p: DocParagraph): DocParagraph => {
    const t = translations.get(p.id);
    const segments = t?.status === 'current' && t.text !== null ? segmentsFor(o.kind, t.text) : null;
    if (!t || t.status !== 'current' || segments === null) {
      const status = t?.status === 'outdated' ? 'outdated' : 'missing';
      gaps.push({ unitKind: 'paragraph', unitId: p.id, label: p.label, status });
      // A compilation marks the paragraph in every format (the renderers print the status); a
      // consensus draft the chair issues incomplete says in a note which language it stands in.
      if (o.kind === 'compilation') return { ...p, translationStatus: status };
      const marker = fill(status === 'outdated' ? words.outdated : words.missing, { original: originalName });
      return { ...p, note: p.note === null ? marker : `${p.note} ${marker}` };
    }
    const literals = p.literals.map((l) => {
      const own = t.literals?.find((x) => x.label === l.label);
      return own ? { label: l.label, segments: literalSegments(o.kind, own.text) } : l;
    });
    return { ...p, segments, literals, translationStatus: 'current' as const };
  };
  const sections = model.sections.map((s) => ({ ...s, paragraphs: s.paragraphs.map(translate) }));
  if (o.kind === 'consensus' && gaps.length > 0 && !o.allowIncomplete) {
    const details: TranslationIncompleteDetails = { lang: o.lang, units: gaps };
    throw new AppError(
      'translation_incomplete',
      `The consensus draft cannot be issued in this language yet: paragraph(s) ${gaps.map((g) => g.label).join(', ')} are not translated or their translation is outdated. Translate them, or (chair) export with allowIncomplete=true to print a note.`,
      details,
    );
  }
  const subtitle = gaps.length > 0 ? `${model.subtitle} — ${fill(words.incomplete, { n: gaps.length, original: originalName })}` : model.subtitle;
  return { ...model, sections, subtitle };
}

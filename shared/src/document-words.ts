/**
 * The words an exported document prints around the negotiated text, in each of the OAS's four
 * official languages: the header block, "DRAFT RESOLUTION", the presented/approved line, the
 * formula and the resolving formula, "Original:", dates, the title footnote and the notes a
 * consensus draft carries. The paragraphs' own words come from the draft (or its translations);
 * only the document's frame is here, so every renderer and the importer read one source.
 */
import type { TranslationStatus } from './translations';

export const DOCUMENT_LANGUAGES = ['en', 'es', 'fr', 'pt'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export function isDocumentLanguage(code: string): code is DocumentLanguage {
  return (DOCUMENT_LANGUAGES as readonly string[]).includes(code);
}

/** ISO 639-2 codes, as Akoma Ntoso names an expression's language ("eng", "spa" …). */
export const ISO_639_2: Record<DocumentLanguage, string> = { en: 'eng', es: 'spa', fr: 'fra', pt: 'por' };

export interface DocumentWords {
  council: string;
  committee: string;
  /** The committee's name inside a sentence. */
  committeeName: string;
  draftResolution: string;
  formula: string;
  resolvingFormula: string;
  /** "Original: Spanish": the original language named in this document's language. */
  original: (original: DocumentLanguage) => string;
  presented: string;
  approved: (date: string) => string;
  /** The footnote on the title. */
  titleNote: { consensus: (date: string) => string; compilation: (date: string) => string };
  /** The consensus draft's account of what it leaves out. */
  missing: (missing: number, total: number, labels: string) => string;
  complete: (total: number) => string;
  translation: Record<Exclude<TranslationStatus, 'current'>, string>;
  emptyConsensus: string;
  emptyCompilation: string;
}

const LANGUAGE_NAMES: Record<DocumentLanguage, Record<DocumentLanguage, string>> = {
  en: { en: 'English', es: 'Spanish', fr: 'French', pt: 'Portuguese' },
  es: { en: 'inglés', es: 'español', fr: 'francés', pt: 'portugués' },
  fr: { en: 'anglais', es: 'espagnol', fr: 'français', pt: 'portugais' },
  pt: { en: 'inglês', es: 'espanhol', fr: 'francês', pt: 'português' },
};

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const DOCUMENT_WORDS: Record<DocumentLanguage, DocumentWords> = {
  en: {
    council: 'PERMANENT COUNCIL OF THE ORGANIZATION OF AMERICAN STATES',
    committee: 'COMMITTEE ON HEMISPHERIC SECURITY',
    committeeName: 'Committee on Hemispheric Security',
    draftResolution: 'DRAFT RESOLUTION',
    formula: 'THE GENERAL ASSEMBLY,',
    resolvingFormula: 'RESOLVES:',
    original: (o) => `Original: ${LANGUAGE_NAMES.en[o]}`,
    presented: '(Presented by the Chair of the Committee on Hemispheric Security)',
    approved: (d) => `(Approved by the Committee on Hemispheric Security on ${d})`,
    titleNote: {
      consensus: (d) => `Text approved by the Committee on Hemispheric Security as of ${d}.`,
      compilation: (d) => `Compilation of the Chair's text and the proposals of delegations as of ${d}; each proposal is in square brackets with the delegations that sponsor it.`,
    },
    missing: (m, t, labels) =>
      `(${m} of ${t} ${plural(t, 'paragraph is', 'paragraphs are')} not yet approved and ${plural(m, 'is', 'are')} not in this text: ${labels}.)`,
    complete: (t) => `(All ${t} paragraphs of the draft are approved.)`,
    translation: { missing: 'translation missing', outdated: 'translation outdated' },
    emptyConsensus: '(No paragraph of this draft has been approved yet.)',
    emptyCompilation: '(This draft has no paragraphs yet.)',
  },
  es: {
    council: 'CONSEJO PERMANENTE DE LA ORGANIZACIÓN DE LOS ESTADOS AMERICANOS',
    committee: 'COMISIÓN DE SEGURIDAD HEMISFÉRICA',
    committeeName: 'Comisión de Seguridad Hemisférica',
    draftResolution: 'PROYECTO DE RESOLUCIÓN',
    formula: 'LA ASAMBLEA GENERAL,',
    resolvingFormula: 'RESUELVE:',
    original: (o) => `Original: ${LANGUAGE_NAMES.es[o]}`,
    presented: '(Presentado por la Presidencia de la Comisión de Seguridad Hemisférica)',
    approved: (d) => `(Aprobado por la Comisión de Seguridad Hemisférica el ${d})`,
    titleNote: {
      consensus: (d) => `Texto aprobado por la Comisión de Seguridad Hemisférica al ${d}.`,
      compilation: (d) => `Compilación del texto de la Presidencia y de las propuestas de las delegaciones al ${d}; cada propuesta figura entre corchetes con las delegaciones que la presentan.`,
    },
    missing: (m, t, labels) =>
      `(${m} de ${t} párrafos aún no ${plural(m, 'está aprobado y no figura', 'están aprobados y no figuran')} en este texto: ${labels}.)`,
    complete: (t) => `(Los ${t} párrafos del proyecto están aprobados.)`,
    translation: { missing: 'traducción pendiente', outdated: 'traducción desactualizada' },
    emptyConsensus: '(Aún no se ha aprobado ningún párrafo de este proyecto.)',
    emptyCompilation: '(Este proyecto aún no tiene párrafos.)',
  },
  fr: {
    council: "CONSEIL PERMANENT DE L'ORGANISATION DES ÉTATS AMÉRICAINS",
    committee: 'COMMISSION SUR LA SÉCURITÉ CONTINENTALE',
    committeeName: 'Commission sur la sécurité continentale',
    draftResolution: 'PROJET DE RÉSOLUTION',
    formula: "L'ASSEMBLÉE GÉNÉRALE,",
    resolvingFormula: 'DÉCIDE :',
    original: (o) => `Original : ${LANGUAGE_NAMES.fr[o]}`,
    presented: '(Présenté par la présidence de la Commission sur la sécurité continentale)',
    approved: (d) => `(Approuvé par la Commission sur la sécurité continentale le ${d})`,
    titleNote: {
      consensus: (d) => `Texte approuvé par la Commission sur la sécurité continentale au ${d}.`,
      compilation: (d) => `Compilation du texte de la présidence et des propositions des délégations au ${d} ; chaque proposition figure entre crochets avec les délégations qui la présentent.`,
    },
    missing: (m, t, labels) =>
      `(${m} des ${t} paragraphes ne ${plural(m, 'est pas encore approuvé et ne figure', 'sont pas encore approuvés et ne figurent')} pas dans ce texte : ${labels}.)`,
    complete: (t) => `(Les ${t} paragraphes du projet sont approuvés.)`,
    translation: { missing: 'traduction manquante', outdated: 'traduction périmée' },
    emptyConsensus: "(Aucun paragraphe de ce projet n'a encore été approuvé.)",
    emptyCompilation: "(Ce projet n'a encore aucun paragraphe.)",
  },
  pt: {
    council: 'CONSELHO PERMANENTE DA ORGANIZAÇÃO DOS ESTADOS AMERICANOS',
    committee: 'COMISSÃO DE SEGURANÇA HEMISFÉRICA',
    committeeName: 'Comissão de Segurança Hemisférica',
    draftResolution: 'PROJETO DE RESOLUÇÃO',
    formula: 'A ASSEMBLEIA GERAL,',
    resolvingFormula: 'RESOLVE:',
    original: (o) => `Original: ${LANGUAGE_NAMES.pt[o]}`,
    presented: '(Apresentado pela Presidência da Comissão de Segurança Hemisférica)',
    approved: (d) => `(Aprovado pela Comissão de Segurança Hemisférica em ${d})`,
    titleNote: {
      consensus: (d) => `Texto aprovado pela Comissão de Segurança Hemisférica até ${d}.`,
      compilation: (d) => `Compilação do texto da Presidência e das propostas das delegações até ${d}; cada proposta figura entre colchetes com as delegações que a apresentam.`,
    },
    missing: (m, t, labels) =>
      `(${m} de ${t} parágrafos ainda não ${plural(m, 'está aprovado e não figura', 'estão aprovados e não figuram')} neste texto: ${labels}.)`,
    complete: (t) => `(Os ${t} parágrafos do projeto estão aprovados.)`,
    translation: { missing: 'tradução pendente', outdated: 'tradução desatualizada' },
    emptyConsensus: '(Nenhum parágrafo deste projeto foi aprovado ainda.)',
    emptyCompilation: '(Este projeto ainda não tem parágrafos.)',
  },
};

export function documentWords(lang: DocumentLanguage): DocumentWords {
  return DOCUMENT_WORDS[lang];
}

/**
 * "2022-03-15" as each language dates an OAS document: "March 15, 2022" (as the committee's English
 * texts write dates), "15 de marzo de 2022", "15 mars 2022", "15 de março de 2022". Intl supplies
 * the month names; the date is read as a calendar day, never shifted by a time zone.
 */
export function documentDate(isoDate: string, lang: DocumentLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !day || day.getUTCDate() !== Number(m[3])) throw new RangeError(`"${isoDate}" is not a date written yyyy-mm-dd`);
  const locale = { en: 'en-US', es: 'es-ES', fr: 'fr-FR', pt: 'pt-BR' }[lang];
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);
}

const every = <K extends keyof DocumentWords>(key: K): DocumentWords[K][] => DOCUMENT_LANGUAGES.map((l) => DOCUMENT_WORDS[l][key]);

/** The formulas that open a resolution's preamble in any of the four languages. */
export const RESOLUTION_FORMULAS: readonly string[] = every('formula');
/** The resolving formulas that open the operative part in any of the four languages. */
export const RESOLVING_FORMULAS: readonly string[] = every('resolvingFormula');

const FRAME_LINES = new Set(
  [...every('council'), ...every('committee'), ...every('draftResolution'), ...RESOLVING_FORMULAS].map((s) => s.toUpperCase()),
);
const ORIGINAL_LINE = /^Original\s?:\s*\p{L}+$/u;
// "March 15, 2022", "15 de marzo de 2022", "15 mars 2022": the date line of the header block.
const DATE_LINE = /^(?:\p{L}+ \d{1,2}, \d{4}|\d{1,2}(?: de)? \p{L}+(?: de)? \d{4})$/u;

/**
 * A line of the document's frame that carries no paragraph: the council and committee block,
 * "DRAFT RESOLUTION", the date, "Original: English" and the resolving formula, in any of the four languages.
 * The importer passes over these lines instead of reading them as a title or a heading.
 */
export function isDocumentFrameLine(line: string): boolean {
  const t = line.trim();
  return FRAME_LINES.has(t.toUpperCase()) || ORIGINAL_LINE.test(t) || DATE_LINE.test(t);
}

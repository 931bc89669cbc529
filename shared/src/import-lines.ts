/**
 * What one line of a resolution is, read from its shape rather than from a list of words: a
 * document symbol, the formula that names the organ ("THE GENERAL ASSEMBLY,", "El Consejo
 * Permanente …", "The Security Council,"), the resolving formula ("RESOLVES:", "DÉCIDE :"), an
 * adoption line in parentheses, a sub-paragraph marker ("(a)", "a.", "(iv)", "–").
 */

// "AG/RES. 2809 (XLIII-O/13)", "CP/RES. 843 (1365/03)", "S/RES/1373 (2001)", "A/RES/ES-10/22",
// "AG/doc.5358/13 add. 1", "CP/CSH/INF.278/11 rev. 2", "AG/CG/doc.2/18 rev. 1", "CP/CSH-1953/20 rev. 1".
const SYMBOL_BODY =
  String.raw`[A-Z]{1,6}(?:\/(?:[A-Za-z]{1,6}\.\s?)?[A-Za-z0-9.–-]*[A-Za-z0-9])+(?:\s?\([A-Za-z0-9–\/.-]+\))?(?:\s+(?:[Rr]ev|[Cc]orr|[Aa]dd)\.\s*\d+)*`;
const SYMBOL = new RegExp(`^${SYMBOL_BODY}$`);
const SYMBOL_FIRST = new RegExp(`^(${SYMBOL_BODY})\\s+(\\S.*)$`);
const SYMBOL_LAST = new RegExp(`^(\\S.*?)\\s+(${SYMBOL_BODY})$`);
// The series line printed above a symbol ("OEA/Ser.G", "OEA/Ser.P/XXVIII-O.2").
const SERIES = /^OEA\/Ser\.\s?[A-Z](?:\/[A-Za-z0-9.-]+)?$/;

export function isSymbol(line: string): boolean {
  return SYMBOL.test(line.trim());
}

export function isSeries(line: string): boolean {
  return SERIES.test(line.trim());
}

/** A document symbol ("CP/CSH/xxxx/22 rev. 1") or the series line printed above it ("OEA/Ser.G"). */
export function isSymbolLine(line: string): boolean {
  return isSymbol(line) || isSeries(line);
}

/**
 * A symbol sharing its line with other words, as lists and web copies print it: "AG/RES. 2357
 * (XXXVIII-O/08) Follow-Up to the Special Conference on Security" or "United Nations S/RES/1373 (2001)".
 */
export function symbolWithText(line: string): { symbol: string; text: string; textFirst: boolean } | null {
  const first = SYMBOL_FIRST.exec(line);
  if (first) return { symbol: first[1] ?? '', text: first[2] ?? '', textFirst: false };
  const last = SYMBOL_LAST.exec(line);
  if (last && !/[.;,:]$/.test(last[1] ?? '')) return { symbol: last[2] ?? '', text: last[1] ?? '', textFirst: true };
  return null;
}

const bare = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

// Articles that open an organ's name in the four OAS languages: "THE", "LA", "EL", "L'", "A", "O", "LE", "LOS";
// "LASSEMBLÉE" is "L'ASSEMBLÉE" on French pages that lost their apostrophes in an encoding (the OAS's own CSH pages of the 1990s).
const ARTICLE = /^(?:the|la|el|le|les|los|las|os|as|a|o|l['’]\S+|lassembl[ée]e)$/i;

/**
 * The formula naming the organ that speaks: an article, then capitalised words (short connectors
 * such as "of", "de" allowed), ending with a comma or colon, no digits. "THE GENERAL ASSEMBLY,",
 * "LA ASAMBLEA GENERAL,", "L'ASSEMBLÉE GÉNÉRALE,", "A ASSEMBLEIA GERAL:", "The Security Council,".
 */
export function isOrganFormula(text: string): boolean {
  const line = text.trim();
  if (!/[,:]$/.test(line) || /\d/.test(line)) return false;
  const words = line.slice(0, -1).trim().split(/\s+/);
  if (words.length < 2 && !/^l['’]/i.test(words[0] ?? '')) return false;
  if (words.length > 14 || !ARTICLE.test(words[0] ?? '')) return false;
  return words.slice(1).every((w) => /^\p{Lu}/u.test(w) || /^\p{Ll}{1,3}$/u.test(w)) || isFrenchOrganName(words);
}

// The organs a French United Nations text names in sentence case: "Le Conseil de sécurité,", "L’Assemblée générale,".
const FRENCH_ORGAN = /^(?:Conseil|Assemblée|Commission|Conférence|Comité)$/;

/**
 * French writes an organ's name with one capital ("Le Conseil de sécurité,", "L’Assemblée générale,",
 * "Le Conseil des droits de l’homme,"): a capitalised article, one of the organs' nouns, then lower-case
 * words only, as a formula's whole line.
 */
function isFrenchOrganName(words: readonly string[]): boolean {
  const first = words[0] ?? '';
  const elided = /^L['’](.+)$/.exec(first);
  const noun = elided ? elided[1] : /^(?:Le|La)$/.test(first) ? words[1] : undefined;
  const rest = words.slice(elided ? 1 : 2);
  return noun !== undefined && FRENCH_ORGAN.test(noun) && rest.length <= 6 && rest.every((w) => /^\p{Ll}[\p{Ll}'’-]*$/u.test(w));
}

/** A line in capitals with no terminal punctuation: a piece of an organ's name split over lines. */
export function isCapitalsFragment(line: string): boolean {
  return /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line) && !/[.,;:]$/.test(line.trim()) && !/\d/.test(line);
}

const RESOLVING = new Set(['RESOLVES', 'RESOLVE', 'RESUELVE', 'RESUELVEN', 'DECIDES', 'DECIDE', 'RESOUT', 'DECLARES', 'DECLARA', 'DECLARE']);

/** One word alone on its line, bare or followed by ":" "," or ".": "RESOLVES:", "DÉCIDE :", "RESUELVE", "Decides,". */
export function loneWord(line: string): string | null {
  const m = /^(\p{L}+)\s?[:,.]?$/u.exec(line.trim());
  return m ? (m[1] ?? null) : null;
}

/** Whether a lone word is one of the resolving formulas of the OAS and UN languages. */
export function isKnownResolvingWord(word: string): boolean {
  return RESOLVING.has(bare(word).toUpperCase());
}

/** "(a) text", "a. text", "a) text": the letter and the text. */
export function letteredItem(line: string): { letter: string; text: string } | null {
  const m = /^(?:\(([a-z])\)|([a-z])[.)])\s+(.*)$/.exec(line);
  if (!m) return null;
  return { letter: m[1] ?? m[2] ?? '', text: m[3] ?? '' };
}

/** "(iv) text", "ii. text", "iii) text": the numeral and the text. */
export function romanItem(line: string): { numeral: string; text: string } | null {
  const m = /^(?:\(([ivx]{1,6})\)|([ivx]{1,6})[.)])\s+(.*)$/.exec(line);
  if (!m) return null;
  const numeral = m[1] ?? m[2] ?? '';
  return /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/.test(numeral) && numeral !== '' ? { numeral, text: m[3] ?? '' } : null;
}

/** "– text", "— text", "- text", "• text": an item of a dashed list. */
export function dashItem(line: string): string | null {
  const m = /^[–—•-]\s+(.*)$/.exec(line);
  return m ? (m[1] ?? '') : null;
}

/** A line whose first word (or second, after a connector such as "y" or "and") is in capitals: an OAS preambular opening. */
export function opensInCapitals(line: string): boolean {
  const words = line.split(' ');
  const isCaps = (w: string | undefined): boolean => w !== undefined && /^\p{Lu}[\p{Lu}’'-]*\p{Lu}[,;:]?$/u.test(w);
  if (isCaps(words[0])) return true;
  return /^\p{Ll}{1,3}$/u.test(words[0] ?? '') && isCaps(words[1]);
}

/**
 * Ends a sentence or a clause the way a paragraph does; a footnote mark after the comma ("1949, 1")
 * counts, and so does the conjunction after the semicolon of the last paragraph but one ("…; and",
 * "…; y", "…; et", "…; e").
 */
export function endsParagraph(text: string): boolean {
  return /(?:[.;:,!?]["”’»)]*(?:\s\d{1,2})?|;\s+(?:and|y|et|e))$/.test(text.trim());
}

/** "57th plenary meeting", the line that closes a UN General Assembly resolution. */
export function isMeetingLine(line: string): boolean {
  return /^\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting$/i.test(line.trim());
}

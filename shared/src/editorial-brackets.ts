/**
 * Square brackets that are not proposals. Real resolutions use them inside quotations ("[o]ur new
 * concept", "[e]xtreme poverty") and around references ("[CP/RES. 908 (1567/06)]"). In the
 * negotiation notation a bracket is a proposal only when it opens with delegations ("[CH, MEX and
 * US: …]", "[Alt 1 (BRA): …]"); every other bracket is the text's own.
 */
import { parseSponsors } from './brackets';

const ALTERNATIVE_OPENING = /^\s*alt\s+\d+\s*\([^()]*\)\s*:/i;

/** Whether the inside of a bracket opens the way a proposal does: delegation codes, or "Alt n (…)", then a colon. */
export function isProposalBracket(inner: string): boolean {
  if (ALTERNATIVE_OPENING.test(inner)) return true;
  const colon = inner.indexOf(':');
  return colon >= 0 && parseSponsors(inner.slice(0, colon)) !== null;
}

/** Index of the "]" closing the "[" at `open`, or -1 when another "[" or a backslash comes first. */
function simpleClose(s: string, open: number): number {
  for (let j = open + 1; j < s.length; j++) {
    const c = s[j];
    if (c === ']') return j;
    if (c === '[' || c === '\\') return -1;
  }
  return -1;
}

/**
 * Escapes every closed bracket that names no delegation, so the bracket notation reads it as the
 * text's own words: "“[o]ur new concept”" becomes "“\[o\]ur new concept”". Escapes already
 * written, proposals and unclosed brackets are left for the notation's parser to read (or report).
 */
export function escapeEditorialBrackets(text: string): { text: string; escaped: number } {
  let out = '';
  let escaped = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === '[') {
      const close = simpleClose(text, i);
      const inner = close < 0 ? null : text.slice(i + 1, close);
      if (inner !== null && !isProposalBracket(inner)) {
        out += `\\[${inner}\\]`;
        escaped++;
        i = close;
        continue;
      }
    }
    out += c;
  }
  return { text: out, escaped };
}

/**
 * How a printer that people read (the compilation in DOCX, PDF, HTML, Markdown, plain text) should
 * write a text segment: its own brackets bare ("[o]ur"), escaping only what would otherwise read
 * back as notation: a bracket that opens like a proposal, a stray "[" or "]", and a backslash.
 * The importer reads the result back to the same text (`escapeEditorialBrackets`), so a printed
 * compilation round-trips without showing "\[o\]ur" to its readers.
 */
export function printEditorialText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\') {
      out += '\\\\';
    } else if (c === '[') {
      const close = simpleClose(text, i);
      const inner = close < 0 ? null : text.slice(i + 1, close);
      if (inner !== null && !isProposalBracket(inner)) {
        out += `[${inner}]`;
        i = close;
      } else {
        out += '\\[';
      }
    } else if (c === ']') {
      out += '\\]';
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * Text that deceives has no place in a negotiated legal text. Bidirectional controls can reorder
 * what a reader sees against what is stored ("Trojan Source", CVE-2021-42574), zero-width
 * characters hide differences between two texts that look identical, C0/C1 controls break
 * downstream tools (and NUL cannot be stored at all), and an unpaired UTF-16 surrogate is not text.
 * Every text that enters — over REST or through the live editor — is checked here, in one place.
 *
 * The committee's languages (English, Spanish, French, Portuguese) need none of these characters.
 * One exception: U+200D ZERO WIDTH JOINER between two emoji, where it forms one emoji (👩‍⚖️).
 * U+FFFD REPLACEMENT CHARACTER is refused too: it is what a character broken in transit becomes.
 */

export interface UnsafeCharacter {
  /** "U+202E" */
  codePoint: string;
  /** The Unicode name, e.g. "RIGHT-TO-LEFT OVERRIDE". */
  name: string;
  /** Offset in UTF-16 code units from the start of the text (as amendment offsets count). */
  position: number;
}

export interface TextRules {
  /** Whether line feeds and carriage returns are allowed (multi-line fields such as paragraphs and notes). */
  newlines?: boolean;
  /** Whether tabs are allowed. */
  tabs?: boolean;
}

const C0_NAMES = [
  'NULL', 'START OF HEADING', 'START OF TEXT', 'END OF TEXT', 'END OF TRANSMISSION', 'ENQUIRY', 'ACKNOWLEDGE', 'BELL',
  'BACKSPACE', 'CHARACTER TABULATION', 'LINE FEED', 'LINE TABULATION', 'FORM FEED', 'CARRIAGE RETURN', 'SHIFT OUT', 'SHIFT IN',
  'DATA LINK ESCAPE', 'DEVICE CONTROL ONE', 'DEVICE CONTROL TWO', 'DEVICE CONTROL THREE', 'DEVICE CONTROL FOUR', 'NEGATIVE ACKNOWLEDGE', 'SYNCHRONOUS IDLE', 'END OF TRANSMISSION BLOCK',
  'CANCEL', 'END OF MEDIUM', 'SUBSTITUTE', 'ESCAPE', 'INFORMATION SEPARATOR FOUR', 'INFORMATION SEPARATOR THREE', 'INFORMATION SEPARATOR TWO', 'INFORMATION SEPARATOR ONE',
] as const;

const C1_NAMES = [
  'PADDING CHARACTER', 'HIGH OCTET PRESET', 'BREAK PERMITTED HERE', 'NO BREAK HERE', 'INDEX', 'NEXT LINE', 'START OF SELECTED AREA', 'END OF SELECTED AREA',
  'CHARACTER TABULATION SET', 'CHARACTER TABULATION WITH JUSTIFICATION', 'LINE TABULATION SET', 'PARTIAL LINE FORWARD', 'PARTIAL LINE BACKWARD', 'REVERSE LINE FEED', 'SINGLE SHIFT TWO', 'SINGLE SHIFT THREE',
  'DEVICE CONTROL STRING', 'PRIVATE USE ONE', 'PRIVATE USE TWO', 'SET TRANSMIT STATE', 'CANCEL CHARACTER', 'MESSAGE WAITING', 'START OF GUARDED AREA', 'END OF GUARDED AREA',
  'START OF STRING', 'SINGLE GRAPHIC CHARACTER INTRODUCER', 'SINGLE CHARACTER INTRODUCER', 'CONTROL SEQUENCE INTRODUCER', 'STRING TERMINATOR', 'OPERATING SYSTEM COMMAND', 'PRIVACY MESSAGE', 'APPLICATION PROGRAM COMMAND',
] as const;

/** Invisible characters that format or reorder text, refused wherever text enters. */
export const REFUSED_FORMAT_CHARACTERS: ReadonlyMap<number, string> = new Map([
  [0x061c, 'ARABIC LETTER MARK'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)'],
  // What a broken character becomes (an editor splitting an emoji writes two of them): never meant, always a loss.
  [0xfffd, 'REPLACEMENT CHARACTER'],
]);

const ZWJ = 0x200d;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** What may sit between an emoji and a joiner: variation selector 16 and skin tones. */
const isEmojiModifier = (cp: number): boolean => cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff);

export const codePointLabel = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function nameOf(cp: number): string | null {
  if (cp < 0x20) return C0_NAMES[cp]!;
  if (cp === 0x7f) return 'DELETE';
  if (cp >= 0x80 && cp <= 0x9f) return C1_NAMES[cp - 0x80]!;
  return REFUSED_FORMAT_CHARACTERS.get(cp) ?? null;
}

/** A joiner that forms one emoji out of two (👩 ZWJ ⚖️) is part of that emoji, not a hidden character. */
function isEmojiJoiner(text: string, i: number): boolean {
  let before = i;
  let prev: string | undefined;
  while (before > 0) {
    const cp = text.codePointAt(before - 1)!;
    const start = cp >= 0xdc00 && cp <= 0xdfff && before >= 2 ? before - 2 : before - 1;
    const prevCp = text.codePointAt(start)!;
    prev = String.fromCodePoint(prevCp);
    if (!isEmojiModifier(prevCp)) break;
    before = start;
  }
  const next = text.codePointAt(i + 1);
  return prev !== undefined && PICTOGRAPHIC.test(prev) && next !== undefined && PICTOGRAPHIC.test(String.fromCodePoint(next));
}

/** The first character `text` may not contain under `rules`, or null when it is clean. */
export function findUnsafeCharacter(text: string, rules: TextRules = {}): UnsafeCharacter | null {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        i += 1; // a valid pair: an astral character, never in the refused ranges
        continue;
      }
      return { codePoint: codePointLabel(unit), name: 'UNPAIRED HIGH SURROGATE (not a character: the text is not valid UTF-16)', position: i };
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      return { codePoint: codePointLabel(unit), name: 'UNPAIRED LOW SURROGATE (not a character: the text is not valid UTF-16)', position: i };
    }
    if ((unit === 0x0a || unit === 0x0d) && rules.newlines === true) continue;
    if (unit === 0x09 && rules.tabs === true) continue;
    const name = nameOf(unit);
    if (name === null) continue;
    if (unit === ZWJ && isEmojiJoiner(text, i)) continue;
    return { codePoint: codePointLabel(unit), name, position: i };
  }
  return null;
}

/** "contains U+202E RIGHT-TO-LEFT OVERRIDE at position 12": the sentence validation errors carry. */
export function describeUnsafeCharacter(u: UnsafeCharacter): string {
  const why = u.name.startsWith('UNPAIRED')
    ? 'send the text as valid UTF-8'
    : 'invisible and control characters can hide or reorder words, so remove it';
  return `contains ${u.codePoint} ${u.name} at position ${u.position} (counting from 0); ${why}`;
}

let segmenter: Intl.Segmenter | null = null;

/**
 * Characters of the grapheme break class "Other" that take part in no rule of UAX #29 keeping two
 * characters together when they stand on either side of an offset: printable ASCII, Latin-1's
 * letters and signs, Latin Extended-A and -B, and the general punctuation of typeset text (dashes,
 * curly quotes, ellipsis). Between two of them there is always a boundary, so the check the server
 * makes of every live update (and the amendments API of every amendment) needs no segmentation for
 * the words of a resolution in English, Spanish, French or Portuguese. Everything else (combining marks, joiners, emoji,
 * Hangul, Indic scripts, regional indicators) goes to `Intl.Segmenter`; text-hygiene.spec.ts checks
 * every pair of these against it.
 */
export function isPlainCharacter(unit: number): boolean {
  return (unit >= 0x20 && unit <= 0x7e) || (unit >= 0xa0 && unit <= 0x24f) || (unit >= 0x2010 && unit <= 0x2027);
}

/**
 * Whether `offset` falls between two user-perceived characters of `text`: not inside a surrogate
 * pair, not between a letter and its combining accent, not inside an emoji sequence or flag.
 */
export function isCharacterBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  if (isPlainCharacter(text.charCodeAt(offset - 1)) && isPlainCharacter(text.charCodeAt(offset))) return true;
  segmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  // Only the characters around the offset matter; segment a window that surely holds them.
  const from = Math.max(0, offset - 64);
  const window = text.slice(from, Math.min(text.length, offset + 64));
  for (const s of segmenter.segment(window)) {
    const at = from + s.index;
    if (at === offset) return true;
    if (at > offset) return false;
    if (at + s.segment.length > offset) return false;
  }
  return true;
}

/** Whether `inserted` would fuse with the character before it (it starts with a combining mark, a joiner or a modifier). */
export function startsInsideCharacter(inserted: string): boolean {
  return inserted.length > 0 && !isCharacterBoundary(`a${inserted}`, 1);
}

/**
 * Why an amendment of `base` from `start` to `end` (UTF-16 offsets) proposing `text` would split a
 * character, or null when it does not.
 */
export function characterSplitProblem(base: string, start: number, end: number, text: string): string | null {
  for (const [offset, what] of [
    [start, 'start'],
    [end, 'end'],
  ] as const) {
    if (!isCharacterBoundary(base, offset)) {
      return `its ${what} (position ${offset}) falls inside the character "${characterAround(base, offset)}"; place it before or after the whole character`;
    }
  }
  if (startsInsideCharacter(text)) {
    const cp = text.codePointAt(0)!;
    return `its text starts with ${codePointLabel(cp)}, which would join the character before it; begin with a full character`;
  }
  return null;
}

function characterAround(text: string, offset: number): string {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  for (const s of segmenter.segment(text)) if (s.index < offset && s.index + s.segment.length > offset) return s.segment;
  return text.slice(Math.max(0, offset - 1), offset + 1);
}

/** The live editor's check of a paragraph after an edit: its words and every bracket's, and where each bracket sits. */
export function paragraphTextProblem<B extends { start: number; end: number; text: string; words?: string }>(
  base: string,
  brackets: readonly B[],
  /** Which brackets' edges to examine for a split character (the costly part); every one by default. */
  edgesOf: (bracket: B) => boolean = () => true,
): string | null {
  const inBase = findUnsafeCharacter(base, { newlines: true, tabs: true });
  if (inBase !== null) return `the text ${describeUnsafeCharacter(inBase)}`;
  for (const b of brackets) {
    const inBracket = findUnsafeCharacter(b.text, { newlines: true, tabs: true });
    if (inBracket !== null) return `a bracket's text ${describeUnsafeCharacter(inBracket)}`;
    const split = edgesOf(b) ? characterSplitProblem(base, b.start, b.end, b.text) : null;
    if (split !== null) return `a bracket splits a character: ${split}`;
  }
  return null;
}

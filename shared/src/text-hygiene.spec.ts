import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDraftRequest, createParagraphRequest, loginRequest } from './api-schemas';
import {
  characterSplitProblem,
  describeUnsafeCharacter,
  findUnsafeCharacter,
  isCharacterBoundary,
  isPlainCharacter,
  paragraphTextProblem,
  REFUSED_FORMAT_CHARACTERS,
} from './text-hygiene';
import { breakSilenceRequest, createMeetingRequest } from './workflow-schemas';

describe('findUnsafeCharacter', () => {
  it.each([
    ['\u202E', 'U+202E', 'RIGHT-TO-LEFT OVERRIDE'],
    ['\u202A', 'U+202A', 'LEFT-TO-RIGHT EMBEDDING'],
    ['\u2066', 'U+2066', 'LEFT-TO-RIGHT ISOLATE'],
    ['\u2069', 'U+2069', 'POP DIRECTIONAL ISOLATE'],
    ['\u200E', 'U+200E', 'LEFT-TO-RIGHT MARK'],
    ['\u200F', 'U+200F', 'RIGHT-TO-LEFT MARK'],
    ['\u061C', 'U+061C', 'ARABIC LETTER MARK'],
    ['\u200B', 'U+200B', 'ZERO WIDTH SPACE'],
    ['\u200C', 'U+200C', 'ZERO WIDTH NON-JOINER'],
    ['\u200D', 'U+200D', 'ZERO WIDTH JOINER'],
    ['\u2060', 'U+2060', 'WORD JOINER'],
    ['\uFEFF', 'U+FEFF', 'ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)'],
    ['\u0000', 'U+0000', 'NULL'],
    ['\u001B', 'U+001B', 'ESCAPE'],
    ['\u007F', 'U+007F', 'DELETE'],
    ['\u0085', 'U+0085', 'NEXT LINE'],
    ['\u009B', 'U+009B', 'CONTROL SEQUENCE INTRODUCER'],
    ['\uD83D', 'U+D83D', 'UNPAIRED HIGH SURROGATE (not a character: the text is not valid UTF-16)'],
    ['\uDE00', 'U+DE00', 'UNPAIRED LOW SURROGATE (not a character: the text is not valid UTF-16)'],
  ])('refuses %j as %s %s, naming its position', (ch, codePoint, name) => {
    expect(findUnsafeCharacter(`Calls upon ${ch}States`, { newlines: true, tabs: true })).toEqual({ codePoint, name, position: 11 });
  });

  it('names every refused format character', () => {
    for (const [cp, name] of REFUSED_FORMAT_CHARACTERS) {
      expect(findUnsafeCharacter(`a${String.fromCodePoint(cp)}`)).toMatchObject({ name, position: 1 });
    }
  });

  it('lets tab and newline through only where the field allows them', () => {
    expect(findUnsafeCharacter('one\ntwo\r\n\tthree', { newlines: true, tabs: true })).toBeNull();
    expect(findUnsafeCharacter('one\ntwo')).toMatchObject({ codePoint: 'U+000A', name: 'LINE FEED', position: 3 });
    expect(findUnsafeCharacter('one\ttwo', { newlines: true })).toMatchObject({ codePoint: 'U+0009', name: 'CHARACTER TABULATION' });
  });

  it('accepts the committee\'s languages, typography and emoji, including emoji joined by a ZWJ', () => {
    const ok = [
      'Reafirma la importancia de la cooperación hemisférica — «Convención Interamericana contra el Terrorismo».',
      'Réaffirme l’engagement des États membres ; São Tomé; naïve façade',
      'non\u00A0breaking space and soft\u00ADhyphen',
      'Emoji 😀, flags 🇲🇽🇨🇦, skin tone 👍🏽, a judge 👩‍⚖️ and a family 👨‍👩‍👧',
    ];
    for (const text of ok) expect(findUnsafeCharacter(text)).toBeNull();
  });

  it('refuses a joiner that joins no emoji', () => {
    expect(findUnsafeCharacter('a\u200Db')).toMatchObject({ codePoint: 'U+200D', position: 1 });
    expect(findUnsafeCharacter('😀\u200D')).toMatchObject({ codePoint: 'U+200D', position: 2 });
  });

  it('says what to do', () => {
    expect(describeUnsafeCharacter({ codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE', position: 4 })).toBe(
      'contains U+202E RIGHT-TO-LEFT OVERRIDE at position 4 (counting from 0); invisible and control characters can hide or reorder words, so remove it',
    );
  });
});

describe('character boundaries', () => {
  it('knows where a character ends', () => {
    const text = 'e\u0301t😀x👩‍⚖️y🇲🇽';
    // e + combining acute (0–2), t (2), 😀 (3–5), x (5), 👩‍⚖️ (6–11), y (11), 🇲🇽 (12–16)
    expect([0, 2, 3, 5, 6, 11, 12, 16].every((o) => isCharacterBoundary(text, o))).toBe(true);
    expect([1, 4, 7, 8, 9, 10, 13, 14, 15].some((o) => isCharacterBoundary(text, o))).toBe(false);
  });

  it('needs no segmentation between two plain characters, and agrees with the segmenter there', () => {
    const plain: string[] = [];
    for (let u = 0; u <= 0xffff; u += 1) if (isPlainCharacter(u)) plain.push(String.fromCharCode(u));
    expect(plain.length).toBeGreaterThan(500);
    const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
    const boundaryAt = (text: string, offset: number) => [...segmenter.segment(text)].some((s) => s.index === offset);
    // Every ordered pair of plain characters is split by the segmenter itself: each string holds
    // one character beside every other on both sides, and has as many segments as characters.
    const joined = plain.filter((a) => {
      const text = plain.map((b) => a + b).join('');
      return [...segmenter.segment(text)].length !== text.length;
    });
    expect(joined).toEqual([]);
    // Whatever stands before or after them (joiners, regional indicators, marks, emoji, Hangul,
    // prepended signs, Indic conjuncts, CR) does not join them either.
    const around = ['\u200d', '\u{1F1F2}', '\u0301', '😀', '👩\u200d', '\u1100', '\u0600', '\u0915\u094d', '\r', '\ufe0f'];
    const misses: string[] = [];
    for (const side of around) {
      for (const a of plain) {
        for (const [text, offset] of [
          [side + a + 'x', side.length + 1],
          [side + 'x' + a, side.length + 1],
          [a + 'x' + side, 1],
          ['x' + a + side, 1],
        ] as const) {
          if (!boundaryAt(text, offset) || !isCharacterBoundary(text, offset)) misses.push(JSON.stringify(text));
        }
      }
    }
    expect(misses).toEqual([]);
    // A plain letter before a combining mark, a joiner or a skin tone is not a boundary: those go to the segmenter.
    expect(isCharacterBoundary('e\u0301', 1)).toBe(false);
    expect(isCharacterBoundary('a\u200d', 1)).toBe(false);
    expect(isCharacterBoundary('👍🏽', 2)).toBe(false);
  });

  it('agrees with the segmenter at every offset of real OAS and UN resolutions in the four languages', () => {
    const corpus = path.join(__dirname, '../../test/fixtures/resolutions');
    const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
    const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt'));
    expect(files.some((f) => f.includes('-es-')) && files.some((f) => f.includes('-fr-')) && files.some((f) => f.includes('-pt-'))).toBe(true);
    let offsets = 0;
    let plain = 0;
    const wrong: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(corpus, file), 'utf8');
      const boundaries = new Set([...segmenter.segment(text)].map((s) => s.index));
      for (let o = 1; o < text.length; o += 1) {
        offsets += 1;
        if (isPlainCharacter(text.charCodeAt(o - 1)) && isPlainCharacter(text.charCodeAt(o))) plain += 1;
        if (isCharacterBoundary(text, o) !== boundaries.has(o)) wrong.push(`${file}@${o}`);
      }
    }
    expect(wrong).toEqual([]);
    // Nearly every offset of a resolution's words is answered without segmenting (the rest are line ends).
    expect(plain / offsets).toBeGreaterThan(0.95);
  });

  it('refuses an amendment that would split a character, or start with a combining mark', () => {
    const base = 'Café 👩‍⚖️ cooperation';
    expect(characterSplitProblem(base, 0, 4, 'Tea')).toBeNull();
    expect(characterSplitProblem(base, 7, 7, 'x')).toMatch(/start \(position 7\) falls inside the character "👩‍⚖️"/);
    expect(characterSplitProblem(base, 5, 8, 'x')).toMatch(/end \(position 8\) falls inside/);
    expect(characterSplitProblem(base, 3, 3, '\u0301')).toMatch(/starts with U\+0301, which would join the character before it/);
  });

  it('judges a live paragraph by its words, its brackets and where they sit', () => {
    const base = 'Urges 👍🏽 all';
    expect(paragraphTextProblem(base, [{ start: 6, end: 6, text: 'now ' }])).toBeNull();
    expect(paragraphTextProblem(base, [{ start: 8, end: 8, text: 'x' }])).toMatch(/a bracket splits a character/);
    expect(paragraphTextProblem('Urges\u202E all', [])).toMatch(/the text contains U\+202E/);
    expect(paragraphTextProblem(base, [{ start: 0, end: 0, text: 'x\u200By' }])).toMatch(/a bracket's text contains U\+200B ZERO WIDTH SPACE at position 1/);
  });
});

describe('the request schemas', () => {
  it('refuse a hidden character in every kind of field, before trimming, with the character in the issue', () => {
    const title = createDraftRequest.safeParse({ title: ' Draft\u202Eevil', symbol: 'CP/1' });
    expect(title.success).toBe(false);
    const issue = title.error!.issues[0]!;
    expect(issue.path).toEqual(['title']);
    expect(issue.message).toMatch(/^contains U\+202E RIGHT-TO-LEFT OVERRIDE at position 6/);
    expect((issue as { params?: unknown }).params).toEqual({ character: { codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE', position: 6 } });
    expect(loginRequest.safeParse({ username: 'mex\u0000', password: 'x' }).success).toBe(false);
    expect(createParagraphRequest.safeParse({ sectionId: '6f1c1f5e-1b7c-4f5e-9a51-0a4a4f3f7a11', kind: 'preambular', text: 'A\uD800' }).success).toBe(false);
    expect(breakSilenceRequest.safeParse({ reason: 'We object\u0085' }).success).toBe(false);
    expect(breakSilenceRequest.safeParse({ reason: 'We object.\nFirst, …' }).success).toBe(true);
    const meeting = { kind: 'regular', start: '2022-08-01T10:00:00-04:00', end: '2022-08-01T12:00:00-04:00' };
    expect(createMeetingRequest.safeParse({ ...meeting, title: 'Regular\nmeeting' }).success).toBe(false);
    expect(createMeetingRequest.safeParse({ ...meeting, title: 'Regular meeting' }).success).toBe(true);
  });
});

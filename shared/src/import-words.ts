/**
 * Words as the importer counts them, so that "no word is lost" can be checked: case, punctuation,
 * the bracket notation's escapes and spacing never make two spellings of one text differ.
 */
export function wordsOf(text: string): string[] {
  const bare = text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return bare === '' ? [] : bare.split(' ');
}

function counts(words: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** The words of `source` that `kept` does not hold, each as often as it is missing (a multiset difference). */
export function missingWords(source: readonly string[], kept: readonly string[]): string[] {
  const have = counts(kept);
  const missing: string[] = [];
  for (const w of source) {
    const n = have.get(w) ?? 0;
    if (n > 0) have.set(w, n - 1);
    else missing.push(w);
  }
  return missing;
}

/** How the source's words are accounted for by an import. */
export interface WordAccount {
  /** Words in the source. */
  source: number;
  /** Source words the import writes into the draft (paragraphs, literals, labels, sponsors). */
  stored: number;
  /** Source words not stored but shown in the preview: headings, formulas, metadata, notes, problem lines. */
  listed: number;
  /** Source words neither stored nor listed: anything here is a word the import would lose. */
  unaccounted: number;
  /** The first unaccounted words, so a person can find them. */
  unaccountedSample: string[];
}

/**
 * Accounts for every word of the source: first against what is stored, then against the lines the
 * preview lists; whatever is left over would be lost.
 */
export function accountWords(source: readonly string[], stored: readonly string[], listed: readonly string[]): WordAccount {
  const notStored = missingWords(source, stored);
  const unaccounted = missingWords(notStored, listed);
  return {
    source: source.length,
    stored: source.length - notStored.length,
    listed: notStored.length - unaccounted.length,
    unaccounted: unaccounted.length,
    unaccountedSample: unaccounted.slice(0, 20),
  };
}

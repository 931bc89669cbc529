/**
 * The shape of a redline between two states of a draft (two published versions, or a version and
 * the live draft). Computed by `redline.ts` (word-level, diff-match-patch with semantic cleanup)
 * and rendered by the client and the document exports alike.
 */
export interface WordDiff {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export type ParagraphChange = 'unchanged' | 'modified' | 'added' | 'deleted' | 'moved';

export interface ParagraphRedline {
  /** The paragraph's id: stable across versions, so moves are recognised. */
  paragraphId: string;
  change: ParagraphChange;
  sectionKeyBefore: string | null;
  sectionKeyAfter: string | null;
  labelBefore: string | null;
  labelAfter: string | null;
  /** Word-level diff of the compiled negotiation text (brackets and sponsors included). */
  diff: WordDiff[];
}

export interface RedlineSide {
  /** A version's id, or "live" for the current draft. */
  id: string;
  name: string;
  symbol: string;
}

export interface DraftRedline {
  from: RedlineSide;
  to: RedlineSide;
  /** In the document order of `to`, with deleted paragraphs where they stood in `from`. */
  paragraphs: ParagraphRedline[];
  summary: Record<ParagraphChange, number>;
}

export interface Selection {
  /** Where the selection started (stays put while Shift+arrows extend it). */
  anchor: number;
  /** Where it ends now (moves with the keys). */
  focus: number;
}

const WORD = /[\p{L}\p{N}'’-]/u;

/** The next word boundary after (dir 1) or before (dir -1) `at`: the end or the start of a word. */
export function wordBoundary(text: string, at: number, dir: 1 | -1): number {
  let i = at;
  if (dir === 1) {
    while (i < text.length && !WORD.test(text[i]!)) i++;
    while (i < text.length && WORD.test(text[i]!)) i++;
  } else {
    while (i > 0 && !WORD.test(text[i - 1]!)) i--;
    while (i > 0 && WORD.test(text[i - 1]!)) i--;
  }
  return i;
}

/**
 * How a key moves the selection in a read-only text, the way an editor does: arrows by character,
 * with Ctrl (or Alt, on a Mac) by word, Home/End to the ends; Shift extends from the anchor,
 * without Shift the selection collapses. Null for a key that does not move it.
 */
export function moveSelection(
  text: string,
  sel: Selection,
  key: { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean },
): Selection | null {
  const byWord = key.ctrlKey || key.altKey;
  let to: number;
  switch (key.key) {
    case 'ArrowRight':
      to = key.metaKey ? text.length : byWord ? wordBoundary(text, sel.focus, 1) : Math.min(text.length, sel.focus + 1);
      break;
    case 'ArrowLeft':
      to = key.metaKey ? 0 : byWord ? wordBoundary(text, sel.focus, -1) : Math.max(0, sel.focus - 1);
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = text.length;
      break;
    default:
      return null;
  }
  return key.shiftKey ? { anchor: sel.anchor, focus: to } : { anchor: to, focus: to };
}

import type { DraftView } from '@omnibus/shared';

/**
 * From how many brackets on the page the room stops laying out and painting the paragraph cards
 * that are off screen (`content-visibility: auto`, class `lazy-cards` on the draft). Each bracket
 * is some twenty elements; with thousands of them, every frame's layout and pre-paint of the
 * cards the others' typing changes cost more than a keystroke's own work (`docs/realtime.md`,
 * "The room in a browser"). A card off screen keeps its words in the page (find in page, copying,
 * screen readers, links to it), but by the CSS rules its `innerText` is empty until it nears the
 * viewport, which is why drafts below this are drawn in full as before.
 */
export const LAZY_CARDS_FROM_BRACKETS = 500;

/** How many brackets the draft's paragraphs open, as their cards draw them. */
export function bracketsIn(draft: DraftView): number {
  let n = 0;
  for (const s of draft.sections) {
    for (const p of s.paragraphs) {
      for (let i = p.compiled.indexOf('['); i !== -1; i = p.compiled.indexOf('[', i + 1)) n++;
    }
  }
  return n;
}

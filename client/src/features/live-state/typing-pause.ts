/**
 * While the person types in the co-editor, redrawing the rest of the draft (the other paragraphs'
 * new words, re-read once a second while people co-edit) waits for the pause after a keystroke is
 * shown: a hundred changed paragraphs take a layout and a paint of tens of milliseconds, which
 * would otherwise land on whatever keystroke comes next. The wait is short (keystrokes come every
 * few hundred milliseconds) and bounded.
 */

/** A keystroke less than this long ago: the person is typing. Also the longest a redraw waits. */
export const TYPING_WINDOW_MS = 1000;

let lastKeystroke = -Infinity;
let waiting: (() => void)[] = [];
let fallback: ReturnType<typeof setTimeout> | null = null;
let pauseScheduled = false;

function runWaiting(): void {
  if (fallback !== null) clearTimeout(fallback);
  fallback = null;
  pauseScheduled = false;
  const run = waiting;
  waiting = [];
  for (const fn of run) fn();
}

/**
 * Right after the frame that shows the keystroke: the longest time before the next one. (Waiting
 * for the browser to be idle instead let the redraw drift towards the next keystroke while other
 * people's changes kept arriving.)
 */
function afterThisFrame(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function') setTimeout(fn, 0);
  else requestAnimationFrame(() => setTimeout(fn, 0));
}

/** The co-editor applied a keystroke of this person's. */
export function keystrokeTyped(): void {
  lastKeystroke = performance.now();
  if (waiting.length > 0 && !pauseScheduled) {
    pauseScheduled = true;
    afterThisFrame(runWaiting);
  }
}

/**
 * Runs `fn` at once when the person is not typing, else in the pause after their next keystroke is
 * shown, and at the latest `TYPING_WINDOW_MS` from now. Functions run in the order they came.
 */
export function inTypingPause(fn: () => void): void {
  if (waiting.length === 0 && performance.now() - lastKeystroke > TYPING_WINDOW_MS) {
    fn();
    return;
  }
  waiting.push(fn);
  fallback ??= setTimeout(runWaiting, TYPING_WINDOW_MS);
}

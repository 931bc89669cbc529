/**
 * What the benchmark measures inside the page. `installProbes` runs in the browser before the
 * room's own scripts (an init script), so it may use nothing of this module but its argument.
 * Every time is the page's `performance.now()`: milliseconds since the navigation started.
 */

/**
 * The keystrokes typed into the watched editor, one column per measure (index i is the i-th
 * keystroke): plain arrays of numbers, so that measuring 3,000 keystrokes adds ~70 kB to the heap
 * the benchmark measures, where an object per keystroke and per slow event added ~0.7 MB.
 */
export interface KeySamples {
  /** From the keydown's own time stamp (when the browser received the key) until the editor's first keydown listener ran (time spent waiting behind other tasks). */
  queued: number[];
  /** From there until the editor's text changed. */
  shown: number[];
  /** From there until the frame showing it was painted (the task after that frame's animation callbacks). */
  paint: number[];
}

export interface Probe {
  /** When the frame holding every expected paragraph was painted. */
  allShown: number | null;
  /** The first paragraph, whose "Co-edit text" the probe clicks once every paragraph is painted. */
  paragraphId: string | null;
  /** When it clicked. */
  clicked: number | null;
  /** When the frame showing that paragraph's editor synced and editable was painted (the caret is then at its end). */
  editorReady: number | null;
  /** When the first keystroke into the watched editor was painted. */
  firstKey: number | null;
  keys: KeySamples;
  /** Keydowns in the watched editor (keys that never changed its text are the difference). */
  keydowns: number;
  /** The durations of the keydowns the Event Timing API reports at 16 ms or more (they come in 8 ms steps). */
  slowKeydowns: number[];
  /** The durations of the long tasks. */
  longTasks: number[];
  /** Starts timing keystrokes into the editor `selector` names. */
  watchEditor(selector: string): void;
  /** Forgets what was measured so far (the end of a warm-up). */
  reset(): void;
}

declare global {
  interface Window {
    /** Set by `installProbes`; page functions reach the probe here (they cannot call into this module). */
    __benchProbe: Probe;
  }
}

/**
 * Watches the room; once every paragraph is painted it opens the first paragraph's co-editor at
 * once (as fast as a person could, without the automation's round trips), and once that editor is
 * synced and editable puts the caret at its end and starts timing keystrokes into it.
 */
export function installProbes(expectedParagraphs: number): void {
  const afterPaint = (then: (t: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(null);
    });
  const noKeys = (): KeySamples => ({ queued: [], shown: [], paint: [] });
  const probe: Probe = {
    allShown: null,
    paragraphId: null,
    clicked: null,
    editorReady: null,
    firstKey: null,
    keys: noKeys(),
    keydowns: 0,
    slowKeydowns: [],
    longTasks: [],
    watchEditor(selector) {
      const editor = document.querySelector(selector);
      if (!editor) throw new Error(`no editor at ${selector}`);
      let pending: { at: number; handled: number; length: number } | null = null;
      editor.addEventListener(
        'keydown',
        (e) => {
          probe.keydowns++;
          pending = { at: e.timeStamp, handled: performance.now(), length: editor.textContent?.length ?? 0 };
        },
        true,
      );
      new MutationObserver(() => {
        const p = pending;
        if (!p || (editor.textContent?.length ?? 0) === p.length) return;
        pending = null;
        const shown = performance.now();
        afterPaint((t) => {
          probe.keys.queued.push(p.handled - p.at);
          probe.keys.shown.push(shown - p.at);
          probe.keys.paint.push(t - p.at);
          probe.firstKey ??= t;
        });
      }).observe(editor, { subtree: true, childList: true, characterData: true });
    },
    reset() {
      probe.keys = noKeys();
      probe.keydowns = 0;
      probe.slowKeydowns = [];
      probe.longTasks = [];
    },
  };
  window.__benchProbe = probe;
  const editor = new MutationObserver(() => {
    const selector = `#paragraph-${probe.paragraphId} [data-collab-status="synced"] .collab-editor[contenteditable="true"]`;
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) return;
    editor.disconnect();
    el.focus();
    const caret = document.createRange();
    caret.selectNodeContents(el);
    caret.collapse(false);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(caret);
    probe.watchEditor(selector);
    afterPaint((t) => (probe.editorReady = t));
  });
  const room = new MutationObserver(() => {
    if (document.querySelectorAll('article.paragraph').length < expectedParagraphs) return;
    room.disconnect();
    afterPaint((t) => {
      probe.allShown = t;
      const card = document.querySelector('article.paragraph');
      probe.paragraphId = card?.id.replace(/^paragraph-/, '') ?? null;
      editor.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-collab-status', 'contenteditable'] });
      const open = card?.querySelector<HTMLButtonElement>('.paragraph-actions button[aria-pressed]');
      probe.clicked = performance.now();
      open?.click();
    });
  });
  room.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'keydown') probe.slowKeydowns.push(e.duration);
    }
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
}

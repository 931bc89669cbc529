import { useEffect } from 'react';

const TYPING = 'input, textarea, select, [contenteditable="true"], [contenteditable=""]';

type Step = { what: 'paragraph' | 'section'; dir: 1 | -1 };

/** j/k or Alt+↓/↑ move by paragraph, ]/[ or Alt+PageDown/PageUp by section; null for any other key. */
export function stepFor(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): Step | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (e.altKey) {
    if (e.key === 'ArrowDown') return { what: 'paragraph', dir: 1 };
    if (e.key === 'ArrowUp') return { what: 'paragraph', dir: -1 };
    if (e.key === 'PageDown') return { what: 'section', dir: 1 };
    if (e.key === 'PageUp') return { what: 'section', dir: -1 };
    return null;
  }
  if (e.shiftKey) return null;
  if (e.key === 'j') return { what: 'paragraph', dir: 1 };
  if (e.key === 'k') return { what: 'paragraph', dir: -1 };
  if (e.key === ']') return { what: 'section', dir: 1 };
  if (e.key === '[') return { what: 'section', dir: -1 };
  return null;
}

/** Where a step lands: after (or before) the one holding the focus, else from the first whose top is on screen. */
function targetIndex(items: HTMLElement[], dir: 1 | -1): number {
  const active = document.activeElement;
  const holding = items.findIndex((el) => el === active || (active !== null && el.contains(active)));
  if (holding >= 0) return holding + dir;
  const below = items.findIndex((el) => el.getBoundingClientRect().top >= 0);
  if (below < 0) return items.length - 1;
  return dir === 1 ? below : below - 1;
}

/**
 * Keys to move through the draft without a mouse: focus lands on the paragraph (or section) itself,
 * which a screen reader reads by its heading, and scrolls into view below the sticky bars.
 */
export function useDraftKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const step = stepFor(e);
      if (!step || e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest(TYPING)) return;
      const selector = step.what === 'paragraph' ? 'main#draft-main article.paragraph' : 'main#draft-main section.draft-section';
      const items = [...document.querySelectorAll<HTMLElement>(selector)];
      if (items.length === 0) return;
      const target = items[Math.max(0, Math.min(items.length - 1, targetIndex(items, step.dir)))];
      if (!target) return;
      e.preventDefault();
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'start' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}

import { useEffect, useRef, type RefObject } from 'react';

/**
 * Puts focus back on the control that opened a panel once the panel closes (by its own button,
 * Cancel, a submit or Escape), instead of letting it fall to the top of the page. Focus that
 * already moved somewhere else on purpose is left alone.
 */
export function useReturnFocus(closed: boolean, within: RefObject<HTMLElement | null>): { remember: () => void } {
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!closed || !opener.current) return;
    const el = opener.current;
    opener.current = null;
    const active = document.activeElement;
    const lost = active === null || active === document.body || !active.isConnected || (within.current?.contains(active) ?? false);
    if (lost && el.isConnected) el.focus();
  }, [closed, within]);
  return {
    remember: () => {
      if (document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
    },
  };
}

import { useEffect, useState } from 'react';

const KEY = 'omnibus.projector';

/** Projector view is a per-screen preference, so it lives in localStorage, not in the session. */
export function useProjector(): [boolean, () => void] {
  const [on, setOn] = useState(() => localStorage.getItem(KEY) === '1');
  useEffect(() => {
    document.documentElement.classList.toggle('projector', on);
    localStorage.setItem(KEY, on ? '1' : '0');
  }, [on]);
  return [on, () => setOn((v) => !v)];
}

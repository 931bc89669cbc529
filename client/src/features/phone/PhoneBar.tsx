import { useEffect } from 'react';
import { useT } from '../../i18n';

export type Drawer = 'outline' | 'session' | null;

/**
 * On a phone the outline and the session panel are drawers, each one tap away from a bar at the
 * bottom of the screen (hidden on wider screens by the style sheet). Escape, the same button or
 * following an outline link closes the drawer.
 */
export function PhoneBar({ drawer, onChange, session }: { drawer: Drawer; onChange: (d: Drawer) => void; session: boolean }) {
  const t = useT('phone');
  useEffect(() => {
    if (drawer === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onChange(null);
    };
    const onClick = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('.outline a')) onChange(null);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [drawer, onChange]);
  const toggle = (d: Exclude<Drawer, null>) => onChange(drawer === d ? null : d);
  return (
    <nav className="phone-bar" aria-label={t('bar')}>
      <button type="button" aria-expanded={drawer === 'outline'} onClick={() => toggle('outline')}>
        {t('outline')}
      </button>
      {session && (
        <button type="button" aria-expanded={drawer === 'session'} onClick={() => toggle('session')}>
          {t('session')}
        </button>
      )}
    </nav>
  );
}

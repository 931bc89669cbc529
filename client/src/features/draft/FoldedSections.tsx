import type { SectionView } from '@omnibus/shared';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { sectionAnchor } from './Outline';
import { sectionShortName } from './names';

/**
 * Consecutive sections that hold no paragraph yet, folded into one line so the first screen shows
 * the text under negotiation rather than thirty empty headings. Opens by itself when the outline
 * (or any link) points into it.
 */
export function FoldedSections({ sections, children }: { sections: readonly SectionView[]; children: ReactNode }) {
  const t = useT('sections');
  const box = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const anchors = new Set(sections.map((s) => sectionAnchor(s)));
    const open = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!anchors.has(id) || !box.current || box.current.open) return;
      box.current.open = true;
      document.getElementById(id)?.scrollIntoView({ block: 'start' });
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [sections]);
  return (
    <details className="folded-sections" ref={box} data-folded={sections.map((s) => s.key).join(' ')}>
      <summary>{t('folded', { count: sections.length, names: sections.map((s) => sectionShortName(s)).join(' · ') })}</summary>
      {children}
    </details>
  );
}

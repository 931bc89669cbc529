import type { ParagraphView } from '@omnibus/shared';
import { useMemo } from 'react';
import { Redline } from './Redline';
import { diffWords } from '@omnibus/shared/redline';
import { amendedText } from './amended-text';
import { useT } from '../../i18n';

export function ParagraphRedline({ paragraph }: { paragraph: ParagraphView }) {
  const t = useT('redline');
  const { diff, skipped } = useMemo(() => {
    const amended = amendedText(paragraph.text, paragraph.amendments);
    return { diff: diffWords(paragraph.text, amended.text), skipped: amended.skipped };
  }, [paragraph]);
  return (
    <section className="panel paragraph-redline" aria-label={t('label', { label: paragraph.label })}>
      <h4>{t('heading', { label: paragraph.label })}</h4>
      <p className="redline-text">
        <Redline diff={diff} />
      </p>
      {skipped > 0 && (
        <p className="muted">
          {t('skipped', { count: skipped })}
        </p>
      )}
    </section>
  );
}

import type { ParagraphView } from '@omnibus/shared';
import { useMemo } from 'react';
import { Redline } from './Redline';
import { diffWords } from '@omnibus/shared/redline';
import { amendedText } from './amended-text';

export function ParagraphRedline({ paragraph }: { paragraph: ParagraphView }) {
  const { diff, skipped } = useMemo(() => {
    const amended = amendedText(paragraph.text, paragraph.amendments);
    return { diff: diffWords(paragraph.text, amended.text), skipped: amended.skipped };
  }, [paragraph]);
  return (
    <section className="panel paragraph-redline" aria-label={`Paragraph ${paragraph.label}: base text compared with amended text`}>
      <h4>Paragraph {paragraph.label}: base text → text with every open amendment agreed</h4>
      <p className="redline-text">
        <Redline diff={diff} />
      </p>
      {skipped > 0 && (
        <p className="muted">
          {skipped} amendment{skipped === 1 ? '' : 's'} overlapping an earlier one {skipped === 1 ? 'is' : 'are'} not applied here; see the list above. Alternatives are shown as Alt 1.
        </p>
      )}
    </section>
  );
}

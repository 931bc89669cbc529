import type { DraftView, ParagraphView, SectionView } from '@omnibus/shared';
import { memo, useState } from 'react';
import { useT } from '../../i18n';
import { CapMeter } from './CapMeter';
import { sectionMeters } from './draft-caps';
import { NewParagraphForm } from './NewParagraphForm';
import { sectionAnchor } from './Outline';
import { ParagraphCard } from './ParagraphCard';
import { useRoomBase } from './room-context';
import { sectionAreaTitle, sectionShortName, sectionTitle } from './names';
import { useNamesLanguage } from './useNamesLanguage';
import { useProposalWindow } from '../phase/proposal-window';

/**
 * One section of the draft. Redrawn when its own section (one of its paragraphs) or the caps
 * change, not with every change elsewhere in the draft: it reads the draft's caps as a prop and the
 * rest of the room from the part that stays put.
 */
export const SectionBlock = memo(function SectionBlock({
  section,
  paragraphs,
  filtered,
  caps,
}: {
  section: SectionView;
  paragraphs: readonly ParagraphView[];
  filtered: boolean;
  caps: DraftView['caps'];
}) {
  const { user, draftActions } = useRoomBase();
  const t = useT('draft');
  const [adding, setAdding] = useState(false);
  const meters = sectionMeters({ caps }, section);
  const lang = useNamesLanguage();
  const name = sectionShortName(section, lang);
  const area = sectionAreaTitle(section, lang);
  const headingId = `${sectionAnchor(section)}-title`;
  const last = section.paragraphs[section.paragraphs.length - 1] ?? null;
  const proposals = useProposalWindow(user);
  const shut = proposals.open ? {} : { disabled: true, 'aria-describedby': proposals.reasonId };
  // Whether this person may add paragraphs: the server's access policy says, with the draft.
  const mayAdd = draftActions?.addParagraphs === true;
  return (
    <section id={sectionAnchor(section)} className={`draft-section kind-${section.kind}`} data-section={section.key} aria-labelledby={headingId}>
      <header className="section-head">
        <div>
          {area && <p className="section-area">{area}</p>}
          <h2 id={headingId}>{section.kind === 'entity' ? `${name}: ${sectionTitle(section, lang)}` : sectionTitle(section, lang)}</h2>
        </div>
        <div className="section-meters">
          {meters.map((m) => (
            <CapMeter key={m.cap.scope} name={m.name} cap={m.cap} />
          ))}
        </div>
      </header>
      {paragraphs.map((p) => (
        <ParagraphCard key={p.id} section={section} p={p} />
      ))}
      {section.paragraphs.length === 0 && !filtered && !adding && (
        <p className="muted empty-section">
          {t('section.empty')}
          {mayAdd && (
            <button type="button" className="quiet" aria-label={t('section.proposeFirstLabel', { name })} onClick={() => setAdding(true)} {...shut}>
              {t('section.proposeFirst')}
            </button>
          )}
        </p>
      )}
      {mayAdd && !filtered && (section.paragraphs.length > 0 || adding) && (
        <div className="section-foot">
          {adding ? (
            <NewParagraphForm section={section} after={last} onClose={() => setAdding(false)} />
          ) : (
            <button type="button" className="quiet" onClick={() => setAdding(true)} {...shut}>
              {t('section.proposeAtEnd', { name })}
            </button>
          )}
        </div>
      )}
    </section>
  );
});

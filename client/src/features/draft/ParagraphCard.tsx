import type { ParagraphView, SectionView } from '@omnibus/shared';
import { Suspense, lazy, memo, useRef, useState, type ReactNode } from 'react';
import { AmendmentList } from '../amendments/AmendmentList';
import { CommentsThread } from '../comments/CommentsThread';
import { useCollabHub } from '../collab/collab-context';
import { loadCollabPane } from '../collab/load-editor';
import { BracketTool } from '../amendments/BracketTool';
import { InviteForm } from '../sponsorships/InviteForm';
import { StateBadge, StatusBadge } from './Badges';
import { CompiledText } from './CompiledText';
import { NewParagraphForm } from './NewParagraphForm';
import { LiteralsEditor } from './LiteralsEditor';
import { sectionShortName } from './names';
import { isOpen, openAmendments } from './permissions';
import { useRoomBase } from './room-context';
import { useAction } from './useAction';
import { api } from '../../api/endpoints';
import { useLiveRoom } from '../session/live-context';
import { ErrorLine } from './ErrorLine';
import { useProposalWindow } from '../phase/proposal-window';
import { HeldBy } from '../consultations/HeldBy';
import { useReturnFocus } from '../a11y/useReturnFocus';
import { ParagraphHistory } from '../history/ParagraphHistory';
import { ReservationFootnotes, ReservationForm } from '../reservations/Reservations';
import { formatSponsorList, useT } from '../../i18n';
import { useReadingText } from '../translations/reading';

// The word diff loads when first used, not with the draft; the editor (Yjs, ProseMirror) too, or
// while the draft loads for someone who may co-edit (the room preloads it).
const CollabPane = lazy(loadCollabPane);
const ParagraphRedline = lazy(() => import('../redline/ParagraphRedline').then((m) => ({ default: m.ParagraphRedline })));

function Loading() {
  const t = useT('draft');
  return <p className="muted">{t('common:loading')}</p>;
}
const loading = <Loading />;

type Panel = 'amend' | 'after' | 'redline' | 'invite' | 'comments' | 'edit' | 'literals' | 'history' | 'reserve' | null;

export const paragraphAnchor = (p: Pick<ParagraphView, 'id'>): string => `paragraph-${p.id}`;

function ParagraphBody({ p, editor }: { p: ParagraphView; editor: ReactNode }) {
  // In the reading language where it is translated; co-editing always works on the original.
  const translated = useReadingText(p);
  const reading = editor ? null : translated;
  const compiled = reading?.compiled ?? p.compiled;
  const lang = reading?.lang;
  const note = reading?.note ? <p className="muted reading-note">{reading.note}</p> : null;
  if (p.kind !== 'mandates') {
    return (
      editor ?? (
        <>
          <p className="paragraph-text" lang={lang}>
            <CompiledText compiled={compiled} />
          </p>
          {note}
        </>
      )
    );
  }
  return (
    <div className="paragraph-text mandates" lang={lang}>
      {editor ?? (
        <p className="chapeau">
          <CompiledText compiled={compiled} />
        </p>
      )}
      {note}
      <ol className="literals">
        {((reading?.literals ?? p.literals) ?? []).map((l) => (
          <li key={l.label} data-literal={l.label}>
            <span className="literal-label">{l.label}.</span> {l.text}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Redrawn when its own paragraph (or section) changes, not with every change elsewhere in the draft. */
export const ParagraphCard = memo(function ParagraphCard({ section, p }: { section: SectionView; p: ParagraphView }) {
  const { user, draftActions, reload, announce } = useRoomBase();
  const t = useT('draft');
  // What this person may do: the server's access policy says, beside each paragraph it sends.
  const may = p.actions;
  const [panel, setPanel] = useState<Panel>(null);
  const card = useRef<HTMLElement>(null);
  const opener = useReturnFocus(panel === null, card);
  const toggle = (next: Panel) => {
    opener.remember();
    setPanel((cur) => (cur === next ? null : next));
  };
  const amendments = openAmendments(p);
  const withdraw = useAction(async () => {
    const view = await api.withdrawParagraph(p.id);
    announce(t('paragraph.withdrawn', { label: view.label }));
    await reload();
  });
  const askToJoin = useAction(async () => {
    await api.askToCosponsor(p.id);
    announce(t('paragraph.askedToCosponsor', { label: p.label, sponsors: formatSponsorList(p.sponsors) }));
    await reload();
  });
  const labelId = `${paragraphAnchor(p)}-label`;
  const proposals = useProposalWindow(user);
  const shut = proposals.open ? {} : { disabled: true, 'aria-describedby': proposals.reasonId };
  const live = useLiveRoom();
  const current = live?.session?.currentParagraphId === p.id;
  const collab = useCollabHub();
  const editor =
    panel === 'edit' && collab ? (
      <Suspense fallback={loading}>
        <CollabPane hub={collab} paragraph={p} user={user} />
      </Suspense>
    ) : null;
  return (
    <article
      id={paragraphAnchor(p)}
      className={`paragraph state-${p.state} status-${p.status}${current ? ' under-consideration' : ''}`}
      aria-current={current ? 'true' : undefined}
      data-label={p.label}
      data-section={section.key}
      aria-labelledby={labelId}
      tabIndex={-1}
      ref={card}
      onKeyDown={(e) => {
        // Escape closes any panel of the card (the co-editor keeps Escape for itself).
        if (e.key === 'Escape' && panel !== null && panel !== 'edit') setPanel(null);
      }}
    >
      <header className="paragraph-head">
        <h3 id={labelId} className="paragraph-label">
          <span className="visually-hidden">{t('paragraph.srPrefix', { section: sectionShortName(section) })}</span>
          {p.label}.
        </h3>
        <StateBadge state={p.state} />
        <StatusBadge status={p.status} />
        {current && <span className="badge current-badge">{t('paragraph.underConsideration')}</span>}
        {p.kind === 'mandates' && <span className="badge kind">{t('paragraph.mandatesBadge')}</span>}
        {p.origin === 'delegation' && p.sponsors.length > 0 && (
          <span className="proposed-by">{t('paragraph.proposedBy', { sponsors: formatSponsorList(p.sponsors) })}</span>
        )}
      </header>
      <ParagraphBody p={p} editor={editor} />
      {p.invited.length > 0 && (
        <p className="invited-line">{t('paragraph.invited', { codes: formatSponsorList(p.invited) })}</p>
      )}
      {p.requested && p.requested.length > 0 && (
        <p className="invited-line requested-line">{t('paragraph.requested', { codes: formatSponsorList(p.requested) })}</p>
      )}
      {p.status === 'held' && <HeldBy p={p} />}
      {amendments.length > 0 && <AmendmentList paragraph={p} amendments={amendments} />}
      {p.status === 'approved' && <ReservationFootnotes p={p} sectionKey={section.key} />}
      <div className="paragraph-actions" role="group" aria-label={t('paragraph.actions', { label: p.label })}>
        {collab && draftActions?.coedit === true && isOpen(p) && (
          <button type="button" aria-pressed={panel === 'edit'} onClick={() => toggle('edit')}>
            {panel === 'edit' ? t('paragraph.doneEditing') : t('paragraph.coEdit')}
          </button>
        )}
        {p.kind === 'mandates' && may?.editText === true && (
          <button type="button" aria-expanded={panel === 'literals'} onClick={() => toggle('literals')}>
            {t('paragraph.editLiterals')}
          </button>
        )}
        {/* A new paragraph's sponsors change its words themselves rather than bracket them. */}
        {may?.amend === true && !may.editText && (
          <button type="button" aria-expanded={panel === 'amend'} onClick={() => toggle('amend')} {...shut}>
            {t('paragraph.proposeAmendment')}
          </button>
        )}
        {may?.askToCosponsor === true && (
          <button type="button" disabled={askToJoin.busy} onClick={() => void askToJoin.run()}>
            {t('paragraph.askToCosponsor')}
          </button>
        )}
        {draftActions?.addParagraphs === true && isOpen(p) && (
          <button type="button" aria-expanded={panel === 'after'} onClick={() => toggle('after')} {...shut}>
            {t('paragraph.newAfter', { label: p.label })}
          </button>
        )}
        {amendments.length > 0 && (
          <button type="button" aria-expanded={panel === 'redline'} onClick={() => toggle('redline')}>
            {t('paragraph.compare')}
          </button>
        )}
        <button type="button" aria-expanded={panel === 'comments'} onClick={() => toggle('comments')}>
          {t('paragraph.comments')}
        </button>
        <button type="button" aria-expanded={panel === 'history'} onClick={() => toggle('history')}>
          {t('history:open')}
        </button>
        {p.status === 'approved' && draftActions?.reserve === true && (
          <button type="button" aria-expanded={panel === 'reserve'} onClick={() => toggle('reserve')}>
            {t('reservations:open')}
          </button>
        )}
        {may?.inviteCosponsors === true && isOpen(p) && (
          <button type="button" aria-expanded={panel === 'invite'} onClick={() => toggle('invite')}>
            {t('paragraph.invite')}
          </button>
        )}
        {may?.withdraw === true && (
          <button type="button" className="danger" disabled={withdraw.busy} onClick={() => void withdraw.run()}>
            {t('paragraph.withdraw')}
          </button>
        )}
      </div>
      <ErrorLine error={withdraw.error} />
      <ErrorLine error={askToJoin.error} />
      {panel === 'literals' && <LiteralsEditor paragraph={p} onClose={() => setPanel(null)} />}
      {panel === 'amend' && <BracketTool paragraph={p} onClose={() => setPanel(null)} />}
      {panel === 'after' && <NewParagraphForm section={section} after={p} onClose={() => setPanel(null)} />}
      {panel === 'redline' && (
        <Suspense fallback={loading}>
          <ParagraphRedline paragraph={p} />
        </Suspense>
      )}
      {panel === 'comments' && <CommentsThread paragraph={p} />}
      {panel === 'history' && <ParagraphHistory p={p} sectionKey={section.key} />}
      {panel === 'reserve' && <ReservationForm p={p} sectionKey={section.key} onClose={() => setPanel(null)} />}
      {panel === 'invite' && (
        <InviteForm
          what={t('paragraph.inviteWhat', { label: p.label })}
          invite={(codes) => api.inviteToParagraph(p.id, codes)}
          onClose={() => setPanel(null)}
        />
      )}
    </article>
  );
});

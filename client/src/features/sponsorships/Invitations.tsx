import type { DraftView } from '@omnibus/shared';
import type { Invitation } from '../../api/endpoints';
import { api } from '../../api/endpoints';
import { notationOf } from '../amendments/notation';
import { Notation } from '../amendments/Notation';
import { sectionShortName } from '../draft/names';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { ErrorLine } from '../draft/ErrorLine';
import { formatSponsorList, i18n, Trans, useT } from '../../i18n';

interface Described {
  where: string;
  proposer: string;
  sponsors: readonly string[];
  notation: string;
}

function describe(draft: DraftView, inv: Invitation): Described | null {
  for (const s of draft.sections) {
    for (const p of s.paragraphs) {
      const where = { section: sectionName(s), label: p.label };
      if (inv.paragraphId === p.id) return { where: i18n.t('sponsorships:whereNew', where), proposer: p.sponsors[0] ?? '', sponsors: p.sponsors, notation: p.compiled };
      const a = inv.amendmentId ? p.amendments.find((x) => x.id === inv.amendmentId) : undefined;
      if (a) return { where: i18n.t('sponsorships:whereAmendment', where), proposer: a.sponsors[0] ?? '', sponsors: a.sponsors, notation: notationOf(a, p.text) };
    }
  }
  return null;
}

const sectionName = sectionShortName;

function InvitationItem({ inv, onAnswered }: { inv: Invitation; onAnswered: () => Promise<void> }) {
  const { draft, user, reload, announce } = useRoom();
  const t = useT('sponsorships');
  const d = describe(draft, inv);
  // A request to join comes from another delegation and is answered by the sponsors; an invitation is answered by the invited.
  const request = inv.status === 'requested';
  const answer = useAction(async (accept: boolean) => {
    await (accept ? api.acceptInvitation(inv.id) : api.declineInvitation(inv.id));
    const where = d?.where ?? t('theProposal');
    if (request) announce(accept ? t('requestAccepted', { delegation: inv.delegation, where }) : t('requestDeclined', { delegation: inv.delegation, where }));
    else announce(accept ? t('accepted', { delegation: user.delegation ?? '', where }) : t('declined', { where }));
    await Promise.all([reload(), onAnswered()]);
  });
  return (
    <li className={request ? 'invitation join-request' : 'invitation'} data-invitation={inv.id}>
      <p>
        {d ? (
          <>
            {request ? (
              <Trans t={t} i18nKey="asks" values={{ delegation: inv.delegation, where: d.where }} components={[<strong key="sponsors">{formatSponsorList(d.sponsors)}</strong>]} />
            ) : (
              <Trans t={t} i18nKey="invites" values={{ delegation: inv.delegation, where: d.where }} components={[<strong key="proposer">{formatSponsorList([d.proposer])}</strong>]} />
            )}
            <br />
            <Notation text={d.notation} />
          </>
        ) : (
          <>{t('elsewhere')}</>
        )}
      </p>
      <div className="form-actions">
        <button type="button" className="primary" disabled={answer.busy} onClick={() => void answer.run(true)}>
          {t('accept')}
        </button>
        <button type="button" disabled={answer.busy} onClick={() => void answer.run(false)}>
          {t('decline')}
        </button>
      </div>
      <ErrorLine error={answer.error} />
    </li>
  );
}

export function InvitationsPanel({ invitations, onAnswered, onClose }: { invitations: readonly Invitation[]; onAnswered: () => Promise<void>; onClose: () => void }) {
  const t = useT('sponsorships');
  return (
    <section className="invitations-panel" aria-label={t('panel')} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header>
        <h2>{t('panel')}</h2>
        <button type="button" onClick={onClose}>
          {t('common:actions.close')}
        </button>
      </header>
      {invitations.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul>
          {invitations.map((inv) => (
            <InvitationItem key={inv.id} inv={inv} onAnswered={onAnswered} />
          ))}
        </ul>
      )}
    </section>
  );
}

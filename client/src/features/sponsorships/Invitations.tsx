import type { DraftView } from '@omnibus/shared';
import { formatSponsors } from '@omnibus/shared/brackets';
import type { Invitation } from '../../api/endpoints';
import { api } from '../../api/endpoints';
import { notationOf } from '../amendments/notation';
import { sectionShortName } from '../draft/names';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { ErrorLine } from '../draft/ErrorLine';

interface Described {
  where: string;
  proposer: string;
  notation: string;
}

function describe(draft: DraftView, inv: Invitation): Described | null {
  for (const s of draft.sections) {
    for (const p of s.paragraphs) {
      const where = `${sectionName(s)} paragraph ${p.label}`;
      if (inv.paragraphId === p.id) return { where: `the new ${where}`, proposer: p.sponsors[0] ?? '', notation: p.compiled };
      const a = inv.amendmentId ? p.amendments.find((x) => x.id === inv.amendmentId) : undefined;
      if (a) return { where: `an amendment to ${where}`, proposer: a.sponsors[0] ?? '', notation: notationOf(a, p.text) };
    }
  }
  return null;
}

const sectionName = sectionShortName;

function InvitationItem({ inv, onAnswered }: { inv: Invitation; onAnswered: () => Promise<void> }) {
  const { draft, user, reload, announce } = useRoom();
  const d = describe(draft, inv);
  const answer = useAction(async (accept: boolean) => {
    await (accept ? api.acceptInvitation(inv.id) : api.declineInvitation(inv.id));
    announce(accept ? `${user.delegation ?? ''} now co-sponsors ${d?.where ?? 'the proposal'}.` : `Invitation to co-sponsor ${d?.where ?? 'the proposal'} declined.`);
    await Promise.all([reload(), onAnswered()]);
  });
  return (
    <li className="invitation" data-invitation={inv.id}>
      <p>
        {d ? (
          <>
            <strong>{formatSponsors([d.proposer])}</strong> invites {inv.delegation} to co-sponsor {d.where}:
            <br />
            <code>{d.notation}</code>
          </>
        ) : (
          <>An invitation to co-sponsor a proposal in another draft.</>
        )}
      </p>
      <div className="form-actions">
        <button type="button" className="primary" disabled={answer.busy} onClick={() => void answer.run(true)}>
          Accept
        </button>
        <button type="button" disabled={answer.busy} onClick={() => void answer.run(false)}>
          Decline
        </button>
      </div>
      <ErrorLine error={answer.error} />
    </li>
  );
}

export function InvitationsPanel({ invitations, onAnswered, onClose }: { invitations: readonly Invitation[]; onAnswered: () => Promise<void>; onClose: () => void }) {
  return (
    <section className="invitations-panel" aria-label="Invitations to co-sponsor" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header>
        <h2>Invitations to co-sponsor</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {invitations.length === 0 ? (
        <p className="muted">No invitation is waiting for your delegation.</p>
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

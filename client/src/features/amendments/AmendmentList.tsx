import type { AmendmentView, ParagraphView } from '@omnibus/shared';
import { formatSponsors } from '@omnibus/shared/brackets';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { proposedAmendment } from '../draft/permissions';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { InviteForm } from '../sponsorships/InviteForm';
import { KIND_NAMES, notationOf } from './notation';
import { ErrorLine } from '../draft/ErrorLine';

function AmendmentItem({ paragraph, a }: { paragraph: ParagraphView; a: AmendmentView }) {
  const { user, reload, announce } = useRoom();
  const [inviting, setInviting] = useState(false);
  const mine = proposedAmendment(user, a);
  const withdraw = useAction(async () => {
    await api.withdrawAmendment(a.id);
    announce(`${KIND_NAMES[a.kind]} to paragraph ${paragraph.label} withdrawn.`);
    await reload();
  });
  const name = a.kind === 'alternative' ? `Alternative ${a.alternativeNumber ?? 1}` : KIND_NAMES[a.kind];
  return (
    <li className="amendment" data-amendment={a.id} data-sponsors={a.sponsors.join(',')}>
      <div className="amendment-head">
        <span className="amendment-kind">{name}</span> by <strong>{formatSponsors(a.sponsors)}</strong>
        {a.invited.length > 0 && <span className="invited"> (invited, not yet answered: {formatSponsors(a.invited)})</span>}
      </div>
      <code className="amendment-notation">{notationOf(a, paragraph.text)}</code>
      {mine && (
        <div className="amendment-actions">
          <button type="button" aria-expanded={inviting} onClick={() => setInviting((v) => !v)}>
            Invite co-sponsors
          </button>
          <button type="button" className="danger" disabled={withdraw.busy} onClick={() => void withdraw.run()}>
            Withdraw
          </button>
        </div>
      )}
      <ErrorLine error={withdraw.error} />
      {inviting && (
        <InviteForm what={`this ${name.toLowerCase()}`} invite={(codes) => api.inviteToAmendment(a.id, codes)} onClose={() => setInviting(false)} />
      )}
    </li>
  );
}

export function AmendmentList({ paragraph, amendments }: { paragraph: ParagraphView; amendments: readonly AmendmentView[] }) {
  return (
    <section className="amendments" aria-label={`Amendments to paragraph ${paragraph.label}`}>
      <ul>
        {amendments.map((a) => (
          <AmendmentItem key={a.id} paragraph={paragraph} a={a} />
        ))}
      </ul>
    </section>
  );
}

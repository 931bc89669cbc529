import type { AmendmentView, ParagraphView } from '@omnibus/shared';
import { memo, useState } from 'react';
import { api } from '../../api/endpoints';
import { useRoomBase } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { InviteForm } from '../sponsorships/InviteForm';
import { kindName, notationOf } from './notation';
import { Notation } from './Notation';
import { formatSponsorList, Trans, useT } from '../../i18n';
import { ErrorLine } from '../draft/ErrorLine';

/**
 * "Addition by CAN and US": redrawn only when its kind or sponsors change. `Trans` makes a new
 * component for each placeholder that has children on every redraw, so React replaced these two
 * elements each time the item redrew (with every keystroke in its paragraph) and held both copies.
 */
const AmendmentHead = memo(function AmendmentHead({ name, sponsors }: { name: string; sponsors: string }) {
  const t = useT('amendments');
  return (
    <Trans
      t={t}
      i18nKey="by"
      components={[
        <span key="kind" className="amendment-kind">
          {name}
        </span>,
        <strong key="sponsors">{sponsors}</strong>,
      ]}
    />
  );
});

/** Redrawn when its own amendment, or the words of its paragraph, change: not with each new bracket beside it. */
const AmendmentItem = memo(function AmendmentItem({ label, text, a }: { label: string; text: string; a: AmendmentView }) {
  const { reload, announce } = useRoomBase();
  const t = useT('amendments');
  const [inviting, setInviting] = useState(false);
  // Its proposer's: the server's access policy says, beside each amendment it sends.
  const may = a.actions;
  const withdraw = useAction(async () => {
    await api.withdrawAmendment(a.id);
    announce(t('withdrawn', { kind: kindName(a.kind), label }));
    await reload();
  });
  const name = a.kind === 'alternative' ? t('alternativeN', { number: a.alternativeNumber ?? 1 }) : kindName(a.kind);
  return (
    <li className="amendment" data-amendment={a.id} data-sponsors={a.sponsors.join(',')}>
      <div className="amendment-head">
        <AmendmentHead name={name} sponsors={formatSponsorList(a.sponsors)} />
        {a.invited.length > 0 && <span className="invited">{t('invited', { codes: formatSponsorList(a.invited) })}</span>}
      </div>
      <Notation className="amendment-notation" text={notationOf(a, text)} />
      {(may?.inviteCosponsors === true || may?.withdraw === true) && (
        <div className="amendment-actions">
          {may.inviteCosponsors && (
            <button type="button" aria-expanded={inviting} onClick={() => setInviting((v) => !v)}>
              {t('invite')}
            </button>
          )}
          {may.withdraw && (
            <button type="button" className="danger" disabled={withdraw.busy} onClick={() => void withdraw.run()}>
              {t('withdraw')}
            </button>
          )}
        </div>
      )}
      <ErrorLine error={withdraw.error} />
      {inviting && (
        <InviteForm what={t('thisAmendment', { kind: name.toLocaleLowerCase() })} invite={(codes) => api.inviteToAmendment(a.id, codes)} onClose={() => setInviting(false)} />
      )}
    </li>
  );
});

export function AmendmentList({ paragraph, amendments }: { paragraph: ParagraphView; amendments: readonly AmendmentView[] }) {
  const t = useT('amendments');
  return (
    <section className="amendments" aria-label={t('listLabel', { label: paragraph.label })}>
      <ul>
        {amendments.map((a) => (
          <AmendmentItem key={a.id} label={paragraph.label} text={paragraph.text} a={a} />
        ))}
      </ul>
    </section>
  );
}

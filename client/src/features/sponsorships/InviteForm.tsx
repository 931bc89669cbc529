import { useState, type FormEvent } from 'react';
import { FormFooter } from '../draft/FormFooter';
import { useRoom } from '../draft/room-context';
import { useAction } from '../draft/useAction';
import { parseCosponsors } from './cosponsors';
import { useT } from '../../i18n';

/** Invites delegations to co-sponsor a proposal; they become sponsors only when they accept. */
export function InviteForm({ what, invite, onClose }: { what: string; invite: (codes: string[]) => Promise<unknown>; onClose: () => void }) {
  const { user, delegations, reload, announce } = useRoom();
  const t = useT('sponsorships');
  const [input, setInput] = useState('');
  const send = useAction(async () => {
    const parsed = parseCosponsors(input, delegations, user.delegation);
    if (!parsed.ok) throw new Error(parsed.message);
    if (parsed.codes.length === 0) throw new Error(t('needOne'));
    await invite(parsed.codes);
    announce(t('sent', { what, codes: parsed.codes.join(', ') }));
    onClose();
    await reload();
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send.run();
  };
  return (
    <form className="panel invite-form" onSubmit={onSubmit} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <label>
        {t('inviteLabel', { what })}
        <input autoFocus value={input} onChange={(e) => setInput(e.target.value)} />
      </label>
      <FormFooter error={send.error} busy={send.busy} submit={t('send')} onCancel={onClose} />
    </form>
  );
}

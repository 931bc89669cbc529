import type { DraftView, UserView } from '@omnibus/shared';
import type { DelegationInfo } from '../../api/endpoints';
import { LanguageMenu, i18n, useT } from '../../i18n';
import { sessionStore } from '../auth/session';
import type { ConnectionState } from '../session/useLive';
import { useProjector } from './useProjector';
import { useState } from 'react';

export function actingFor(user: UserView, delegations: readonly DelegationInfo[]): string {
  if (user.role === 'delegate' && user.delegation) {
    const name = delegations.find((d) => d.code === user.delegation)?.name;
    return name ? i18n.t('layout:delegationOf', { name, code: user.delegation }) : i18n.t('layout:delegationCode', { code: user.delegation });
  }
  return i18n.t(`layout:office.${user.role}`, { defaultValue: user.role });
}

export function Header(props: {
  user: UserView;
  draft: DraftView | null;
  delegations: readonly DelegationInfo[];
  connection: ConnectionState;
  invitationCount: number;
  invitationsOpen: boolean;
  onToggleInvitations: () => void;
}) {
  const { user, draft } = props;
  const t = useT('layout');
  const [projector, toggleProjector] = useProjector();
  const [menuOpen, setMenuOpen] = useState(false);
  const tPhone = useT('phone');
  return (
    <header className="app-header">
      <a className="skip-link" href="#draft-main">
        {t('skip')}
      </a>
      <div className="brand">
        <strong>Omnibus</strong>
        {draft && (
          <span className="draft-id" title={draft.title}>
            {draft.symbol}
          </span>
        )}
      </div>
      <div className="whoami" aria-label={t('signedInAs')}>
        <span className="who">{user.displayName}</span>
        <span className={`acting-for role-${user.role}`} data-acting-for={user.delegation ?? user.role}>
          {user.delegation && <span className="delegation-code">{user.delegation}</span>}
          {actingFor(user, props.delegations)}
        </span>
      </div>
      <ConnectionBadge state={props.connection} />
      {/* On a phone the actions fold into a menu (the button shows only on narrow screens). */}
      <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="header-actions" onClick={() => setMenuOpen((v) => !v)}>
        {tPhone('menu')}
      </button>
      <div id="header-actions" className={menuOpen ? 'header-actions open' : 'header-actions'}>
        <LanguageMenu />
        {user.role === 'delegate' && (
          <button type="button" aria-expanded={props.invitationsOpen} onClick={props.onToggleInvitations}>
            {t('invitations')}{props.invitationCount > 0 && <span className="count"> {props.invitationCount}</span>}
          </button>
        )}
        <button type="button" aria-pressed={projector} onClick={toggleProjector} title={t('projectorTitle')}>
          {t('projector')}
        </button>
        <button type="button" onClick={() => sessionStore.signOut()}>
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}

/** Always visible, so nobody negotiates on a stale screen without knowing it. */
function ConnectionBadge({ state }: { state: ConnectionState }) {
  const t = useT('layout');
  return (
    <span className={`connection connection-${state}`} role="status" data-connection={state}>
      {t(`connection.${state}`)}
    </span>
  );
}

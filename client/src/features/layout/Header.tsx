import type { DraftView, UserView } from '@omnibus/shared';
import type { DelegationInfo } from '../../api/endpoints';
import { sessionStore } from '../auth/session';
import type { ConnectionState } from '../session/useLive';
import { useProjector } from './useProjector';

const OFFICES: Record<UserView['role'], string> = {
  delegate: 'Delegation',
  chair: 'Office of the Chair',
  vice_chair: 'Office of the Vice-Chair',
  secretariat: 'Committee Secretariat',
  observer: 'Observer (reading only)',
  translator: 'Language services',
};

export function actingFor(user: UserView, delegations: readonly DelegationInfo[]): string {
  if (user.role === 'delegate' && user.delegation) {
    const name = delegations.find((d) => d.code === user.delegation)?.name;
    return name ? `Delegation of ${name} (${user.delegation})` : `Delegation ${user.delegation}`;
  }
  return OFFICES[user.role];
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
  const [projector, toggleProjector] = useProjector();
  return (
    <header className="app-header">
      <a className="skip-link" href="#draft-main">
        Skip to the draft
      </a>
      <div className="brand">
        <strong>Omnibus</strong>
        {draft && (
          <span className="draft-id" title={draft.title}>
            {draft.symbol}
          </span>
        )}
      </div>
      <div className="whoami" aria-label="Signed in as">
        <span className="who">{user.displayName}</span>
        <span className={`acting-for role-${user.role}`} data-acting-for={user.delegation ?? user.role}>
          {user.delegation && <span className="delegation-code">{user.delegation}</span>}
          {actingFor(user, props.delegations)}
        </span>
      </div>
      <ConnectionBadge state={props.connection} />
      <div className="header-actions">
        {user.role === 'delegate' && (
          <button type="button" aria-expanded={props.invitationsOpen} onClick={props.onToggleInvitations}>
            Invitations{props.invitationCount > 0 && <span className="count"> {props.invitationCount}</span>}
          </button>
        )}
        <button type="button" aria-pressed={projector} onClick={toggleProjector} title="Larger text and stronger contrast for the room's screen">
          Projector view
        </button>
        <button type="button" onClick={() => sessionStore.signOut()}>
          Sign out
        </button>
      </div>
    </header>
  );
}

const CONNECTION_WORDS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Connection lost: reconnecting…',
  refused: 'Live updates refused',
};

/** Always visible, so nobody negotiates on a stale screen without knowing it. */
function ConnectionBadge({ state }: { state: ConnectionState }) {
  return (
    <span className={`connection connection-${state}`} role="status" data-connection={state}>
      {CONNECTION_WORDS[state]}
    </span>
  );
}

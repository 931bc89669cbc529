import type { DraftActions, DraftSummary } from '@omnibus/shared';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { CollabContext, type CollabHub } from '../collab/collab-context';
import { mayEverCoedit, preloadEditor } from '../collab/load-editor';
import { api } from '../../api/endpoints';
import { errorMessage } from '../../api/http';
import { DocumentsView } from '../documents/DocumentsView';
import { DraftDocument } from '../draft/DraftDocument';
import { VersionsView } from '../versions/VersionsView';
import { RoomBaseContext, RoomContext, type Room as RoomValue, type RoomBase } from '../draft/room-context';
import { useDraft } from '../draft/useDraft';
import { InvitationsPanel } from '../sponsorships/Invitations';
import { useDelegations } from '../sponsorships/useDelegations';
import { useInvitations } from '../sponsorships/useInvitations';
import { Header } from './Header';
import type { Session } from '../auth/session';
import { LiveContext } from '../session/live-context';
import { SessionPanel } from '../session/SessionPanel';
import { RECONNECTED, useLive } from '../session/useLive';
import { applyLiveEvent, catchUp } from '../live-state/live-sync';
import { createRoomQueryClient } from '../live-state/query-client';
import { ErrorLine } from '../draft/ErrorLine';
import { PhaseBar } from '../phase/PhaseBar';
import { useDraftKeys } from '../a11y/useDraftKeys';
import { PhoneBar, type Drawer } from '../phone/PhoneBar';
import { useReturnFocus } from '../a11y/useReturnFocus';
import { announcementFor, speakingIn } from '../a11y/live-announcements';
import { LIVE, type LivePayload } from '../session/live-events';
import { MinutesView } from '../minutes/MinutesView';
import { ConsultationsView } from '../consultations/ConsultationsView';
import { SilenceView } from '../silence/SilenceView';
import { CalendarView } from '../calendar/CalendarView';
import { ProposalWindowScope } from '../phase/ProposalWindowScope';
import { setCommitteeTimeZone, useT } from '../../i18n';
import { TranslationsView } from '../translations/TranslationsView';

/** Co-editing for this room; the editor opens the connection when first used, the room closes it. */
function useCollabHubFor(token: string, draftId: string | null): CollabHub | null {
  const hub = useMemo(() => {
    if (!draftId) return null;
    const closers: (() => void)[] = [];
    return { token, draftId, onClose: (close: () => void) => void closers.push(close), closeAll: () => closers.splice(0).forEach((c) => c()) };
    // Not reopened when the token is renewed: the connection presents the current token on every reconnection.
  }, [draftId]);
  useEffect(() => () => hub?.closeAll(), [hub]);
  return hub;
}

type View = 'draft' | 'versions' | 'documents' | 'translations' | 'minutes' | 'consultations' | 'silence' | 'calendar';

const VIEWS: { id: View; title: string }[] = [
  { id: 'draft', title: 'views.draft' },
  { id: 'versions', title: 'views.versions' },
  { id: 'documents', title: 'views.documents' },
  { id: 'translations', title: 'views.translations' },
  { id: 'minutes', title: 'minutes:tab' },
  { id: 'consultations', title: 'consultations:tab' },
  { id: 'silence', title: 'silence:tab' },
  { id: 'calendar', title: 'calendar:tab' },
];

/** The views beside the draft, each a screen of its own. */
function OtherView({ view }: { view: Exclude<View, 'draft'> }) {
  switch (view) {
    case 'versions':
      return <VersionsView />;
    case 'documents':
      return <DocumentsView />;
    case 'translations':
      return <TranslationsView />;
    case 'minutes':
      return <MinutesView />;
    case 'consultations':
      return <ConsultationsView />;
    case 'silence':
      return <SilenceView />;
    case 'calendar':
      return <CalendarView />;
  }
}

function ViewTabs({ view, onChange, translations }: { view: View; onChange: (v: View) => void; translations: boolean }) {
  const t = useT('layout');
  return (
    <nav className="view-tabs" aria-label={t('views.label')}>
      {VIEWS.filter((v) => v.id !== 'translations' || translations).map((v) => (
        <button key={v.id} type="button" aria-current={view === v.id ? 'page' : undefined} className={view === v.id ? 'active' : ''} onClick={() => onChange(v.id)}>
          {t(v.title)}
        </button>
      ))}
    </nav>
  );
}

const DRAFT_PATH = /^\/drafts\/([0-9a-f-]{36})\/?$/i;

/** Which draft to open: the one in the address (so links can be shared), else the first one. */
function useDraftId(): { draftId: string | null; error: string | null; none: boolean } {
  const fromPath = DRAFT_PATH.exec(window.location.pathname)?.[1] ?? null;
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (fromPath) return;
    api
      .drafts()
      .then(setDrafts)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [fromPath]);
  const draftId = fromPath ?? drafts?.[0]?.id ?? null;
  useEffect(() => {
    if (draftId && !fromPath) window.history.replaceState(null, '', `/drafts/${draftId}`);
  }, [draftId, fromPath]);
  return { draftId, error, none: drafts !== null && drafts.length === 0 };
}

/** One cache per signed-in person (the room is keyed by user), dropped with the room. */
export function Room({ session }: { session: Session }) {
  const [queryClient] = useState(createRoomQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <RoomScreen session={session} />
    </QueryClientProvider>
  );
}

function RoomScreen({ session: signedIn }: { session: Session }) {
  const { user } = signedIn;
  const t = useT('layout');
  const { draftId, error: listError, none } = useDraftId();
  const fresh = useDraft(draftId);
  const { error, reload } = fresh;
  // A changed draft (every second while people co-edit) is drawn in the background, in slices a
  // keystroke interrupts: typing never waits for 130 paragraph cards to be compared. The first
  // draft is drawn at once: there is nothing on screen yet to keep responsive.
  const deferred = useDeferredValue(fresh.draft);
  const draft = deferred ?? fresh.draft;
  const queryClient = useQueryClient();
  const tA11y = useT('a11y');
  const [heard, setHeard] = useState('');
  const floor = useRef<string | null>(null);
  const live = useLive(signedIn.token, draftId, (event, payload) => {
    if (!draftId) return;
    if (event === RECONNECTED) catchUp(queryClient);
    else applyLiveEvent(queryClient, draftId, event, payload);
    const said = announcementFor(event, payload, draft, floor.current, tA11y);
    if (event === LIVE.speakersChanged) floor.current = speakingIn(payload as LivePayload<typeof LIVE.speakersChanged>);
    if (event === LIVE.decisionRecorded) floor.current = null;
    if (said) setHeard(said);
  });
  const collab = useCollabHubFor(signedIn.token, draftId);
  // Every date and time on screen is read in the committee's zone, which the workflow names.
  const timeZone = live.workflow?.timeZone;
  useEffect(() => {
    if (timeZone) setCommitteeTimeZone(timeZone);
  }, [timeZone]);
  const showSession = live.session !== null || live.closed !== null || draft?.actions?.runSession === true;
  const delegations = useDelegations();
  const [message, setMessage] = useState<string | null>(null);
  const [invitationsOpen, setInvitationsOpen] = useState(false);
  // Language services start on their own screen.
  const [view, setView] = useState<View>(user.role === 'translator' ? 'translations' : 'draft');
  const invitations = useInvitations(user.role === 'delegate');
  const announce = useCallback((m: string) => setMessage(m), []);
  useDraftKeys(view === 'draft');
  const [drawer, setDrawer] = useState<Drawer>(null);
  // The invitations open where the person is (fixed beside the header) and take the focus; closing gives it back.
  const invitationsBox = useRef<HTMLDivElement>(null);
  const invitationsFocus = useReturnFocus(!invitationsOpen, invitationsBox);
  useEffect(() => {
    if (invitationsOpen) invitationsBox.current?.focus();
  }, [invitationsOpen]);

  const room = useMemo<RoomValue | null>(
    () => (draft ? { user, draft, delegations, reload, announce } : null),
    [user, draft, delegations, reload, announce],
  );
  // The draft's actions change rarely (a phase, a role); kept as one object while they stay the same.
  const actionsKey = JSON.stringify(draft?.actions ?? null);
  const draftActions = useMemo<DraftActions | undefined>(() => (JSON.parse(actionsKey) as DraftActions | null) ?? undefined, [actionsKey]);
  const roomBase = useMemo<RoomBase | null>(
    () => (draftId ? { user, draftId, draftActions, delegations, reload, announce } : null),
    [user, draftId, draftActions, delegations, reload, announce],
  );
  // The editor's code comes while the draft is on its way, for whoever may co-edit: "Co-edit text"
  // then opens without waiting for it.
  const preload = collab !== null && (draftActions?.coedit === true || (draftActions === undefined && mayEverCoedit(user.role)));
  useEffect(() => {
    if (preload) preloadEditor();
  }, [preload]);
  // The same element while the session panel's state stays: the draft beside it is not redrawn for it.
  const aside = useMemo(() => (showSession ? <SessionPanel live={live} /> : null), [showSession, live]);

  return (
    <div className={drawer ? `room drawer-${drawer}` : 'room'}>
      {/* The header and the phase stay on screen together while the draft scrolls. */}
      <div className="room-top">
        <Header
          user={user}
          draft={draft}
          delegations={delegations}
          connection={live.connection}
          invitationCount={invitations.invitations.length}
          invitationsOpen={invitationsOpen}
          onToggleInvitations={() => {
            invitationsFocus.remember();
            setInvitationsOpen((v) => !v);
          }}
        />
        <PhaseBar workflow={live.workflow} />
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" aria-label={tA11y('liveRegion')} data-announcement>
        {heard}
      </div>
      <div className="notices">
        {message && (
          <p className="notice" role="status">
            {message}{' '}
            <button type="button" className="quiet" onClick={() => setMessage(null)} aria-label={t('dismiss')}>
              ×
            </button>
          </p>
        )}
        {live.refusal && (
          <p className="error" role="alert">
            {t('liveOff', { reason: live.refusal })}
          </p>
        )}
        <ErrorLine error={error ?? listError} />
      </div>
      {none && <p className="muted page-message">{t('noDraft')}</p>}
      {!room && !none && !(error ?? listError) && <p className="muted page-message">{t('loadingDraft')}</p>}
      {room && (
        <RoomContext.Provider value={room}>
          <RoomBaseContext.Provider value={roomBase}>
            <ProposalWindowScope workflow={live.workflow}>
              <LiveContext.Provider value={live}>
                <CollabContext.Provider value={collab}>
                  {invitationsOpen && (
                    <div ref={invitationsBox} tabIndex={-1} className="panel-holder">
                      <InvitationsPanel invitations={invitations.invitations} onAnswered={invitations.reload} onClose={() => setInvitationsOpen(false)} />
                    </div>
                  )}
                  <ViewTabs view={view} onChange={setView} translations={draft?.actions?.translate === true} />
                  {view === 'draft' ? (
                    <DraftDocument aside={aside} />
                  ) : (
                    <div className={showSession ? 'room-body with-aside no-outline' : 'room-body no-outline'}>
                      <main id="draft-main" className="draft" tabIndex={-1}>
                        <h1 className="visually-hidden">{`${room.draft.symbol}: ${room.draft.title}`}</h1>
                        <OtherView view={view} />
                      </main>
                      {showSession && <SessionPanel live={live} />}
                    </div>
                  )}
                </CollabContext.Provider>
              </LiveContext.Provider>
              <PhoneBar drawer={drawer} onChange={setDrawer} session={showSession} />
            </ProposalWindowScope>
          </RoomBaseContext.Provider>
        </RoomContext.Provider>
      )}
    </div>
  );
}

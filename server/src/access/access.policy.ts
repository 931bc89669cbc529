import { isInPlay, type AmendmentActions, type AmendmentView, type DraftActions, type DraftView, type EditRights, type ParagraphActions, type ParagraphOrigin, type ParagraphStatus, type ParagraphView, type Role } from '@omnibus/shared';
import type { Actor } from '../auth/actor';
import { AppError, notFound } from '../common/app-error';

/**
 * Every authorization decision of the platform, in one place. Services call `requireAccess` with
 * the facts of the resource; a refusal says who may do it instead.
 */
export type Access =
  | { action: 'committee.read'; committeeId: string }
  | { action: 'draft.create'; committeeId: string }
  | { action: 'draft.configure'; committeeId: string }
  | { action: 'draft.import'; committeeId: string }
  | { action: 'draft.export'; committeeId: string; published: boolean }
  | { action: 'paragraph.create'; committeeId: string }
  | { action: 'paragraph.edit'; committeeId: string; origin: ParagraphOrigin; sponsorDelegationIds: string[] }
  | { action: 'paragraph.decide'; committeeId: string }
  | { action: 'paragraph.move'; committeeId: string }
  | { action: 'paragraph.withdraw'; committeeId: string; proposerDelegationId: string | null }
  | { action: 'amendment.create'; committeeId: string }
  | { action: 'amendment.edit'; committeeId: string; sponsorDelegationIds: string[] }
  | { action: 'amendment.withdraw'; committeeId: string; proposerDelegationId: string }
  | { action: 'sponsorship.invite'; committeeId: string; proposerDelegationId: string | null }
  | { action: 'sponsorship.respond'; committeeId: string; delegationId: string }
  | { action: 'sponsorship.request'; committeeId: string }
  | { action: 'sponsorship.answer_request'; committeeId: string; sponsorDelegationIds: string[] }
  | { action: 'draft.coedit.join'; committeeId: string }
  | { action: 'draft.coedit.write'; committeeId: string }
  | { action: 'version.publish'; committeeId: string }
  | { action: 'workflow.manage'; committeeId: string }
  | { action: 'comment.create'; committeeId: string }
  | { action: 'calendar.schedule'; committeeId: string }
  | { action: 'session.run'; committeeId: string }
  | { action: 'floor.request'; committeeId: string }
  | { action: 'consultation.report'; committeeId: string; leadDelegationId: string }
  | { action: 'reservation.create'; committeeId: string }
  | { action: 'reservation.withdraw'; committeeId: string; delegationId: string }
  | { action: 'silence.start'; committeeId: string }
  | { action: 'silence.object'; committeeId: string }
  | { action: 'translation.edit'; committeeId: string }
  | { action: 'committee.languages'; committeeId: string }
  | { action: 'account.manage'; committeeId: string }
  | { action: 'paragraph.label'; committeeId: string }
  | { action: 'export.allowIncomplete'; committeeId: string };

const OFFICERS: readonly Role[] = ['chair', 'vice_chair'];
const DRAFTERS: readonly Role[] = ['chair', 'vice_chair', 'secretariat'];

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled access ${JSON.stringify(value)}`);
}

/** Null when allowed; otherwise the sentence to refuse with. */
export function denialReason(actor: Actor, access: Access): string | null {
  if (actor.committeeId !== access.committeeId) return 'This belongs to another committee.';
  const role = actor.role;
  const readOnly =
    role === 'observer'
      ? 'Observers may read the draft but not change it. '
      : role === 'translator'
        ? 'Language services keep the translations; the negotiation text itself changes through the delegations and the chair. '
        : '';
  switch (access.action) {
    case 'committee.read':
    case 'draft.coedit.join':
      return null;
    case 'draft.coedit.write':
      if (role === 'translator') return 'Language services follow the live text in the original and translate it through the translation screen; they do not edit the original.';
      return role === 'observer' ? 'Observers follow the live text but do not edit it.' : null;
    case 'draft.create':
    case 'draft.import':
      return role === 'secretariat' ? null : `${readOnly}Only the secretariat may set up drafts and import texts.`;
    case 'draft.export':
      // What observers see must be what the committee distributed, not text still being negotiated.
      return role !== 'observer' || access.published
        ? null
        : 'Observers may export only published versions of a draft, such as the Chair\'s first draft or rev. 1: choose one under "Which text" and export again. The draft as it stands is still being negotiated. (API: add ?version= with an id from GET /api/drafts/:id/versions.)';
    case 'draft.configure':
      return DRAFTERS.includes(role) ? null : `${readOnly}Only the chair, a vice-chair or the secretariat may change a draft's caps.`;
    case 'paragraph.create':
      return role === 'observer' || role === 'translator'
        ? `${readOnly}A delegate, the chair, a vice-chair or the secretariat may add paragraphs.`
        : null;
    case 'paragraph.edit':
      if (access.origin === 'delegation') {
        return role === 'delegate' && actor.delegationId !== null && access.sponsorDelegationIds.includes(actor.delegationId)
          ? null
          : `${readOnly}Only the delegations sponsoring this proposal may edit its text; others may propose amendments to it.`;
      }
      return DRAFTERS.includes(role)
        ? null
        : `${readOnly}The Chair's text changes only through the chair, a vice-chair or the secretariat; delegations propose amendments to it.`;
    case 'paragraph.decide':
      return OFFICERS.includes(role) ? null : `${readOnly}Only the chair or a vice-chair may delete or restore paragraphs.`;
    case 'paragraph.move':
      return DRAFTERS.includes(role) ? null : `${readOnly}Only the chair, a vice-chair or the secretariat may move paragraphs.`;
    case 'paragraph.withdraw':
    case 'amendment.withdraw':
      return role === 'delegate' && actor.delegationId !== null && actor.delegationId === access.proposerDelegationId
        ? null
        : `${readOnly}Only the delegation that proposed it may withdraw it.`;
    case 'amendment.create':
      return role === 'delegate'
        ? null
        : `${readOnly}Amendments are proposed by delegations in their own name; sign in as a delegate.`;
    case 'amendment.edit':
      return role === 'delegate' && actor.delegationId !== null && access.sponsorDelegationIds.includes(actor.delegationId)
        ? null
        : `${readOnly}Only the delegations sponsoring this amendment may edit it.`;
    case 'sponsorship.invite':
      return role === 'delegate' && actor.delegationId !== null && actor.delegationId === access.proposerDelegationId
        ? null
        : `${readOnly}Only the proposing delegation may invite co-sponsors.`;
    case 'sponsorship.respond':
      return role === 'delegate' && actor.delegationId === access.delegationId
        ? null
        : `${readOnly}Only a delegate of the invited delegation may answer its invitation to co-sponsor.`;
    case 'sponsorship.request':
      return role === 'delegate' && actor.delegationId !== null
        ? null
        : `${readOnly}A delegation asks to join a new paragraph's sponsors in its own name; sign in as a delegate.`;
    case 'sponsorship.answer_request':
      return role === 'delegate' && actor.delegationId !== null && access.sponsorDelegationIds.includes(actor.delegationId)
        ? null
        : `${readOnly}Only a delegate of a delegation sponsoring this paragraph may accept or decline a request to join its sponsors.`;
    case 'version.publish':
      return OFFICERS.includes(role) ? null : `${readOnly}Only the chair or a vice-chair may publish a version of the draft.`;
    case 'workflow.manage':
      return OFFICERS.includes(role)
        ? null
        : `${readOnly}Only the chair or a vice-chair may move the draft to another phase or open, extend or reopen the comment window.`;
    case 'comment.create':
      return role === 'observer' || role === 'translator' ? `${readOnly}Delegations and the committee's officers and secretariat may comment.` : null;
    case 'calendar.schedule':
      return role === 'secretariat' ? null : `${readOnly}Only the secretariat schedules meetings on the committee's calendar.`;
    case 'session.run':
      return OFFICERS.includes(role)
        ? null
        : `${readOnly}Only the chair or a vice-chair runs approval sessions: opening, calling paragraphs, recording decisions, giving the floor and closing.`;
    case 'floor.request':
      return role === 'delegate' && actor.delegationId !== null
        ? null
        : `${readOnly}Delegations ask for the floor; the chair gives it. Sign in as a delegate.`;
    case 'consultation.report':
      return OFFICERS.includes(role) || (role === 'delegate' && actor.delegationId === access.leadDelegationId)
        ? null
        : `${readOnly}Only the delegation leading these informal consultations, or the chair, may report on them.`;
    case 'reservation.create':
      return role === 'delegate' && actor.delegationId !== null
        ? null
        : `${readOnly}A reservation is recorded by a delegation in its own name; sign in as a delegate.`;
    case 'reservation.withdraw':
      return role === 'delegate' && actor.delegationId === access.delegationId
        ? null
        : `${readOnly}Only a delegate of the delegation that recorded this reservation may withdraw it.`;
    case 'silence.start':
      return OFFICERS.includes(role) ? null : `${readOnly}Only the chair or a vice-chair may circulate a text under the silence procedure.`;
    case 'silence.object':
      return role === 'delegate' && actor.delegationId !== null
        ? null
        : `${readOnly}Silence is broken by a delegation in its own name; sign in as a delegate.`;
    case 'translation.edit':
      return role === 'translator' || role === 'secretariat'
        ? null
        : `${readOnly}Only language services (translators) and the secretariat may edit translations; delegations propose in the original language.`;
    case 'committee.languages':
      return role === 'secretariat' ? null : `${readOnly}Only the secretariat may change the committee's official languages.`;
    case 'account.manage':
      return role === 'secretariat' ? null : 'Only the secretariat manages accounts.';
    case 'paragraph.label':
      return role === 'delegate' || role === 'observer'
        ? 'Labels of new paragraphs are given by the platform; only the chair, a vice-chair or the secretariat may set one.'
        : null;
    case 'export.allowIncomplete':
      return OFFICERS.includes(role) ? null : 'Only the chair or a vice-chair may issue a consensus draft whose translation is incomplete.';
    default:
      return assertUnreachable(access);
  }
}

/** Refusals that have always been answered with the sentence alone, without `details`. */
const PLAIN_REFUSALS: ReadonlySet<Access['action']> = new Set(['account.manage', 'paragraph.label']);

export function requireAccess(actor: Actor, access: Access): void {
  const reason = denialReason(actor, access);
  if (reason !== null) {
    // Another committee's resources are not acknowledged to exist.
    if (!sameCommittee(actor, access.committeeId)) throw new AppError('not_found', 'No such resource exists, or you may not see it.');
    if (PLAIN_REFUSALS.has(access.action)) throw new AppError('forbidden', reason);
    throw new AppError('forbidden', reason, { action: access.action, role: actor.role });
  }
}

const sameCommittee = (actor: Actor, committeeId: string): boolean => actor.committeeId === committeeId;

/**
 * Whether `actor` may see something owned by a committee: the one read rule, applied by every
 * read. A type guard, so `if (!p || !canRead(actor, draft)) throw notFound(…)` narrows `draft`.
 */
export function canRead<T extends { committeeId: string }>(actor: Actor, owner: T | null | undefined): owner is T {
  return owner !== null && owner !== undefined && denialReason(actor, { action: 'committee.read', committeeId: owner.committeeId }) === null;
}

/**
 * `row` when `actor` may read it; otherwise 404 `not_found`, word for word what an unknown id
 * gets, so another committee's objects are never acknowledged to exist.
 */
export function readable<T extends { committeeId: string }>(actor: Actor, row: T | null | undefined, what: string, id: string): T {
  if (!canRead(actor, row)) throw notFound(what, id);
  return row;
}

const allows = (actor: Actor, access: Access): boolean => denialReason(actor, access) === null;

/**
 * The view lists sponsors by delegation code while the policy speaks of delegation ids. Only
 * whether the actor's own delegation is among them matters to any rule, so the actor's code
 * maps to its id and every other code to nothing.
 */
function ownIds(actor: Actor, codes: readonly string[]): string[] {
  return actor.delegationId !== null && actor.delegationCode !== null && codes.includes(actor.delegationCode) ? [actor.delegationId] : [];
}

/**
 * Whether the comment window holds `actor` back: it binds the delegations, while the chair and
 * the secretariat write the draft in every phase. The window is a matter of time, not of role:
 * the actions below leave it out, and a client shows it apart (GET /api/drafts/:id/workflow);
 * while it is closed a delegation's proposal is refused with `deadline_passed`.
 */
export const boundByCommentWindow = (actor: Actor): boolean => actor.role === 'delegate';

/** Each draft-wide flag and the access it stands for: the same decisions its requests meet. */
const DRAFT_ACTIONS = {
  addParagraphs: 'paragraph.create',
  configure: 'draft.configure',
  publishVersion: 'version.publish',
  manageWorkflow: 'workflow.manage',
  runSession: 'session.run',
  coedit: 'draft.coedit.write',
  translate: 'translation.edit',
  reserve: 'reservation.create',
  requestFloor: 'floor.request',
  startSilence: 'silence.start',
  breakSilence: 'silence.object',
  importDocuments: 'draft.import',
} as const satisfies Record<keyof DraftActions, Access['action']>;

/** What `actor` may do with the draft as a whole. */
export function draftActions(actor: Actor, committeeId: string): DraftActions {
  const flags = {} as DraftActions;
  for (const [flag, action] of Object.entries(DRAFT_ACTIONS) as [keyof DraftActions, (typeof DRAFT_ACTIONS)[keyof DraftActions]][]) {
    flags[flag] = allows(actor, { action, committeeId });
  }
  return flags;
}

/**
 * What `actor` may do with one paragraph, from the same access decisions and state checks its
 * requests meet: the services refuse what these flags deny, and take what they allow short of
 * input errors, the comment window and races (caps filled meanwhile).
 */
export function paragraphActions(actor: Actor, committeeId: string, p: ParagraphView): ParagraphActions {
  const open = MUTABLE_STATUSES.includes(p.status);
  const sponsorIds = ownIds(actor, p.sponsors);
  const own = actor.delegationCode;
  const proposer = p.origin === 'delegation' && p.sponsors[0] !== undefined ? (ownIds(actor, [p.sponsors[0]])[0] ?? null) : null;
  const alreadyLinked = own !== null && (p.sponsors.includes(own) || p.invited.includes(own) || (p.requested ?? []).includes(own));
  const editText = open && allows(actor, { action: 'paragraph.edit', committeeId, origin: p.origin, sponsorDelegationIds: sponsorIds });
  return {
    editText,
    // Open amendments point into the base text: it changes only when the chair decides on them.
    editBaseText: editText && !p.amendments.some((a) => a.status === 'proposed'),
    amend: open && allows(actor, { action: 'amendment.create', committeeId }),
    askToCosponsor: open && p.origin === 'delegation' && !alreadyLinked && allows(actor, { action: 'sponsorship.request', committeeId }),
    // Invitations are taken whatever the paragraph's state.
    inviteCosponsors: p.origin === 'delegation' && allows(actor, { action: 'sponsorship.invite', committeeId, proposerDelegationId: proposer }),
    withdraw: open && p.origin === 'delegation' && allows(actor, { action: 'paragraph.withdraw', committeeId, proposerDelegationId: proposer }),
    delete: isInPlay(p.status) && allows(actor, { action: 'paragraph.decide', committeeId }),
    restore: !isInPlay(p.status) && allows(actor, { action: 'paragraph.decide', committeeId }),
    move: allows(actor, { action: 'paragraph.move', committeeId }),
    comment: allows(actor, { action: 'comment.create', committeeId }),
  };
}

/** What `actor` may do with one amendment of a paragraph (same decisions as its requests). */
export function amendmentActions(actor: Actor, committeeId: string, a: AmendmentView): AmendmentActions {
  const open = a.status === 'proposed';
  const proposer = a.sponsors[0] !== undefined ? (ownIds(actor, [a.sponsors[0]])[0] ?? '') : '';
  return {
    edit: open && a.kind !== 'delete' && allows(actor, { action: 'amendment.edit', committeeId, sponsorDelegationIds: ownIds(actor, a.sponsors) }),
    withdraw: open && allows(actor, { action: 'amendment.withdraw', committeeId, proposerDelegationId: proposer }),
    inviteCosponsors: allows(actor, { action: 'sponsorship.invite', committeeId, proposerDelegationId: proposer || null }),
  };
}

/**
 * `actor`'s rights in one paragraph's text, which shared/src/edit-rules.ts applies to each change:
 * the base text per `paragraph.edit`, brackets in the name of the delegation `amendment.create`
 * lets them propose for (its sponsors alone edit a bracket's words), writing per `draft.coedit.write`.
 */
export function paragraphEditRights(
  actor: Actor,
  committeeId: string,
  p: { origin: ParagraphOrigin; status: ParagraphStatus; sponsorDelegationIds: string[] },
): EditRights {
  return {
    delegation: allows(actor, { action: 'amendment.create', committeeId }) ? actor.delegationCode : null,
    base: allows(actor, { action: 'paragraph.edit', committeeId, origin: p.origin, sponsorDelegationIds: p.sponsorDelegationIds }),
    write: MUTABLE_STATUSES.includes(p.status) && allows(actor, { action: 'draft.coedit.write', committeeId }),
  };
}

/** A paragraph view with the actor's actions on it and on each of its amendments. */
export function withParagraphActions(actor: Actor, committeeId: string, p: ParagraphView): ParagraphView {
  return {
    ...p,
    actions: paragraphActions(actor, committeeId, p),
    amendments: p.amendments.map((a) => ({ ...a, actions: amendmentActions(actor, committeeId, a) })),
  };
}

/** A draft view with the actor's actions on the draft and on each paragraph and amendment. */
export function withDraftActions(actor: Actor, view: DraftView): DraftView {
  return {
    ...view,
    actions: draftActions(actor, view.committeeId),
    sections: view.sections.map((s) => ({ ...s, paragraphs: s.paragraphs.map((p) => withParagraphActions(actor, view.committeeId, p)) })),
  };
}

export const MUTABLE_STATUSES: readonly ParagraphStatus[] = ['pending', 'held', 'deferred'];

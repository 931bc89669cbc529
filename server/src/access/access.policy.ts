import type { ParagraphOrigin, ParagraphStatus, Role } from '@omnibus/shared';
import type { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';

/**
 * Every authorization decision of the platform, in one place. Services call `requireAccess` with
 * the facts of the resource; a refusal says who may do it instead.
 */
export type Access =
  | { action: 'committee.read'; committeeId: string }
  | { action: 'draft.create'; committeeId: string }
  | { action: 'draft.configure'; committeeId: string }
  | { action: 'draft.import'; committeeId: string }
  | { action: 'paragraph.create'; committeeId: string }
  | { action: 'paragraph.edit'; committeeId: string; origin: ParagraphOrigin; sponsorDelegationIds: string[] }
  | { action: 'paragraph.decide'; committeeId: string }
  | { action: 'paragraph.move'; committeeId: string }
  | { action: 'paragraph.withdraw'; committeeId: string; proposerDelegationId: string | null }
  | { action: 'amendment.create'; committeeId: string }
  | { action: 'amendment.edit'; committeeId: string; sponsorDelegationIds: string[] }
  | { action: 'amendment.withdraw'; committeeId: string; proposerDelegationId: string }
  | { action: 'sponsorship.invite'; committeeId: string; proposerDelegationId: string | null }
  | { action: 'sponsorship.respond'; committeeId: string; delegationId: string };

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
    role === 'observer' ? 'Observers may read the draft but not change it. ' : '';
  switch (access.action) {
    case 'committee.read':
      return null;
    case 'draft.create':
    case 'draft.import':
      return role === 'secretariat' ? null : `${readOnly}Only the secretariat may set up drafts and import texts.`;
    case 'draft.configure':
      return DRAFTERS.includes(role) ? null : `${readOnly}Only the chair, a vice-chair or the secretariat may change a draft's caps.`;
    case 'paragraph.create':
      return role === 'observer'
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
    default:
      return assertUnreachable(access);
  }
}

export function requireAccess(actor: Actor, access: Access): void {
  const reason = denialReason(actor, access);
  if (reason !== null) {
    // Another committee's resources are not acknowledged to exist.
    if (actor.committeeId !== access.committeeId) throw new AppError('not_found', 'No such resource exists, or you may not see it.');
    throw new AppError('forbidden', reason, { action: access.action, role: actor.role });
  }
}

export const MUTABLE_STATUSES: readonly ParagraphStatus[] = ['pending', 'held', 'deferred'];

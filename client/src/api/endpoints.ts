import type { CreateAmendmentRequest, CreateParagraphRequest, UpdateParagraphRequest } from '@omnibus/shared';
import { call } from './http';

export type { LoginResponse, SponsorshipView as Invitation } from '@omnibus/shared/api-contract';
export type { DelegationInfo } from '@omnibus/shared/view-schemas';

/** What the API takes (the shared request schemas' types). */
export type NewParagraph = CreateParagraphRequest;
export type NewAmendment = CreateAmendmentRequest;

export const api = {
  login: (username: string, password: string) => call('login', { body: { username, password } }),
  me: () => call('me'),
  delegations: () => call('delegations'),
  drafts: () => call('drafts'),
  draft: (id: string) => call('draft', { params: { id } }),
  paragraph: (id: string) => call('paragraph', { params: { id } }),
  /** Several paragraphs of a draft in one request (at most 200 ids), in the order asked; ids no longer in the draft are left out. */
  draftParagraphs: (draftId: string, ids: readonly string[]) => call('draftParagraphs', { params: { id: draftId }, query: { ids: ids.join(',') } }),
  createParagraph: (draftId: string, body: NewParagraph) => call('createParagraph', { params: { id: draftId }, body }),
  updateParagraph: (id: string, body: UpdateParagraphRequest) => call('updateParagraph', { params: { id }, body }),
  withdrawParagraph: (id: string) => call('withdrawParagraph', { params: { id } }),
  inviteToParagraph: (id: string, cosponsors: string[]) => call('inviteToParagraph', { params: { id }, body: { cosponsors } }),
  proposeAmendment: (paragraphId: string, body: NewAmendment) => call('proposeAmendment', { params: { id: paragraphId }, body }),
  withdrawAmendment: (id: string) => call('withdrawAmendment', { params: { id } }),
  inviteToAmendment: (id: string, cosponsors: string[]) => call('inviteToAmendment', { params: { id }, body: { cosponsors } }),
  invitations: () => call('invitations'),
  /** Other delegations asking to join the sponsors of the caller's delegation's new paragraphs (status `requested`). */
  joinRequests: () => call('joinRequests'),
  askToCosponsor: (paragraphId: string) => call('askToCosponsor', { params: { id: paragraphId } }),
  acceptInvitation: (id: string) => call('acceptSponsorship', { params: { id } }),
  declineInvitation: (id: string) => call('declineSponsorship', { params: { id } }),
};

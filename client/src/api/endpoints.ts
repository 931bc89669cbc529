import type {
  AmendmentView,
  CreateAmendmentRequest,
  CreateParagraphRequest,
  DraftSummary,
  DraftView,
  ParagraphView,
  SponsorshipStatus,
  UpdateParagraphRequest,
  UserView,
} from '@omnibus/shared';
import { request } from './http';

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: UserView;
}

export interface DelegationInfo {
  code: string;
  name: string;
  aliases: string[];
}

export interface Invitation {
  id: string;
  draftId: string;
  paragraphId: string | null;
  amendmentId: string | null;
  delegation: string;
  status: SponsorshipStatus;
}

/** What the API takes (the shared request schemas' types; type-only, so no schema enters the bundle). */
export type NewParagraph = CreateParagraphRequest;
export type NewAmendment = CreateAmendmentRequest;

const enc = encodeURIComponent;

export const api = {
  login: (username: string, password: string) => request<LoginResponse>('POST', '/api/auth/login', { username, password }),
  me: () => request<UserView>('GET', '/api/auth/me'),
  delegations: () => request<DelegationInfo[]>('GET', '/api/delegations'),
  drafts: () => request<DraftSummary[]>('GET', '/api/drafts'),
  draft: (id: string) => request<DraftView>('GET', `/api/drafts/${enc(id)}`),
  paragraph: (id: string) => request<ParagraphView>('GET', `/api/paragraphs/${enc(id)}`),
  createParagraph: (draftId: string, body: NewParagraph) => request<ParagraphView>('POST', `/api/drafts/${enc(draftId)}/paragraphs`, body),
  updateParagraph: (id: string, body: UpdateParagraphRequest) =>
    request<ParagraphView>('PATCH', `/api/paragraphs/${enc(id)}`, body),
  withdrawParagraph: (id: string) => request<ParagraphView>('POST', `/api/paragraphs/${enc(id)}/withdraw`),
  inviteToParagraph: (id: string, cosponsors: string[]) => request<unknown>('POST', `/api/paragraphs/${enc(id)}/cosponsors`, { cosponsors }),
  proposeAmendment: (paragraphId: string, body: NewAmendment) =>
    request<AmendmentView>('POST', `/api/paragraphs/${enc(paragraphId)}/amendments`, body),
  withdrawAmendment: (id: string) => request<AmendmentView>('POST', `/api/amendments/${enc(id)}/withdraw`),
  inviteToAmendment: (id: string, cosponsors: string[]) => request<unknown>('POST', `/api/amendments/${enc(id)}/cosponsors`, { cosponsors }),
  invitations: () => request<Invitation[]>('GET', '/api/sponsorships/invitations'),
  /** Other delegations asking to join the sponsors of the caller's delegation's new paragraphs (status `requested`). */
  joinRequests: () => request<Invitation[]>('GET', '/api/sponsorships/requests'),
  askToCosponsor: (paragraphId: string) => request<Invitation>('POST', `/api/paragraphs/${enc(paragraphId)}/join-requests`),
  acceptInvitation: (id: string) => request<Invitation>('POST', `/api/sponsorships/${enc(id)}/accept`),
  declineInvitation: (id: string) => request<Invitation>('POST', `/api/sponsorships/${enc(id)}/decline`),
};

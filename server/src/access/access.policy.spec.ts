import type { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { Access, denialReason, requireAccess } from './access.policy';

const committeeId = 'c1';
const actor = (role: Actor['role'], delegationId: string | null = null): Actor => ({
  userId: `u-${role}-${delegationId ?? ''}`,
  username: role,
  displayName: role,
  role,
  committeeId,
  delegationId,
  delegationCode: delegationId ? delegationId.toUpperCase() : null,
});

const mex = actor('delegate', 'mex');
const us = actor('delegate', 'us');
const chair = actor('chair');
const vice = actor('vice_chair');
const secretariat = actor('secretariat');
const observer = actor('observer');
const translator = actor('translator');

const allowed = (a: Actor, access: Access) => denialReason(a, access) === null;

describe('access policy', () => {
  it('lets everyone in the committee read, and no one outside it', () => {
    for (const a of [mex, chair, secretariat, observer]) expect(allowed(a, { action: 'committee.read', committeeId })).toBe(true);
    expect(() => requireAccess(mex, { action: 'committee.read', committeeId: 'other' })).toThrow(
      expect.objectContaining({ code: 'not_found' }) as unknown as Error,
    );
  });

  it('never lets an observer change anything, and says so', () => {
    const writes: Access[] = [
      { action: 'paragraph.create', committeeId },
      { action: 'paragraph.edit', committeeId, origin: 'chair', sponsorDelegationIds: [] },
      { action: 'paragraph.decide', committeeId },
      { action: 'paragraph.move', committeeId },
      { action: 'amendment.create', committeeId },
      { action: 'draft.create', committeeId },
      { action: 'draft.configure', committeeId },
    ];
    for (const w of writes) expect(denialReason(observer, w)).toMatch(/^Observers may read the draft but not change it\./);
  });

  it('lets language services and the secretariat translate, and keeps translators out of the negotiation itself', () => {
    const translate: Access = { action: 'translation.edit', committeeId };
    expect([translator, secretariat].every((a) => allowed(a, translate))).toBe(true);
    for (const a of [mex, chair, vice, observer]) expect(denialReason(a, translate)).toMatch(/language services \(translators\) and the secretariat/);
    expect(allowed(translator, { action: 'committee.read', committeeId })).toBe(true);
    expect(allowed(translator, { action: 'draft.export', committeeId, published: false })).toBe(true);
    const negotiation: Access[] = [
      { action: 'paragraph.create', committeeId },
      { action: 'paragraph.edit', committeeId, origin: 'chair', sponsorDelegationIds: [] },
      { action: 'amendment.create', committeeId },
      { action: 'draft.coedit.write', committeeId },
      { action: 'comment.create', committeeId },
      { action: 'session.run', committeeId },
      { action: 'committee.languages', committeeId },
    ];
    for (const w of negotiation) expect(allowed(translator, w)).toBe(false);
    expect(allowed(secretariat, { action: 'committee.languages', committeeId })).toBe(true);
  });

  it("lets only a proposal's sponsors edit it, and only its proposer withdraw it", () => {
    const edit: Access = { action: 'paragraph.edit', committeeId, origin: 'delegation', sponsorDelegationIds: ['mex', 'ch'] };
    expect(allowed(mex, edit)).toBe(true);
    expect(allowed(us, edit)).toBe(false);
    expect(allowed(chair, edit)).toBe(false);
    const withdraw: Access = { action: 'paragraph.withdraw', committeeId, proposerDelegationId: 'mex' };
    expect(allowed(mex, withdraw)).toBe(true);
    expect(allowed(us, withdraw)).toBe(false);
    expect(allowed(chair, withdraw)).toBe(false);
  });

  it("keeps the Chair's text with the chair's office and amendments with delegations", () => {
    const edit: Access = { action: 'paragraph.edit', committeeId, origin: 'chair', sponsorDelegationIds: [] };
    expect([chair, vice, secretariat].every((a) => allowed(a, edit))).toBe(true);
    expect(allowed(mex, edit)).toBe(false);
    expect(allowed(mex, { action: 'amendment.create', committeeId })).toBe(true);
    expect(allowed(chair, { action: 'amendment.create', committeeId })).toBe(false);
    expect(allowed(chair, { action: 'paragraph.decide', committeeId })).toBe(true);
    expect(allowed(secretariat, { action: 'paragraph.decide', committeeId })).toBe(false);
  });

  it('lets only the invited delegation answer an invitation', () => {
    const respond: Access = { action: 'sponsorship.respond', committeeId, delegationId: 'us' };
    expect(allowed(us, respond)).toBe(true);
    expect(allowed(mex, respond)).toBe(false);
    expect(allowed(chair, respond)).toBe(false);
  });

  it('refuses with forbidden and a sentence naming who may act', () => {
    try {
      requireAccess(mex, { action: 'draft.create', committeeId });
      throw new Error('expected refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('forbidden');
      expect((err as AppError).message).toBe('Only the secretariat may set up drafts and import texts.');
    }
  });
});

import type { Actor } from '../auth/actor';
import { Access, denialReason } from '../access/access.policy';

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

const people = {
  chair: actor('chair'),
  vice: actor('vice_chair'),
  secretariat: actor('secretariat'),
  observer: actor('observer'),
  mex: actor('delegate', 'mex'),
  ch: actor('delegate', 'ch'),
};
type Who = keyof typeof people;

function allowed(access: Access): Who[] {
  return (Object.keys(people) as Who[]).filter((who) => denialReason(people[who], access) === null);
}

describe('who holds which power in the negotiation', () => {
  it('chair and vice-chairs publish, manage the phases, run sessions and circulate text under silence', () => {
    for (const action of ['version.publish', 'workflow.manage', 'session.run', 'silence.start'] as const) {
      expect(allowed({ action, committeeId })).toEqual(['chair', 'vice']);
    }
  });

  it('the secretariat schedules', () => {
    expect(allowed({ action: 'calendar.schedule', committeeId })).toEqual(['secretariat']);
  });

  it('delegations ask for the floor, break silence and record reservations, in their own name', () => {
    for (const action of ['floor.request', 'silence.object', 'reservation.create'] as const) {
      expect(allowed({ action, committeeId })).toEqual(['mex', 'ch']);
    }
  });

  it('the lead delegation or the chair reports on informal consultations', () => {
    expect(allowed({ action: 'consultation.report', committeeId, leadDelegationId: 'ch' })).toEqual(['chair', 'vice', 'ch']);
  });

  it('everyone but observers comments, and an observer is told why', () => {
    expect(allowed({ action: 'comment.create', committeeId })).toEqual(['chair', 'vice', 'secretariat', 'mex', 'ch']);
    expect(denialReason(people.observer, { action: 'session.run', committeeId })).toMatch(/^Observers may read the draft but not change it\. Only the chair/);
  });

  it('never reaches into another committee', () => {
    expect(denialReason(people.chair, { action: 'session.run', committeeId: 'other' })).toBe('This belongs to another committee.');
  });
});

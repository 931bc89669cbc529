import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { announcementFor, paragraphName } from './live-announcements';

const t = i18n.getFixedT('en', 'a11y');
const draft = { sections: [{ key: 'terrorism-convention', title: 'Inter-American Convention against Terrorism' }] } as never;
const item = { paragraphId: 'p', sectionKey: 'CICTE', sectionTitle: 'CICTE', label: '9', kind: 'substantive', group: 'consensus', status: 'called', paragraphStatus: 'pending', returning: false, compiled: '', position: 1 };
const tally = { approved: 3, total: 12, held: 0, deferred: 0, pending: 9, deleted: 0, text: '3 of 12 approved' };

describe('what a screen reader hears of the room', () => {
  it('names the called paragraph and each decision with its section', () => {
    expect(announcementFor('paragraph.called', { sessionId: 's', item, calledAt: '' }, draft, null, t)).toBe('CICTE 9 is now under consideration.');
    const decision = { id: 'd', sequence: 1, paragraphId: 'p', sectionKey: 'CICTE', label: '9', decision: 'approved', textBefore: '', agreedText: null, leadDelegation: null, note: null, decidedAt: '', decidedBy: null, tally };
    expect(announcementFor('decision.recorded', { sessionId: 's', decision, tally }, draft, null, t)).toBe('CICTE 9 approved. 3 of 12 approved.');
    expect(announcementFor('decision.recorded', { sessionId: 's', decision: { ...decision, decision: 'held', leadDelegation: 'MEX' }, tally }, draft, null, t)).toBe(
      'CICTE 9 held in brackets; informal consultations led by MEX. 3 of 12 approved.',
    );
    expect(paragraphName(draft, 'terrorism-convention', '2')).toBe('Inter-American Convention against Terrorism 2');
  });

  it('tells who takes the floor, and when nobody has it any more, once', () => {
    const speakers = (status: string) => ({ sessionId: 's', speakers: [{ id: '1', delegation: 'MEX', username: 'mex', paragraphId: null, status, requestedAt: '' }] });
    expect(announcementFor('speakers.changed', speakers('speaking'), draft, null, t)).toBe('MEX has the floor.');
    expect(announcementFor('speakers.changed', speakers('speaking'), draft, 'MEX', t)).toBeNull();
    expect(announcementFor('speakers.changed', speakers('waiting'), draft, 'MEX', t)).toBe('Nobody has the floor.');
    expect(announcementFor('comment.added', {}, draft, null, t)).toBeNull();
  });
});

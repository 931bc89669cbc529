import type { QueueItemView, SessionView, Tally } from '@omnibus/shared/workflow-schemas';
import { describe, expect, it } from 'vitest';
import { EMPTY_LIVE, liveReducer, type LiveRoomState } from './live-events';

const tally = (approved: number): Tally => ({ approved, total: 3, held: 0, deferred: 0, pending: 3 - approved, deleted: 0, text: `${approved} of 3 approved` });

const item = (paragraphId: string, label: string, group: QueueItemView['group']): QueueItemView => ({
  paragraphId,
  sectionKey: 'CICTE',
  sectionTitle: 'CICTE',
  label,
  kind: 'substantive',
  group,
  status: 'waiting',
  paragraphStatus: 'pending',
  returning: false,
  compiled: `Paragraph ${label}.`,
  position: 0,
});

const session: SessionView = {
  id: 's1',
  draftId: 'd',
  number: 1,
  meeting: { id: 'm', title: 'Regular meeting', start: null, date: '2022-03-01' },
  status: 'open',
  openedAt: '2022-03-01T14:00:00Z',
  closedAt: null,
  currentParagraphId: null,
  queue: [item('p1', '1', 'consensus'), item('p2', '2', 'amended'), item('p3', '5 bis', 'new')],
  decisions: [],
  speakers: [],
  tally: tally(0),
};

const opened: LiveRoomState = liveReducer(EMPTY_LIVE, { type: 'session.opened', payload: session });

describe('liveReducer', () => {
  it('follows the chair calling a paragraph: the new one is current, the previous one waits again', () => {
    const first = liveReducer(opened, { type: 'paragraph.called', payload: { sessionId: 's1', item: { ...item('p1', '1', 'consensus'), status: 'called' }, calledAt: 'now' } });
    const second = liveReducer(first, { type: 'paragraph.called', payload: { sessionId: 's1', item: { ...item('p2', '2', 'amended'), status: 'called' }, calledAt: 'now' } });
    expect(second.session?.currentParagraphId).toBe('p2');
    expect(second.session?.queue.map((q) => q.status)).toEqual(['waiting', 'called', 'waiting']);
  });

  it('records a decision with its tally and clears the paragraph under consideration', () => {
    const called = liveReducer(opened, { type: 'paragraph.called', payload: { sessionId: 's1', item: { ...item('p1', '1', 'consensus'), status: 'called' }, calledAt: 'now' } });
    const decision = {
      id: 'dec1',
      sequence: 1,
      paragraphId: 'p1',
      sectionKey: 'CICTE',
      label: '1',
      decision: 'approved' as const,
      textBefore: 'Paragraph 1.',
      agreedText: 'Paragraph 1.',
      leadDelegation: null,
      note: null,
      decidedAt: 'now',
      decidedBy: 'chair',
      tally: tally(1),
    };
    const decided = liveReducer(called, { type: 'decision.recorded', payload: { sessionId: 's1', decision, tally: tally(1) } });
    expect(decided.session?.currentParagraphId).toBeNull();
    expect(decided.session?.tally.text).toBe('1 of 3 approved');
    expect(decided.session?.queue[0]).toMatchObject({ status: 'decided', paragraphStatus: 'approved' });
    expect(decided.session?.decisions).toHaveLength(1);
  });

  it('ignores events of another session and keeps the result of one that closed', () => {
    const foreign = liveReducer(opened, { type: 'speakers.changed', payload: { sessionId: 'other', speakers: [] } });
    expect(foreign).toBe(opened);
    const closed = liveReducer(opened, { type: 'session.closed', payload: { sessionId: 's1', decisions: 2, tally: tally(2) } });
    expect(closed.session).toBeNull();
    expect(closed.closed?.tally.text).toBe('2 of 3 approved');
  });
});

import { closedMessage, windowState } from './comment-window';

const deadline = new Date('2022-08-15T03:59:00Z'); // August 14, 2022, 11:59 PM in Washington
const before = new Date('2022-08-10T12:00:00Z');
const after = new Date('2022-08-16T12:00:00Z');

describe('the comment window', () => {
  it('is open while drafting, and during the window up to and including the deadline', () => {
    expect(windowState('drafting', null, after)).toEqual({ open: true });
    expect(windowState('comments', deadline, before)).toEqual({ open: true });
    expect(windowState('comments', deadline, deadline)).toEqual({ open: true });
  });

  it('closes after the deadline and in every later phase', () => {
    expect(windowState('comments', deadline, after)).toEqual({ open: false, reason: 'deadline', deadline });
    for (const phase of ['revision', 'negotiation', 'adopted'] as const) {
      expect(windowState(phase, deadline, before)).toMatchObject({ open: false, reason: 'phase', phase });
    }
  });

  it('refuses with a sentence naming the deadline in the committee’s time zone', () => {
    const state = windowState('comments', deadline, after);
    if (state.open) throw new Error('expected closed');
    expect(closedMessage(state, 'amendment', 'America/New_York', after)).toBe(
      'The comment window closed on Sunday, August 14, 2022 at 11:59 PM EDT (America/New_York): amendments from delegations are no longer received. The chair may reopen or extend the window.',
    );
    const phase = windowState('negotiation', null, after);
    if (phase.open) throw new Error('expected closed');
    expect(closedMessage(phase, 'paragraph', 'America/New_York', after)).toBe(
      'The chair closed the comment window by moving the draft to its negotiation phase: new paragraphs from delegations are no longer received. The window can no longer be reopened.',
    );
  });

  it('never names a deadline still ahead as the day the window closed', () => {
    // The chair moved to revision on 10 August, four days before the planned deadline.
    const early = windowState('revision', deadline, before);
    if (early.open) throw new Error('expected closed');
    const message = closedMessage(early, 'amendment', 'America/New_York', before);
    expect(message).toBe(
      'The chair closed the comment window before its deadline of Sunday, August 14, 2022 at 11:59 PM EDT (America/New_York) by moving the draft to its revision phase: amendments from delegations are no longer received. The chair may reopen the window.',
    );
    expect(message).not.toMatch(/closed on/);
    const late = windowState('revision', deadline, after);
    if (late.open) throw new Error('expected closed');
    expect(closedMessage(late, 'comment', 'America/New_York', after)).toBe(
      'The comment window closed on Sunday, August 14, 2022 at 11:59 PM EDT (America/New_York) and the draft is now in its revision phase: comments from delegations are no longer received. The chair may reopen the window.',
    );
  });
});

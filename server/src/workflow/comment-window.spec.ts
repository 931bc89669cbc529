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
    expect(closedMessage(state, 'amendment', 'America/New_York')).toBe(
      'The comment window closed on Sunday, August 14, 2022 at 11:59 PM EDT (America/New_York): amendments from delegations are no longer received. The chair may reopen or extend the window.',
    );
    const phase = windowState('negotiation', null, after);
    if (phase.open) throw new Error('expected closed');
    expect(closedMessage(phase, 'paragraph', 'America/New_York')).toMatch(/^The draft is in its negotiation phase and the comment window is closed: new paragraphs/);
  });
});

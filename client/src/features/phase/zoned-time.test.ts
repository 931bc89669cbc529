import { describe, expect, it } from 'vitest';
import { zonedToUtc } from './zoned-time';
import { remaining, windowAt } from './comment-window';

describe('a deadline typed in the committee’s time zone', () => {
  it('reads 23:59 as 23:59 in Washington, summer and winter, whatever the browser’s zone', () => {
    expect(zonedToUtc('2022-08-14T23:59', 'America/New_York')?.toISOString()).toBe('2022-08-15T03:59:00.000Z');
    expect(zonedToUtc('2026-12-06T23:59', 'America/New_York')?.toISOString()).toBe('2026-12-07T04:59:00.000Z');
    expect(zonedToUtc('2026-12-06T23:59', 'UTC')?.toISOString()).toBe('2026-12-06T23:59:00.000Z');
  });

  it('reads a time skipped by the spring-forward change as the server does: moved on by the gap', () => {
    expect(zonedToUtc('2022-03-13T02:30', 'America/New_York')?.toISOString()).toBe('2022-03-13T07:30:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(zonedToUtc('', 'America/New_York')).toBeNull();
    expect(zonedToUtc('tomorrow', 'America/New_York')).toBeNull();
  });
});

describe('the comment window as the screen sees it', () => {
  const deadline = '2022-08-15T03:59:00.000Z';
  const before = Date.parse('2022-08-10T12:00:00Z');
  const after = Date.parse('2022-08-16T12:00:00Z');

  it('is open until the deadline, then closed by it', () => {
    expect(windowAt({ phase: 'comments', commentDeadline: deadline }, before)).toEqual({ open: true, closesAt: Date.parse(deadline) });
    expect(windowAt({ phase: 'comments', commentDeadline: deadline }, after)).toMatchObject({ open: false, reason: 'deadline' });
  });

  it('is closed by the phase, not the deadline, when the chair moved on before it', () => {
    expect(windowAt({ phase: 'revision', commentDeadline: deadline }, before)).toMatchObject({ open: false, reason: 'phase', phase: 'revision', deadlinePassed: false });
    expect(windowAt({ phase: 'negotiation', commentDeadline: deadline }, after)).toMatchObject({ open: false, reason: 'phase', deadlinePassed: true });
  });

  it('counts down in whole minutes, never showing zero while still open', () => {
    expect(remaining(26 * 3_600_000 + 5 * 60_000)).toEqual({ days: 1, hours: 2, minutes: 5 });
    expect(remaining(10_000)).toEqual({ days: 0, hours: 0, minutes: 1 });
  });
});

import { describeInstant, localDate, zonedToUtc } from './time-zone';

const NY = 'America/New_York';

describe('committee time zone', () => {
  it('turns the work plan’s Washington times into UTC, with daylight saving as the zone applies it', () => {
    // September 1, 2022, 10:00 a.m. is EDT (UTC−4); February 10, 2022 is EST (UTC−5).
    expect(zonedToUtc('2022-09-01', '10:00', NY).toISOString()).toBe('2022-09-01T14:00:00.000Z');
    expect(zonedToUtc('2022-02-10', '10:00', NY).toISOString()).toBe('2022-02-10T15:00:00.000Z');
    expect(zonedToUtc('2022-08-14', '23:59', NY).toISOString()).toBe('2022-08-15T03:59:00.000Z');
  });

  it('handles the hours around a change of offset', () => {
    // 2022-03-13 02:30 does not exist in New York; the clock jumps from 02:00 EST to 03:00 EDT.
    expect(zonedToUtc('2022-03-13', '01:30', NY).toISOString()).toBe('2022-03-13T06:30:00.000Z');
    expect(zonedToUtc('2022-03-13', '03:30', NY).toISOString()).toBe('2022-03-13T07:30:00.000Z');
  });

  it('moves a wall time in the spring-forward gap forward by the gap, as Temporal does', () => {
    // 02:30 never happens on 2022-03-13 in New York: it is read as 03:30 EDT, never as 01:30 EST.
    expect(zonedToUtc('2022-03-13', '02:30', NY).toISOString()).toBe('2022-03-13T07:30:00.000Z');
    expect(zonedToUtc('2022-03-13', '02:00', NY).toISOString()).toBe('2022-03-13T07:00:00.000Z');
  });

  it('reads a wall time repeated when clocks fall back as its earlier instant', () => {
    // 01:30 happens twice on 2022-11-06: first in EDT (05:30Z), then in EST (06:30Z).
    expect(zonedToUtc('2022-11-06', '01:30', NY).toISOString()).toBe('2022-11-06T05:30:00.000Z');
    expect(zonedToUtc('2022-11-06', '02:30', NY).toISOString()).toBe('2022-11-06T07:30:00.000Z');
    // Southern hemisphere and a half-hour zone.
    expect(zonedToUtc('2022-04-03', '02:30', 'Australia/Sydney').toISOString()).toBe('2022-04-02T15:30:00.000Z');
    expect(zonedToUtc('2022-10-02', '02:30', 'Australia/Sydney').toISOString()).toBe('2022-10-01T16:30:00.000Z');
    expect(zonedToUtc('2022-07-01', '12:00', 'Asia/Kolkata').toISOString()).toBe('2022-07-01T06:30:00.000Z');
  });

  it('reads an instant as the committee’s calendar date and names it in full', () => {
    const deadline = new Date('2022-08-15T03:59:00Z');
    expect(localDate(deadline, NY)).toBe('2022-08-14');
    expect(localDate(deadline, 'UTC')).toBe('2022-08-15');
    expect(describeInstant(deadline, NY)).toBe('Sunday, August 14, 2022 at 11:59 PM EDT (America/New_York)');
  });
});

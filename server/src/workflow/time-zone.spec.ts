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

  it('reads an instant as the committee’s calendar date and names it in full', () => {
    const deadline = new Date('2022-08-15T03:59:00Z');
    expect(localDate(deadline, NY)).toBe('2022-08-14');
    expect(localDate(deadline, 'UTC')).toBe('2022-08-15');
    expect(describeInstant(deadline, NY)).toBe('Sunday, August 14, 2022 at 11:59 PM EDT (America/New_York)');
  });
});

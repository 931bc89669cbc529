import { escapeText, foldLine, writeIcs } from './ics';

const stamp = new Date('2022-08-01T12:00:00Z');

describe('iCalendar feed (RFC 5545)', () => {
  const ics = writeIcs({
    name: 'CSH 2021–2022',
    timeZone: 'America/New_York',
    events: [
      {
        uid: 'meeting-1@omnibus',
        stamp,
        sequence: 0,
        summary: 'Regular Meeting of the CSH (annual reports and consideration of the draft resolution)',
        description: 'Annual reports; CICAD, CICTE and IADB\nConsideration of the first revised version',
        start: new Date('2022-09-01T14:00:00Z'),
        end: new Date('2022-09-01T17:00:00Z'),
        categories: ['regular'],
      },
      { uid: 'deadline@omnibus', stamp, sequence: 2, summary: 'Deadline to receive comments', date: '2022-08-14' },
      { uid: 'mispa@omnibus', stamp, sequence: 0, summary: 'MISPA-VIII', date: '2022-10-24', endDate: '2022-10-25', location: 'San Salvador, El Salvador', tentative: true },
      { uid: 'mines@omnibus', stamp, sequence: 0, summary: 'Register of Antipersonnel Land Mines', date: '2022-04-15', yearly: true },
    ],
  });
  const lines = ics.split('\r\n');

  it('ends every line with CRLF and never uses a bare LF', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('folds lines longer than 75 octets, continuation lines starting with a space', () => {
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Regular Meeting of the CSH (annual reports and consideration of the draft resolution)');
  });

  it('never splits a multi-byte character when folding', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(100)}`);
    for (const piece of folded.split('\r\n')) {
      expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(75);
      expect(piece).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(100)}`);
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
    expect(ics.replace(/\r\n /g, '')).toContain('DESCRIPTION:Annual reports\\; CICAD\\, CICTE and IADB\\nConsideration of the first revised version');
  });

  it('gives every event a UID and a DTSTAMP, timed events in UTC and whole days as DATE values', () => {
    const events = ics.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(4);
    for (const e of events) {
      expect(e).toMatch(/\r\nUID:[^\r]+@omnibus\r\n/);
      expect(e).toContain('DTSTAMP:20220801T120000Z');
    }
    expect(events[0]).toContain('DTSTART:20220901T140000Z\r\nDTEND:20220901T170000Z');
    expect(events[1]).toContain('DTSTART;VALUE=DATE:20220814\r\nDTEND;VALUE=DATE:20220815');
    expect(events[2]).toContain('DTEND;VALUE=DATE:20221026');
    expect(events[2]).toContain('STATUS:TENTATIVE');
    expect(events[3]).toContain('RRULE:FREQ=YEARLY');
  });
});

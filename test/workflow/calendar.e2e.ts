import { MEETINGS, REPORT_REMINDERS } from '@omnibus/shared';
import { startTestServer, TestServer } from '../support/test-server';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('the work plan’s calendar', () => {
  it('lists the seeded meetings, milestones and yearly report reminders, times in UTC', async () => {
    const res = await t.api('GET', '/api/calendar', { token: await t.login('observer') });
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('America/New_York');
    const events = res.body.events as any[];
    const by = (category: string) => events.filter((e) => e.category === category);
    expect(by('meeting')).toHaveLength(MEETINGS.length);
    expect(by('milestone').map((e) => [e.kind, e.date])).toEqual([
      ['first_version', '2022-07-14'],
      ['comment_deadline', '2022-08-14'],
      ['revised_distribution', '2022-08-22'],
    ]);
    expect(by('reminder')).toHaveLength(REPORT_REMINDERS.filter((r) => r.monthDay !== null).length);
    expect(by('reminder').every((e) => e.yearly)).toBe(true);
    const feb10 = events.find((e) => e.start === '2022-02-10T15:00:00.000Z');
    expect(feb10).toMatchObject({ kind: 'regular', end: '2022-02-10T18:00:00.000Z' });
    expect(feb10.agenda.some((a: { paragraphRefs?: string[] }) => a.paragraphRefs?.includes('93'))).toBe(true);
    const allDay = events.find((e) => e.start === '2022-09-13T14:00:00.000Z');
    expect(allDay).toMatchObject({ kind: 'all_day', end: '2022-09-13T21:30:00.000Z' });
    expect(events.find((e) => e.title.includes('MISPA-VIII') && e.category === 'meeting')).toMatchObject({ date: '2022-10-24', endDate: '2022-10-25', start: null });
    const starts = events.map((e) => e.start ?? `${e.date}T00:00:00.000Z`);
    expect([...starts].sort()).toEqual(starts);
  });

  it('serves an iCalendar feed a delegate subscribes to without signing in', async () => {
    const mex = await t.login('mex');
    expect((await t.api('GET', '/api/calendar.ics')).status).toBe(401);
    const direct = await t.api('GET', '/api/calendar.ics', { token: mex });
    expect(direct.headers.get('content-type')).toMatch(/^text\/calendar/);
    const sub = await t.api('GET', '/api/calendar/subscription', { token: mex });
    expect(sub.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/feed\/[A-Za-z0-9_-]{32}\.ics$/);
    expect(sub.body.webcal).toMatch(/^webcal:/);
    expect((await t.api('GET', '/api/calendar/subscription', { token: mex })).body.url).toBe(sub.body.url);
    const feed = await fetch(sub.body.url);
    expect(feed.status).toBe(200);
    const ics = await feed.text();
    expect(ics).toBe(direct.body);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const events = unfold(ics).split('BEGIN:VEVENT').slice(1);
    const listed = (await t.api('GET', '/api/calendar', { token: mex })).body.events;
    expect(events).toHaveLength(listed.length);
    for (const e of events) expect(e).toMatch(/\r\nUID:[0-9a-f-]{36}@omnibus\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(unfold(ics)).toContain('DTSTART:20220901T140000Z\r\nDTEND:20220901T170000Z');
    expect(unfold(ics)).toContain('SUMMARY:Deadline to receive comments on the first version of the draft resolution\\, as well as new paragraphs');
    expect(unfold(ics)).toMatch(/DTSTART;VALUE=DATE:20220415\r\nDTEND;VALUE=DATE:20220416\r\nRRULE:FREQ=YEARLY/);
    expect((await fetch(sub.body.url.replace(/feed\/[^.]+/, 'feed/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'))).status).toBe(404);
  });

  it('the secretariat schedules meetings; no one else does, and a refusal adds nothing', async () => {
    const meeting = {
      title: 'Special Meeting on the draft resolution',
      kind: 'special',
      start: '2022-09-20T10:00:00-04:00',
      end: '2022-09-20T13:00:00-04:00',
      agenda: [{ text: 'Paragraphs held in brackets', entityKey: 'CICTE', paragraphRefs: ['5 bis'] }],
    };
    const count = async () => (await t.api('GET', '/api/calendar', { token: await t.login('chair') })).body.events.length;
    const before = await count();
    for (const who of ['chair', 'mex', 'observer']) {
      const refused = await t.api('POST', '/api/calendar/meetings', { token: await t.login(who), body: meeting });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/secretariat schedules/);
    }
    const bad = await t.api('POST', '/api/calendar/meetings', { token: await t.login('secretariat'), body: { ...meeting, end: '2022-09-20T09:00:00-04:00' } });
    expect(bad.status).toBe(400);
    expect(await count()).toBe(before);
    const made = await t.api('POST', '/api/calendar/meetings', { token: await t.login('secretariat'), body: meeting });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ category: 'meeting', kind: 'special', start: '2022-09-20T14:00:00.000Z', end: '2022-09-20T17:00:00.000Z' });
    expect(await count()).toBe(before + 1);
  });
});

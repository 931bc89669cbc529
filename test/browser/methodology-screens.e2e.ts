import * as fs from 'node:fs';
import type { DraftView } from '@omnibus/shared';
import type { Browser, Page } from 'playwright-core';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, type TestServer } from '../support/test-server';
import { travelTo } from '../workflow/live-helpers';
import { ok } from '../workflow/workflow-helpers';
import { launchChromium } from './support/chromium';
import { ensureClientBuilt } from './support/client-build';
import { paragraphCard, screenshot, signIn, type Person } from './support/room';

let t: TestServer;
let browser: Browser;
let draft: DraftView;
let chair: Person;
let mex: Person;
let can: Person;
let chairToken: string;
let sessionId: string;

/** The work plan up to a closed first session: CICTE 1 approved, CICTE 2 held with MEX leading consultations. */
async function firstSession(): Promise<void> {
  const secretariat = await t.login('secretariat');
  await ok(t, `/api/drafts/${draft.id}/versions`, chairToken, { name: 'First draft' });
  await ok(t, `/api/drafts/${draft.id}/workflow/phase`, chairToken, { phase: 'comments', commentDeadline: new Date(Date.now() + 86_400_000).toISOString() });
  await ok(t, `/api/drafts/${draft.id}/workflow/phase`, chairToken, { phase: 'revision' });
  await ok(t, `/api/drafts/${draft.id}/versions`, chairToken, { name: 'rev. 1' });
  await ok(t, `/api/drafts/${draft.id}/workflow/phase`, chairToken, { phase: 'negotiation' });
  const start = new Date(Date.now() + 3_600_000);
  const meeting = await ok(t, '/api/calendar/meetings', secretariat, {
    title: 'Regular meeting of the CSH: approval of the omnibus draft',
    kind: 'regular',
    start: start.toISOString(),
    end: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
  });
  const session = await ok(t, `/api/drafts/${draft.id}/sessions`, chairToken, { meetingId: meeting.id });
  sessionId = session.id;
  const cicte = section(draft, 'entity', 'CICTE');
  await ok(t, `/api/sessions/${sessionId}/call`, chairToken, { paragraphId: paragraph(cicte, '1').id });
  await ok(t, `/api/sessions/${sessionId}/decisions`, chairToken, { decision: 'approved' });
  await ok(t, `/api/sessions/${sessionId}/call`, chairToken, { paragraphId: paragraph(cicte, '2').id });
  await ok(t, `/api/sessions/${sessionId}/decisions`, chairToken, { decision: 'held', leadDelegation: 'MEX' });
  await ok(t, `/api/sessions/${sessionId}/close`, chairToken);
}

async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
  await page.getByRole('heading', { level: 2 }).first().waitFor();
}

/** A wall-clock time two days ahead in the committee's zone, as a datetime-local field takes it. */
function committeeLocalInTwoDays(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    new Date(Date.now() + 2 * 86_400_000),
  );
  const v = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${v('year')}-${v('month')}-${v('day')}T${v('hour')}:${v('minute')}`;
}

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
  chairToken = await t.login('chair');
  draft = await demoDraft(t, chairToken);
  await firstSession();
  [chair, mex, can] = await Promise.all([signIn(browser, t.url, 'chair', { width: 1920, height: 1080 }), signIn(browser, t.url, 'mex'), signIn(browser, t.url, 'can')]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the methodology on screen', () => {
  it('names a held paragraph’s lead delegation, and the lead reports it ready; the chair sees it live', async () => {
    await paragraphCard(mex.page, 'CICTE', '2').locator('.held-by[data-lead="MEX"]').waitFor();
    await openView(chair.page, 'Informal consultations');
    await openView(mex.page, 'Informal consultations');
    const item = mex.page.locator('[data-consultation="CICTE 2"]');
    await item.getByText('Led by MEX').waitFor();
    await item.getByLabel('Note for the committee (optional)').fill('Agreed text circulated to the group of friends.');
    await item.getByRole('button', { name: 'Report ready to return to a session' }).click();
    await chair.page.locator('[data-consultation="CICTE 2"][data-status="ready"]').waitFor();
    await chair.page.getByText('Agreed text circulated to the group of friends.').waitFor();
    await screenshot(chair.page, 'consultations-1920-chair');
  });

  it('lets a delegation attach a reservation that everyone sees as a footnote', async () => {
    await openView(mex.page, 'Draft');
    const card = paragraphCard(mex.page, 'CICTE', '1');
    await card.getByRole('button', { name: 'Attach a reservation' }).click();
    await card.getByLabel('Text of the reservation, in your delegation\'s name').fill('Mexico reserves its position on the second sentence.');
    await card.getByRole('button', { name: 'Attach the reservation' }).click();
    await paragraphCard(can.page, 'CICTE', '1').locator('.footnotes [data-reservation="MEX"]').waitFor();
    expect(await paragraphCard(can.page, 'CICTE', '1').locator('.footnotes').textContent()).toContain('MEX: Mexico reserves its position on the second sentence.');
    // Focus returns to the button that opened the form.
    await screenshot(can.page, 'reservation-1366-footnote', paragraphCard(can.page, 'CICTE', '1'));
  });

  it('shows each paragraph’s history: who, which delegation, when, what changed', async () => {
    const card = paragraphCard(mex.page, 'CICTE', '1');
    await card.getByRole('button', { name: 'History' }).click();
    const history = card.getByRole('region', { name: 'History of paragraph CICTE 1' });
    await history.locator('tr[data-action="reservation.create"]').waitFor();
    const rows = await history.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.some((r) => /mex \(MEX\).*attached a reservation/.test(r))).toBe(true);
    expect(rows.some((r) => /chair.*decision: approved/.test(r))).toBe(true);
    await screenshot(mex.page, 'history-1366-cicte-1', history);
  });

  it('keeps the minutes of every session, downloadable', async () => {
    await openView(chair.page, 'Minutes');
    const minutes = chair.page.locator('.minutes[data-session="1"]');
    await minutes.locator('[data-decision="held"]').waitFor();
    expect(await minutes.locator('li[data-decision]').count()).toBe(2);
    const [file] = await Promise.all([chair.page.waitForEvent('download'), minutes.getByRole('button', { name: 'Download (Markdown)' }).click()]);
    const text = fs.readFileSync((await file.path())!, 'utf8');
    expect(text).toMatch(/^# Minutes: approval session 1/);
    expect(file.suggestedFilename()).toMatch(/\.md$/);
    await screenshot(chair.page, 'minutes-1920-chair');
  });

  it('runs the silence procedure: the chair circulates, a delegation breaks silence with its reason, everyone sees the outcome', async () => {
    await openView(chair.page, 'Silence procedure');
    await openView(can.page, 'Silence procedure');
    await chair.page.getByRole('checkbox', { name: 'CICTE 3' }).check();
    await chair.page.getByLabel(/^Deadline \(time zone: America\/New_York\)/).fill(committeeLocalInTwoDays());
    await chair.page.getByRole('button', { name: 'Circulate', exact: true }).click();
    const procedure = can.page.locator('[data-silence][data-status="open"]');
    await procedure.getByRole('timer').waitFor();
    // 48 hours, rounded up to the minute against the page's clock, which ticks once in a while: up to 2 d 0 h 1 min.
    expect(await procedure.getByRole('timer').textContent()).toMatch(/\(1 d 23 h \d+ min left\)|\(2 d 0 h [01] min left\)/);
    await procedure.getByLabel('Objection (required)').fill('Canada needs to consult its capital on the budgetary implications.');
    await procedure.getByRole('button', { name: 'Break silence' }).click();
    await chair.page.locator('[data-silence] [data-objection="CAN"]').waitFor();
    await chair.page.locator('[data-silence][data-status="open"]').getByText('Silence broken by CAN').waitFor();
    // At the deadline the broken silence sends the text back to the committee, on every screen.
    travelTo(t, new Date(Date.now() + 3 * 86_400_000).toISOString());
    await chair.page.locator('[data-silence][data-status="broken"]').waitFor();
    await can.page.locator('[data-silence][data-status="broken"]').waitFor();
    await screenshot(chair.page, 'silence-1920-broken');
  });

  it('shows the calendar and its private iCalendar subscription', async () => {
    await openView(mex.page, 'Calendar');
    await mex.page.locator('[data-event="comment_deadline"]').first().waitFor();
    await mex.page.getByRole('button', { name: 'Get my subscription address' }).click();
    const address = await mex.page.getByLabel('Subscription address (iCalendar)').inputValue();
    expect(address).toMatch(/\/api\/calendar\/feed\/.+\.ics$/);
    const feed = await fetch(address);
    expect(feed.headers.get('content-type')).toMatch(/text\/calendar/);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await screenshot(mex.page, 'calendar-1366-subscription');
  });
});

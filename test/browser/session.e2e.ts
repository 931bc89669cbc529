import type { DraftView } from '@omnibus/shared';
import type { Browser } from 'playwright-core';
import { demoDraft } from '../support/draft-helpers';
import { ok } from '../workflow/workflow-helpers';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchChromium } from './support/chromium';
import { ensureClientBuilt } from './support/client-build';
import { paragraphCard, screenshot, signIn, type Person } from './support/room';

let t: TestServer;
let browser: Browser;
let draft: DraftView;
let chair: Person;
let mex: Person;
let observer: Person;

/** Brings the demo draft to its negotiation phase the way the work plan does: versions and a comment window. */
async function toNegotiation(): Promise<void> {
  const token = await t.login('chair');
  const secretariat = await t.login('secretariat');
  await ok(t, `/api/drafts/${draft.id}/versions`, token, { name: 'First draft' });
  await ok(t, `/api/drafts/${draft.id}/workflow/phase`, token, { phase: 'comments', commentDeadline: new Date(Date.now() + 86_400_000).toISOString() });
  await ok(t, `/api/drafts/${draft.id}/workflow/phase`, token, { phase: 'revision' });
  await ok(t, `/api/drafts/${draft.id}/versions`, token, { name: 'rev. 1' });
  await ok(t, `/api/drafts/${draft.id}/workflow/phase`, token, { phase: 'negotiation' });
  // The meeting the session is held at, as the calendar holds the work plan's meetings.
  const start = new Date(Date.now() + 3_600_000);
  await ok(t, '/api/calendar/meetings', secretariat, {
    title: 'Regular meeting of the CSH: approval of the omnibus draft',
    kind: 'regular',
    start: start.toISOString(),
    end: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
  });
}

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
  draft = await demoDraft(t, await t.login('observer'));
  await toNegotiation();
  [chair, mex, observer] = await Promise.all([
    signIn(browser, t.url, 'chair', { width: 1600, height: 1000 }),
    signIn(browser, t.url, 'mex'),
    signIn(browser, t.url, 'observer'),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('an approval session seen from every seat', () => {
  it('lets the chair open a session whose queue follows the seed\'s order, and everyone sees it', async () => {
    const panel = chair.page.getByRole('complementary', { name: 'Approval session' });
    await panel.locator('[data-phase="negotiation"]').waitFor();
    await panel.getByRole('button', { name: 'Open approval session' }).click();
    await panel.getByRole('heading', { name: /Approval session 1/ }).waitFor();
    // Consensus first, then amended, then new: CICTE 5 bis (new) comes after every consensus paragraph.
    const order = await panel.locator('.queue-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-queue-label')));
    expect(order.indexOf('CICTE 5 bis')).toBe(order.length - 1);
    expect(order.slice(0, 3)).toEqual(['terrorism-convention 1', 'terrorism-convention 2', 'CICTE 1']);
    for (const p of [mex, observer]) await p.page.getByRole('complementary', { name: 'Approval session' }).getByRole('heading', { name: /Approval session 1/ }).waitFor();
  });

  it('highlights the paragraph the chair calls on every screen', async () => {
    const panel = chair.page.getByRole('complementary', { name: 'Approval session' });
    await panel.getByRole('button', { name: 'Call CICTE 1' }).click();
    for (const p of [chair, mex, observer]) {
      await p.page.locator('[data-current="CICTE 1"]').waitFor();
      await paragraphCard(p.page, 'CICTE', '1').and(p.page.locator('.under-consideration')).waitFor();
    }
    await screenshot(observer.page, 'session-1-observer-sees-current');
  });

  it('puts a delegation that requests the floor on the chair\'s speakers\' list', async () => {
    await mex.page.getByRole('button', { name: 'Request the floor' }).click();
    await chair.page.locator('[data-speaker="MEX"]').waitFor();
    await mex.page.getByRole('button', { name: 'Withdraw request for the floor' }).waitFor();
    await chair.page.getByRole('button', { name: 'Give the floor to the next speaker' }).click();
    await mex.page.locator('[data-speaker="MEX"]').filter({ hasText: 'has the floor' }).waitFor();
  });

  it('records the chair\'s approval and every browser shows the paragraph approved with the tally', async () => {
    const panel = chair.page.getByRole('complementary', { name: 'Approval session' });
    await panel.getByRole('button', { name: 'Approve 1' }).click();
    for (const p of [chair, mex, observer]) {
      await paragraphCard(p.page, 'CICTE', '1').locator('[data-status="approved"]').waitFor();
      await p.page.locator('[data-tally^="1 of "]').waitFor();
    }
    await expect(mex.page.locator('.queue-item[data-queue-label="CICTE 1"]').innerText()).resolves.toContain('approved');
    await screenshot(chair.page, 'session-2-chair-console-after-approval');
    await screenshot(mex.page, 'session-3-mex-sees-approval');
  });

  it('keeps the decision buttons for the chair alone', async () => {
    const panel = chair.page.getByRole('complementary', { name: 'Approval session' });
    await panel.getByRole('button', { name: 'Call CICTE 2' }).click();
    await mex.page.locator('[data-current="CICTE 2"]').waitFor();
    await expect(mex.page.getByRole('button', { name: 'Approve 2' }).count()).resolves.toBe(0);
    await expect(observer.page.getByRole('button', { name: 'Request the floor' }).count()).resolves.toBe(0);
  });

  it('signs a delegate out on screen, saying why, when its session is ended from another client', async () => {
    const token = await mex.page.evaluate(() => (JSON.parse(sessionStorage.getItem('omnibus.session') ?? 'null') as { token: string } | null)?.token ?? null);
    expect(token).toEqual(expect.any(String));
    const ended = Date.now();
    expect((await t.api('POST', '/api/auth/logout', { token: token! })).status).toBe(204);
    // Told by the room's sockets, not by the next request: nothing is clicked on this page.
    await mex.page.getByText('You signed out, in this or another window; sign in again to go on.').waitFor({ timeout: 5_000 });
    console.log(`signed out on screen ${Date.now() - ended} ms after the logout`);
    await expect(mex.page.getByLabel('Username').isVisible()).resolves.toBe(true);
    await expect(mex.page.evaluate(() => sessionStorage.getItem('omnibus.session'))).resolves.toBeNull();
  });
});

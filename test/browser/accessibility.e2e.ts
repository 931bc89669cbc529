import type { DraftView } from '@omnibus/shared';
import type { Browser, Page } from 'playwright-core';
import { demoDraft } from '../support/draft-helpers';
import { startTestServer, type TestServer } from '../support/test-server';
import { ok, openSessionNow } from '../workflow/workflow-helpers';
import { axeViolations, type AxeViolation } from './support/axe';
import { launchChromium } from './support/chromium';
import { ensureClientBuilt } from './support/client-build';
import { paragraphCard, screenshot, signIn, type Person } from './support/room';
import { writeFigures } from './support/timing';

let t: TestServer;
let browser: Browser;
let draft: DraftView;
let chair: Person;
let mex: Person;
let phone: Person;
const figures: Record<string, { violations: number; passes: number; ids: string[] }> = {};

async function check(page: Page, view: string): Promise<AxeViolation[]> {
  const { violations, passes } = await axeViolations(page);
  figures[view] = { violations: violations.length, passes, ids: violations.map((v) => `${v.id} (${v.impact}): ${v.targets.join(' | ')}`) };
  return violations;
}

async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
  await page.locator('main#draft-main h2, main#draft-main h1').first().waitFor();
}

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
  const chairToken = await t.login('chair');
  draft = await demoDraft(t, chairToken);
  await ok(t, `/api/drafts/${draft.id}/versions`, chairToken, { name: 'First draft' });
  await ok(t, `/api/drafts/${draft.id}/workflow/phase`, chairToken, { phase: 'comments', commentDeadline: new Date(Date.now() + 30 * 3_600_000).toISOString() });
  [chair, mex, phone] = await Promise.all([
    signIn(browser, t.url, 'chair', { width: 1920, height: 1080 }),
    signIn(browser, t.url, 'mex'),
    signIn(browser, t.url, 'can', { width: 390, height: 844 }),
  ]);
}, 120_000);

afterAll(async () => {
  writeFigures('axe-per-view', figures);
  process.stdout.write(`axe per view: ${JSON.stringify(figures, null, 1)}\n`);
  await browser?.close();
  await t?.close();
});

describe('axe finds no violation of any impact on the main views and states', () => {
  it('delegate room (1366 px): the draft, the bracket tool open, a paragraph history open', async () => {
    expect(await check(mex.page, 'delegate room')).toEqual([]);
    const card = paragraphCard(mex.page, 'CICTE', '7');
    await card.getByRole('button', { name: 'Propose amendment' }).click();
    await card.locator('textarea.base-text').waitFor();
    expect(await check(mex.page, 'delegate bracket tool')).toEqual([]);
    await mex.page.keyboard.press('Escape');
    await card.getByRole('button', { name: 'History' }).click();
    await card.locator('.history').waitFor();
    expect(await check(mex.page, 'delegate paragraph history')).toEqual([]);
    await screenshot(mex.page, 'a11y-1366-delegate-room');
  });

  it("the translator's screen, at 1366 px and on a 390 px phone without sideways scrolling", async () => {
    for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
      const translator = await signIn(browser, t.url, 'translator', viewport, '.translations-view .translation-controls');
      expect(await check(translator.page, `translator ${viewport.width} px`)).toEqual([]);
      expect(await translator.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await translator.context.close();
    }
  });

  it('versions, documents, minutes, consultations, silence and calendar views', async () => {
    for (const view of ['Versions and redline', 'Export and import', 'Minutes', 'Informal consultations', 'Silence procedure', 'Calendar']) {
      await openView(mex.page, view);
      expect(await check(mex.page, view)).toEqual([]);
    }
  });

  it('chair room with an open session (1920 px)', async () => {
    const token = await t.login('chair');
    const session = await openSessionNow(t, draft.id, token);
    await ok(t, `/api/sessions/${session.id}/call`, token, {});
    await chair.page.locator('[data-current]').waitFor();
    expect(await check(chair.page, 'chair room with session')).toEqual([]);
    await screenshot(chair.page, 'a11y-1920-chair-session');
  });

  it('the phone layout (390 px)', async () => {
    await phone.page.locator('[data-current]').first().waitFor({ state: 'attached' });
    expect(await check(phone.page, 'phone room')).toEqual([]);
    await screenshot(phone.page, 'a11y-390-phone-room');
  });
});

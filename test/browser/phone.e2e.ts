import type { DraftView } from '@omnibus/shared';
import type { Browser, Page } from 'playwright-core';
import { demoDraft } from '../support/draft-helpers';
import { startTestServer, type TestServer } from '../support/test-server';
import { ok, openSessionNow } from '../workflow/workflow-helpers';
import { launchChromium } from './support/chromium';
import { ensureClientBuilt } from './support/client-build';
import { paragraphCard, screenshot, signIn, type Person } from './support/room';

let t: TestServer;
let browser: Browser;
let draft: DraftView;
let can: Person;

const PHONE = { width: 390, height: 844 };

/** How far the page is wider than the screen (0 when nothing scrolls sideways). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
  const chairToken = await t.login('chair');
  draft = await demoDraft(t, chairToken);
  await ok(t, `/api/drafts/${draft.id}/versions`, chairToken, { name: 'First draft' });
  await ok(t, `/api/drafts/${draft.id}/workflow/phase`, chairToken, { phase: 'comments', commentDeadline: new Date(Date.now() + 5 * 86_400_000).toISOString() });
  can = await signIn(browser, t.url, 'can', PHONE);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('a delegate on a phone, 390 px wide', () => {
  it('never scrolls sideways, in the draft and with the bracket tool open', async () => {
    expect(await overflow(can.page)).toBe(0);
    await screenshot(can.page, 'phone-390-room');
    const card = paragraphCard(can.page, 'CICTE', '7');
    await card.getByRole('button', { name: 'Propose amendment' }).click();
    await card.locator('textarea.base-text').waitFor();
    expect(await overflow(can.page)).toBe(0);
    await screenshot(can.page, 'phone-390-bracket-tool', card);
    await can.page.keyboard.press('Escape');
  });

  it('keeps the header’s actions in a menu that opens with one tap', async () => {
    const signOut = can.page.getByRole('button', { name: 'Sign out' });
    expect(await signOut.isVisible()).toBe(false);
    await can.page.getByRole('button', { name: 'Menu' }).click();
    await signOut.waitFor();
    expect(await can.page.getByRole('button', { name: /Invitations/ }).isVisible()).toBe(true);
    expect(await overflow(can.page)).toBe(0);
    await screenshot(can.page, 'phone-390-menu-open');
    await can.page.getByRole('button', { name: 'Menu' }).click();
  });

  it('opens the outline as a drawer and closes it on following a link', async () => {
    expect(await can.page.locator('.outline').isVisible()).toBe(false);
    await can.page.getByRole('navigation', { name: 'Phone navigation' }).getByRole('button', { name: 'Outline' }).click();
    await can.page.locator('.outline').waitFor();
    await screenshot(can.page, 'phone-390-outline-drawer');
    await can.page.locator('.outline a', { hasText: 'CICTE' }).click();
    await can.page.locator('.outline').waitFor({ state: 'hidden' });
    // The section's heading lands on screen, below anything that stays at the top.
    const top = await can.page.locator('section.draft-section[data-section="CICTE"] h2').evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(PHONE.height / 2);
  });

  it('puts the session panel one tap away, wherever the page is scrolled', async () => {
    const token = await t.login('chair');
    const session = await openSessionNow(t, draft.id, token);
    await ok(t, `/api/sessions/${session.id}/call`, token, {});
    const button = can.page.getByRole('navigation', { name: 'Phone navigation' }).getByRole('button', { name: 'Approval session' });
    await button.waitFor();
    await button.click();
    const panel = can.page.getByRole('complementary', { name: 'Approval session' });
    await panel.locator('[data-current]').waitFor();
    expect(await overflow(can.page)).toBe(0);
    await screenshot(can.page, 'phone-390-session-drawer');
    await can.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  });
});

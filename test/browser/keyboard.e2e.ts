import type { DraftView } from '@omnibus/shared';
import type { Browser } from 'playwright-core';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, type TestServer } from '../support/test-server';
import { ok, openSessionNow } from '../workflow/workflow-helpers';
import { launchChromium } from './support/chromium';
import { ensureClientBuilt } from './support/client-build';
import { paragraphCard, signIn, type Person } from './support/room';

let t: TestServer;
let browser: Browser;
let draft: DraftView;
let mex: Person;

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
  draft = await demoDraft(t, await t.login('chair'));
  mex = await signIn(browser, t.url, 'mex');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the room with the keyboard alone', () => {
  it('selects words of the base text with Ctrl+Shift+arrows and Shift+arrows; Escape returns focus to the button that opened the tool', async () => {
    const card = paragraphCard(mex.page, 'CICTE', '7');
    const open = card.getByRole('button', { name: 'Propose amendment' });
    await open.focus();
    await mex.page.keyboard.press('Enter');
    const base = card.locator('textarea.base-text');
    await base.waitFor();
    expect(await base.evaluate((el) => el === document.activeElement)).toBe(true);
    // Escape closes the tool and gives the focus back to the button that opened it.
    await mex.page.keyboard.press('Escape');
    await base.waitFor({ state: 'detached' });
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);

    await mex.page.keyboard.press('Enter');
    await base.waitFor();
    await mex.page.keyboard.press('Home');
    await mex.page.keyboard.press('Control+ArrowRight');
    await mex.page.keyboard.press('Control+ArrowRight');
    await mex.page.keyboard.press('Control+Shift+ArrowRight');
    const text = paragraph(section(draft, 'entity', 'CICTE'), '7').text;
    const word = text.split(/\s+/)[2]!.replace(/[^\p{L}\p{N}'’-]/gu, '');
    await card.locator('.selected-words').filter({ hasText: word }).waitFor();
    expect(await card.locator('.selected-words').textContent()).not.toMatch(/No words selected/);
    await mex.page.keyboard.press('Shift+ArrowLeft');
    expect(await card.locator('.selected-words').textContent()).toContain(word.slice(0, -1));
  });

  it('moves between paragraphs and sections with j/k and ]/[', async () => {
    await mex.page.keyboard.press('Escape');
    await mex.page.locator('main#draft-main').focus();
    await mex.page.keyboard.press('j');
    const first = await mex.page.evaluate(() => document.activeElement?.getAttribute('data-label'));
    expect(first).toBeTruthy();
    await mex.page.keyboard.press('j');
    const second = await mex.page.evaluate(() => `${document.activeElement?.getAttribute('data-section')} ${document.activeElement?.getAttribute('data-label')}`);
    await mex.page.keyboard.press('k');
    expect(await mex.page.evaluate(() => document.activeElement?.getAttribute('data-label'))).toBe(first);
    expect(second).not.toBe(`undefined ${first}`);
    await mex.page.keyboard.press(']');
    expect(await mex.page.evaluate(() => document.activeElement?.classList.contains('draft-section'))).toBe(true);
  });

  it('announces the called paragraph, the decision with its section, and the floor', async () => {
    const chair = await t.login('chair');
    await ok(t, `/api/drafts/${draft.id}/versions`, chair, { name: 'First draft' });
    await ok(t, `/api/drafts/${draft.id}/workflow/phase`, chair, { phase: 'comments', commentDeadline: new Date(Date.now() + 86_400_000).toISOString() });
    const session = await openSessionNow(t, draft.id, chair);
    const region = mex.page.locator('[data-announcement]');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    const cicte9 = paragraph(section(draft, 'entity', 'CICTE'), '9');
    await ok(t, `/api/sessions/${session.id}/call`, chair, { paragraphId: cicte9.id });
    await region.filter({ hasText: 'CICTE 9 is now under consideration.' }).waitFor();
    await ok(t, `/api/sessions/${session.id}/floor`, await t.login('us'), { paragraphId: cicte9.id });
    await ok(t, `/api/sessions/${session.id}/speakers/next`, chair);
    await region.filter({ hasText: 'US has the floor.' }).waitFor();
    await mex.page.locator('[data-speaker="US"]').waitFor();
    await ok(t, `/api/sessions/${session.id}/decisions`, chair, { decision: 'approved' });
    await region.filter({ hasText: /^CICTE 9 approved\. 1 of \d+ approved\.$/ }).waitFor();
    // The floor given on CICTE 9 ends with its decision.
    await mex.page.locator('[data-speaker="US"]').waitFor({ state: 'detached' });
  });
});

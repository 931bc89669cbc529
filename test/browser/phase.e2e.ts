import type { DraftView } from '@omnibus/shared';
import type { Browser } from 'playwright-core';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, type TestServer } from '../support/test-server';
import { ok } from '../workflow/workflow-helpers';
import { launchChromium } from './support/chromium';
import { ensureClientBuilt } from './support/client-build';
import { paragraphCard, screenshot, signIn, type Person } from './support/room';

let t: TestServer;
let browser: Browser;
let draft: DraftView;
let mex: Person;
let chairToken: string;

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
  chairToken = await t.login('chair');
  draft = await demoDraft(t, chairToken);
  mex = await signIn(browser, t.url, 'mex');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the phase and the comment deadline on every screen', () => {
  it('shows the open window with its deadline in the committee’s time zone, counting down in its last two days', async () => {
    await ok(t, `/api/drafts/${draft.id}/versions`, chairToken, { name: 'First draft' });
    const deadline = new Date(Date.now() + 26 * 3_600_000);
    await ok(t, `/api/drafts/${draft.id}/workflow/phase`, chairToken, { phase: 'comments', commentDeadline: deadline.toISOString() });
    const bar = mex.page.getByRole('region', { name: 'Phase and comment deadline' });
    await mex.page.locator('.phase-bar[data-phase="comments"]').waitFor();
    await expectText(bar, 'Comment window');
    await expectText(bar, 'Eastern');
    await bar.getByRole('timer').waitFor();
    expect(await bar.getByRole('timer').textContent()).toMatch(/Closes in 1 d (1|2) h \d+ min/);
    await expect(paragraphCard(mex.page, 'CICTE', '7').getByRole('button', { name: 'Propose amendment' }).isEnabled()).resolves.toBe(true);
    await screenshot(mex.page, 'phase-1366-comment-window', bar);
  });

  it('disables proposing once the chair moves to revision, giving the true reason, and the server refuses with it too', async () => {
    await ok(t, `/api/drafts/${draft.id}/workflow/phase`, chairToken, { phase: 'revision' });
    const button = paragraphCard(mex.page, 'CICTE', '7').getByRole('button', { name: 'Propose amendment' });
    await mex.page.locator('.phase-bar[data-window="closed"]').waitFor();
    expect(await button.isDisabled()).toBe(true);
    const reasonId = await button.getAttribute('aria-describedby');
    const reason = await mex.page.locator(`#${reasonId}`).textContent();
    expect(reason).toMatch(/The chair closed the comment window before its deadline .* by moving the draft to its phase “Revision \(rev\. 1\)”/);
    expect(reason).not.toMatch(/closed on/);

    const cicte7 = paragraph(section(draft, 'entity', 'CICTE'), '7');
    const refused = await t.api('POST', `/api/paragraphs/${cicte7.id}/amendments`, { token: await t.login('mex'), body: { kind: 'insert', start: 3, end: 3, text: 'late ' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('deadline_passed');
    expect(refused.body.message).toMatch(/^The chair closed the comment window before its deadline/);
    expect(refused.body.details.reason).toBe('phase');
    await screenshot(mex.page, 'phase-1366-closed-by-chair', mex.page.locator('.phase-bar'));
  });
});

async function expectText(locator: import('playwright-core').Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).waitFor();
}

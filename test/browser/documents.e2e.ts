import * as fs from 'node:fs';
import type { DraftView } from '@omnibus/shared';
import type { Browser } from 'playwright-core';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchChromium } from './support/chromium';
import { ensureClientBuilt } from './support/client-build';
import { paragraphCard, screenshot, signIn, type Person } from './support/room';

let t: TestServer;
let browser: Browser;
let draft: DraftView;
let mex: Person;
let can: Person;
let secretariat: Person;

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
  draft = await demoDraft(t, await t.login('observer'));
  // The chair's first draft is published, then CAN proposes an insertion in CICTE 7.
  const published = await t.api('POST', `/api/drafts/${draft.id}/versions`, { token: await t.login('chair'), body: { name: 'First draft' } });
  expect(published.status).toBe(201);
  const seven = paragraph(section(draft, 'entity', 'CICTE'), '7');
  const at = seven.text.indexOf(', through');
  const amended = await t.api('POST', `/api/paragraphs/${seven.id}/amendments`, {
    token: await t.login('can'),
    body: { kind: 'insert', start: at, end: at, text: ', in coordination with CICAD,' },
  });
  expect(amended.status).toBe(201);
  [mex, can, secretariat] = await Promise.all([signIn(browser, t.url, 'mex'), signIn(browser, t.url, 'can'), signIn(browser, t.url, 'secretariat')]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('comments, redlines and documents', () => {
  it('threads comments on a paragraph: MEX asks, CAN answers, both see the thread', async () => {
    const card = paragraphCard(mex.page, 'CICTE', '7');
    await card.getByRole('button', { name: 'Comments' }).click();
    const thread = card.getByRole('region', { name: 'Comments on paragraph 7' });
    await thread.getByLabel('New comment').fill('Could CAN explain why the CICTE Secretariat should be named here?');
    await thread.getByRole('button', { name: 'Send' }).click();
    await thread.locator('.comment').filter({ hasText: 'Could CAN explain' }).waitFor();

    const canCard = paragraphCard(can.page, 'CICTE', '7');
    await canCard.getByRole('button', { name: 'Comments' }).click();
    const canThread = canCard.getByRole('region', { name: 'Comments on paragraph 7' });
    const question = canThread.locator('.comment').filter({ hasText: 'Could CAN explain' });
    await expect(question.locator('.comment-meta').innerText()).resolves.toMatch(/^MEX · Delegate of Mexico/);
    await question.getByRole('button', { name: 'Reply' }).click();
    await question.getByLabel('Reply to MEX').fill('It already runs the programme; naming it avoids a second mandate.');
    await question.getByRole('button', { name: 'Send' }).click();

    // MEX's open thread picks the reply up through the live channel, nested under the question.
    await thread.locator('.replies .comment').filter({ hasText: 'It already runs the programme' }).waitFor();
    await screenshot(mex.page, 'documents-1-comment-thread', card);
  });

  it('shows a word-level redline between the first draft and the draft as it stands', async () => {
    await mex.page.getByRole('button', { name: 'Versions and redline' }).click();
    const view = mex.page.getByRole('region', { name: 'Versions and redline' });
    await view.locator('table.versions').getByText('First draft').waitFor();
    await view.getByRole('button', { name: 'Compare' }).click();
    const changed = view.locator('.redline-paragraph[data-change="modified"]');
    await changed.first().waitFor();
    await expect(changed.count()).resolves.toBe(1);
    await expect(changed.locator('ins').allInnerTexts()).resolves.toEqual([expect.stringContaining('CAN: , in coordination with CICAD,')]);
    await screenshot(mex.page, 'documents-2-redline', view);
  });

  it('lets the secretariat export the compilation text with every bracket and sponsor', async () => {
    await secretariat.page.getByRole('button', { name: 'Export and import' }).click();
    const card = secretariat.page.getByRole('region', { name: 'Export the compilation text' });
    await card.getByLabel('Format').selectOption('txt');
    const [download] = await Promise.all([secretariat.page.waitForEvent('download'), card.getByRole('button', { name: 'Export compilation text' }).click()]);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.txt$/);
    expect(text).toContain('[CH, MEX and US: To endorse the 2021 consensus reports');
    expect(text).toContain('[CAN: , in coordination with CICAD,]');
    await screenshot(secretariat.page, 'documents-3-exports');
  });

  it("explains an export the server refuses in the server's words", async () => {
    const observer = await signIn(browser, t.url, 'observer');
    await observer.page.getByRole('button', { name: 'Export and import' }).click();
    const card = observer.page.getByRole('region', { name: 'Export the consensus draft' });
    await card.getByRole('button', { name: 'Export consensus draft' }).click();
    await expect(card.getByRole('alert').innerText()).resolves.toMatch(/^Observers may export only published versions of a draft/);
    await expect(observer.page.getByRole('heading', { name: 'Import' }).count()).resolves.toBe(0);
    // The published first draft is theirs to take.
    await card.getByLabel('Which text').selectOption({ label: 'First draft (CP/CSH/xxxx/22)' });
    const [download] = await Promise.all([observer.page.waitForEvent('download'), card.getByRole('button', { name: 'Export consensus draft' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
  });
});

import type { DraftView } from '@omnibus/shared';
import type { Browser } from 'playwright-core';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchChromium } from './support/chromium';
import { ensureClientBuilt } from './support/client-build';
import { paragraphCard, screenshot, sectionBlock, signIn, type Person } from './support/room';

let t: TestServer;
let browser: Browser;
let draft: DraftView;
let mex: Person;

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
  draft = await demoDraft(t, await t.login('observer'));
  mex = await signIn(browser, t.url, 'mex');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const meter = (p: Person, cap: string) => p.page.locator(`.section-meters [data-cap="${cap}"], .outline-total [data-cap="${cap}"]`).first();

describe('caps in the room', () => {
  it('shows the seeded counts: Preamble 0/6, CICTE 10/8 over, Total 12/130', async () => {
    await expect(meter(mex, 'preamble:preamble').innerText()).resolves.toMatch(/^Preamble 0\/6/);
    await expect(meter(mex, 'entity:CICTE').innerText()).resolves.toMatch(/^CICTE 10\/8\s*over/);
    await expect(meter(mex, 'entity:CICTE').getAttribute('class')).resolves.toContain('meter-over');
    await expect(meter(mex, 'total:draft').innerText()).resolves.toMatch(/^Total 12\/130/);
    await screenshot(mex.page, 'caps-1-outline-and-meters');
  });

  it('proposes a new paragraph where there is room, and the meters follow', async () => {
    const preamble = sectionBlock(mex.page, 'preamble');
    await preamble.getByRole('button', { name: 'Propose the first paragraph in Preamble' }).click();
    await preamble.getByLabel('Text').fill('Recalling resolution AG/RES. 2950 (LI-O/21), "Advancing Hemispheric Security";');
    await preamble.getByRole('button', { name: 'Propose in the name of MEX' }).click();
    const created = paragraphCard(mex.page, 'preamble', '1');
    await created.locator('.paragraph-text').filter({ hasText: '[MEX: Recalling resolution AG/RES. 2950' }).waitFor();
    await expect(created.locator('[data-state]').innerText()).resolves.toBe('new');
    await meter(mex, 'preamble:preamble').filter({ hasText: 'Preamble 1/6' }).waitFor();
    await meter(mex, 'total:draft').filter({ hasText: 'Total 13/130' }).waitFor();
  });

  it('says a full cap is full before anything is typed', async () => {
    const card = paragraphCard(mex.page, 'CICTE', '9');
    await card.getByRole('button', { name: 'New paragraph after 9' }).click();
    const form = card.getByRole('form', { name: 'New paragraph after paragraph 9' });
    await expect(form.getByRole('alert').innerText()).resolves.toMatch(
      /^The CICTE cap of 8 paragraphs is full \(10 of 8 in play, already 2 over\), so no new paragraph can be added here\./,
    );
    await expect(form.getByRole('textbox').count()).resolves.toBe(0);
    await screenshot(mex.page, 'caps-2-cicte-full', card);
    await form.getByRole('button', { name: 'Close' }).click();
  });

  it("shows the server's refusal when another delegation takes the last place first, keeping the text", async () => {
    const topic = section(draft, 'topic', 'terrorism-convention');
    const card = paragraphCard(mex.page, 'terrorism-convention', '1');
    await card.getByRole('button', { name: 'New paragraph after 1' }).click();
    const form = card.getByRole('form', { name: 'New paragraph after paragraph 1' });
    const words = 'To welcome the deposit of new instruments of ratification of the Convention.';
    await form.getByLabel('Text').fill(words);

    // The United States takes the third and last substantive place of the topic meanwhile.
    const us = await t.login('us');
    const raced = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, {
      token: us,
      body: { sectionId: topic.id, kind: 'substantive', text: 'To call for the Convention\'s universal ratification.', afterParagraphId: paragraph(topic, '2').id },
    });
    expect(raced.status).toBe(201);

    await form.getByRole('button', { name: 'Propose in the name of MEX' }).click();
    const refusal = form.getByRole('alert').filter({ hasText: 'is reached' });
    await expect(refusal.innerText()).resolves.toBe(
      'The cap of 3 substantive paragraphs for topic "terrorism-convention" is reached: 3 in play, limit 3. Delete, withdraw or merge a paragraph there first, or ask the chair to raise the cap.',
    );
    await expect(form.getByLabel('Text').inputValue()).resolves.toBe(words);
    await meter(mex, 'topic_substantive:terrorism-convention').filter({ hasText: 'Substantive 3/3' }).waitFor();
    // At the end of a section a paragraph takes the next number, not a bis.
    await paragraphCard(mex.page, 'terrorism-convention', '3').locator('.paragraph-text').filter({ hasText: '[US: ' }).waitFor();
    await screenshot(mex.page, 'caps-3-race-lost', sectionBlock(mex.page, 'terrorism-convention'));
  });
});

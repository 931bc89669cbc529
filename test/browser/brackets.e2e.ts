import type { DraftView } from '@omnibus/shared';
import type { Browser } from 'playwright-core';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchChromium } from './support/chromium';
import { ensureClientBuilt } from './support/client-build';
import { paragraphCard, screenshot, selectBaseText, signIn, type Person } from './support/room';

let t: TestServer;
let browser: Browser;
let draft: DraftView;
let mex: Person;
let can: Person;

const WORDS = 'in the first half of 2022';
const NEW_WORDS = 'no later than March 2022';
const BRACKET = `[MEX: replace “${WORDS}” with “${NEW_WORDS}”]`;
const COSPONSORED = `[MEX and CAN: replace “${WORDS}” with “${NEW_WORDS}”]`;

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
  draft = await demoDraft(t, await t.login('observer'));
  mex = await signIn(browser, t.url, 'mex');
  can = await signIn(browser, t.url, 'can');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('brackets in a delegation\'s name, seen by another delegation', () => {
  it('shows each person who they are and for which delegation', async () => {
    await expect(mex.page.locator('.whoami').innerText()).resolves.toMatch(/Delegate of Mexico\s+MEX\s*Delegation of Mexico \(MEX\)/);
    await expect(can.page.locator('.whoami').innerText()).resolves.toMatch(/Delegate of Canada\s+CAN\s*Delegation of Canada \(CAN\)/);
  });

  it('lets MEX bracket a span of CICTE 9, inviting CAN, and CAN sees the bracket in MEX\'s name only', async () => {
    const base = paragraph(section(draft, 'entity', 'CICTE'), '9').text;
    const start = base.indexOf(WORDS);
    const card = paragraphCard(mex.page, 'CICTE', '9');
    await card.getByRole('button', { name: 'Propose amendment' }).click();
    const tool = card.locator('form.bracket-tool');
    await selectBaseText(tool, start, start + WORDS.length);
    await tool.getByLabel('Replacement').check();
    await tool.getByLabel('New words', { exact: true }).fill(NEW_WORDS);
    await tool.getByLabel(/Invite co-sponsors/).fill('CAN');
    await expect(tool.locator('.preview code').innerText()).resolves.toBe(BRACKET);
    await screenshot(mex.page, 'brackets-1-mex-bracket-tool', card);
    await tool.getByRole('button', { name: 'Propose in the name of MEX' }).click();

    await card.locator('.paragraph-text').filter({ hasText: BRACKET }).waitFor();
    await expect(card.locator('[data-state]').innerText()).resolves.toBe('amended');
    // CAN's screen follows without a reload: the bracket names MEX alone until CAN consents.
    const canCard = paragraphCard(can.page, 'CICTE', '9');
    await canCard.locator('.paragraph-text').filter({ hasText: BRACKET }).waitFor();
    await expect(canCard.locator('.amendment').innerText()).resolves.toContain('invited, not yet answered: CAN');
    await expect(canCard.locator('.bracket-replace .sponsors').innerText()).resolves.toBe('MEX:');
    await screenshot(can.page, 'brackets-2-can-sees-mex-bracket', canCard);
  });

  it('makes CAN a sponsor only when a CAN delegate accepts, and MEX sees "MEX and CAN"', async () => {
    const invitations = can.page.getByRole('button', { name: /^Invitations/ });
    await invitations.filter({ hasText: '1' }).waitFor();
    await invitations.click();
    const panel = can.page.getByRole('region', { name: 'Invitations to co-sponsor' });
    await expect(panel.locator('.invitation').innerText()).resolves.toContain(`MEX invites CAN to co-sponsor an amendment to CICTE paragraph 9`);
    await screenshot(can.page, 'brackets-3-can-invitation', panel);
    await panel.getByRole('button', { name: 'Accept' }).click();
    await can.page.getByRole('status').filter({ hasText: 'CAN now co-sponsors an amendment to CICTE paragraph 9.' }).waitFor();

    const mexCard = paragraphCard(mex.page, 'CICTE', '9');
    await mexCard.locator('.paragraph-text').filter({ hasText: COSPONSORED }).waitFor();
    await expect(mexCard.locator('.bracket-replace .sponsors').innerText()).resolves.toBe('MEX and CAN:');
    await screenshot(mex.page, 'brackets-4-mex-sees-cosponsor', mexCard);
  });

  it('never lets CAN act for MEX: no withdraw button, and a forged request is refused with a sentence', async () => {
    const canCard = paragraphCard(can.page, 'CICTE', '9');
    await canCard.locator('.paragraph-text').filter({ hasText: COSPONSORED }).waitFor();
    await expect(canCard.getByRole('button', { name: 'Withdraw' }).count()).resolves.toBe(0);
    await expect(paragraphCard(mex.page, 'CICTE', '9').getByRole('button', { name: 'Withdraw' }).count()).resolves.toBe(1);

    const amendmentId = await canCard.locator('.amendment').getAttribute('data-amendment');
    const forged = await can.page.evaluate(async (id) => {
      const token = (JSON.parse(sessionStorage.getItem('omnibus.session') ?? '{}') as { token: string }).token;
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const withdraw = await fetch(`/api/amendments/${id}/withdraw`, { method: 'POST', headers });
      const p = await fetch(`/api/amendments/${id}`, { headers }).then((r) => r.json() as Promise<{ paragraphId: string }>);
      const inName = await fetch(`/api/paragraphs/${p.paragraphId}/amendments`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ kind: 'delete', start: 0, end: 2, text: '', sponsors: ['MEX'] }),
      });
      return { withdraw: [withdraw.status, await withdraw.json()], inName: [inName.status, await inName.json()] };
    }, amendmentId);
    expect(forged.withdraw).toEqual([403, expect.objectContaining({ error: 'forbidden', message: 'Only the delegation that proposed it may withdraw it.' })]);
    expect(forged.inName).toEqual([403, expect.objectContaining({ error: 'sponsor_not_consented' })]);
    expect((forged.inName[1] as { message: string }).message).toMatch(/^MEX has not agreed to sponsor this/);

    // Nothing changed on either screen.
    await can.page.reload();
    await paragraphCard(can.page, 'CICTE', '9').locator('.paragraph-text').filter({ hasText: COSPONSORED }).waitFor();
    await expect(paragraphCard(can.page, 'CICTE', '9').locator('.amendment').count()).resolves.toBe(1);
  });

  it('lets MEX withdraw its own amendment, and the bracket disappears for CAN', async () => {
    const card = paragraphCard(mex.page, 'CICTE', '9');
    await card.getByRole('button', { name: 'Withdraw' }).click();
    await mex.page.getByRole('status').filter({ hasText: 'Replacement to paragraph 9 withdrawn.' }).waitFor();
    const canCard = paragraphCard(can.page, 'CICTE', '9');
    await canCard.locator('[data-state="consensus"]').waitFor();
    await expect(canCard.locator('.bracket').count()).resolves.toBe(0);
  });
});

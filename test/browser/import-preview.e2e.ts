import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DraftView } from '@omnibus/shared';
import type { Browser } from 'playwright-core';
import { demoDraft, section } from '../support/draft-helpers';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchChromium } from './support/chromium';
import { ensureClientBuilt } from './support/client-build';
import { screenshot, signIn, type Person } from './support/room';

// A real OAS Permanent Council resolution, verbatim (test/fixtures/resolutions/README.md names its source).
const CP_RES_777 = fs.readFileSync(path.resolve(__dirname, '../fixtures/resolutions/oas-en-cp-res-777-2000.txt'), 'utf8');

let t: TestServer;
let browser: Browser;
let draft: DraftView;
let secretariat: Person;

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
  draft = await demoDraft(t, await t.login('secretariat'));
  secretariat = await signIn(browser, t.url, 'secretariat');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the import preview', () => {
  it('shows what becomes of every line and word of a real resolution, lets the operative part be placed, then imports it', async () => {
    const page = secretariat.page;
    await page.getByRole('button', { name: 'Export and import' }).click();
    const form = page.getByRole('form', { name: 'Import a document' });
    await form.getByLabel('…or paste the text').fill(CP_RES_777);
    await form.getByRole('radio', { name: "The Chair's draft" }).check();
    await form.getByRole('button', { name: 'Preview the import' }).click();

    const status = form.getByRole('status');
    await expect(status.innerText()).resolves.toMatch(/cannot be imported as written .*The operative part \("RESOLVES:"\) goes to a section you choose/);
    await expect(form.getByText(/231 of the source's 272 words \(84\.9 %\) will be stored in the draft\./).count()).resolves.toBe(1);
    await expect(form.locator('.import-facts').innerText()).resolves.toMatch(/Symbol\s+CP\/RES\. 777 \(1252\/00\)[\s\S]*Formula\s+THE PERMANENT COUNCIL OF THE ORGANIZATION OF AMERICAN STATES,[\s\S]*Resolving formula\s+RESOLVES:/);
    await expect(form.getByText('Lines: 27 paragraph, 3 formula, 7 metadata.').count()).resolves.toBe(1);

    const topic = section(draft, 'topic');
    await form.getByLabel('Section for "RESOLVES:"').selectOption({ label: topic.title });
    // Choosing previews again; the verdict turns to Ready once the server has placed every paragraph.
    await status.filter({ hasText: /^Ready:/ }).waitFor();
    await expect(status.innerText()).resolves.toMatch(/^Ready: 5 paragraphs and 0 proposals in brackets will be created\. 231 of 272 words/);
    await form.getByText('Lines not stored as paragraph text').click();
    await screenshot(page, 'import-preview-cp-res-777', form);

    await form.getByRole('button', { name: 'Import 5 paragraphs' }).click();
    await page.getByText('Imported 5 paragraphs and 0 amendments from pasted text.').first().waitFor();
    const after = await t.api<DraftView>('GET', `/api/drafts/${draft.id}`, { token: await t.login('secretariat') });
    expect(section(after.body, 'preamble').paragraphs.map((p) => p.text.slice(0, 26))).toEqual(['HAVING SEEN the request fr', 'CONSIDERING: That, by reso']);
    expect(after.body.sections.find((s) => s.id === topic.id)!.paragraphs.map((p) => p.label)).toEqual(['1', '2', '3']);
  });
});

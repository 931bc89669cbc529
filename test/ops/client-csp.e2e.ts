import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { launchChromium } from '../browser/support/chromium';
import { ensureClientBuilt } from '../browser/support/client-build';
import { signIn } from '../browser/support/room';
import { startTestServer, type TestServer } from '../support/test-server';

/** The Content-Security-Policy the server sends must not break what it serves: the built client and Swagger UI load in Chromium with no violation. */
let t: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

function violations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

it('the built client signs in and opens the draft under the policy', async () => {
  const person = await signIn(browser, t.url, 'mex');
  const seen = violations(person.page);
  const res = await person.page.goto('/');
  expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await person.page.locator('.outline').waitFor();
  await expect(person.page.locator('.outline').innerText()).resolves.toMatch(/Preamble/);
  expect(seen).toEqual([]);
  await person.context.close();
});

it('Swagger UI renders under the policy', async () => {
  const context = await browser.newContext({ baseURL: t.url });
  const page = await context.newPage();
  const seen = violations(page);
  await page.goto('/api/docs');
  await page.locator('.swagger-ui .information-container').waitFor({ timeout: 20_000 });
  expect(seen).toEqual([]);
  await context.close();
});

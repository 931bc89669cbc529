import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export const ARTIFACTS = path.resolve(__dirname, '../../artifacts');

export interface Person {
  context: BrowserContext;
  page: Page;
  username: string;
}

/** A person at their own laptop: a fresh browser context, signed in through the sign-in page. */
/** Signs in and waits for the first screen: the draft's outline, or `ready` for a person whose first screen is another view. */
export async function signIn(browser: Browser, baseUrl: string, username: string, viewport = { width: 1366, height: 900 }, ready = '.outline'): Promise<Person> {
  const context = await browser.newContext({ viewport, baseURL: baseUrl });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator(ready).waitFor({ state: 'attached' });
  return { context, page, username };
}

export function paragraphCard(page: Page, sectionKey: string, label: string): Locator {
  return page.locator(`article.paragraph[data-section="${sectionKey}"][data-label="${label}"]`);
}

export function sectionBlock(page: Page, sectionKey: string): Locator {
  return page.locator(`section.draft-section[data-section="${sectionKey}"]`);
}

/** Selects characters [start, end) of the bracket tool's base text as a mouse or Shift+arrows would. */
export async function selectBaseText(panel: Locator, start: number, end: number): Promise<void> {
  const base = panel.locator('textarea.base-text');
  await base.focus();
  await base.evaluate(
    (el, [s, e]) => {
      const t = el as HTMLTextAreaElement;
      t.setSelectionRange(s!, e!);
      t.dispatchEvent(new Event('select', { bubbles: true }));
    },
    [start, end],
  );
}

export async function screenshot(page: Page, name: string, locator?: Locator): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  if (locator) await locator.screenshot({ path: file });
  else await page.screenshot({ path: file });
  return file;
}

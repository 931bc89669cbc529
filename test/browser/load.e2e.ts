import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchChromium } from './support/chromium';
import { ensureClientBuilt } from './support/client-build';
import { ARTIFACTS, paragraphCard, screenshot, signIn } from './support/room';

let t: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

interface Timing {
  domContentLoaded: number;
  load: number;
  draftRendered: number;
  lastLongTaskEnd: number;
  longTasks: number;
}

describe('opening the seeded draft', () => {
  it('renders every section and paragraph of the seeded draft and records how soon it is usable', async () => {
    const person = await signIn(browser, t.url, 'mex');
    // Instrument the next load: when the whole draft is on screen, and the main thread's long tasks.
    await person.page.addInitScript(() => {
      const w = window as unknown as { __ready?: number; __long: { end: number }[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push({ end: e.startTime + e.duration });
      }).observe({ type: 'longtask', buffered: true });
      new MutationObserver((_m, obs) => {
        if (document.querySelector('article[data-label="5 bis"]') && document.querySelectorAll('section.draft-section').length >= 29) {
          w.__ready = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const runs: Timing[] = [];
    for (let i = 0; i < 3; i++) {
      await person.page.reload();
      await paragraphCard(person.page, 'CICTE', '5 bis').waitFor();
      await person.page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined);
      // Usable means a button answers: the filter narrows the draft at once.
      await person.page.getByLabel('Only paragraphs with amendments').check();
      await person.page.getByText('0 of 12 paragraphs shown').waitFor();
      await person.page.getByLabel('Only paragraphs with amendments').uncheck();
      runs.push(
        await person.page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const w = window as unknown as { __ready: number; __long: { end: number }[] };
          return {
            domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
            load: Math.round(nav.loadEventEnd),
            draftRendered: Math.round(w.__ready),
            lastLongTaskEnd: Math.round(Math.max(0, ...w.__long.map((l) => l.end))),
            longTasks: w.__long.length,
          };
        }),
      );
    }
    expect(await person.page.locator('section.draft-section').count()).toBe(29);
    expect(await person.page.locator('article.paragraph').count()).toBe(12);
    const dist = path.resolve(__dirname, '../../client/dist');
    const size = (f: string) => fs.statSync(path.join(dist, f)).size;
    const initial = [...fs.readFileSync(path.join(dist, 'index.html'), 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    const lazy = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`));
    const report = {
      runs,
      timeToInteractiveMs: Math.max(...runs.map((r) => Math.max(r.draftRendered, r.lastLongTaskEnd))),
      initialBytes: Object.fromEntries(initial.map((f) => [f, size(f)])),
      lazyBytes: Object.fromEntries(lazy.map((f) => [f, size(`assets/${f}`)])),
    };
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'load-timing.json'), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`seeded draft: ${JSON.stringify(report)}\n`);
    await screenshot(person.page, 'load-1-seeded-draft');
  });

  it('reads well on a projector: larger text, and the choice survives a reload', async () => {
    const person = await signIn(browser, t.url, 'observer', { width: 1280, height: 720 });
    await person.page.getByRole('button', { name: 'Projector view' }).click();
    await person.page.locator('html.projector').waitFor({ state: 'attached' });
    const size = await person.page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(size).toBe('22px');
    await person.page.reload();
    await person.page.locator('html.projector').waitFor({ state: 'attached' });
    await paragraphCard(person.page, 'CICTE', '5 bis').scrollIntoViewIfNeeded();
    await screenshot(person.page, 'load-2-projector-view');
  });
});

/**
 * `npm run bench:browser`: the room in a real Chromium (Debian's, through playwright-core), on a
 * 130-paragraph draft of ~90k characters served by our server in a process of its own.
 *  1. Load: navigation → every paragraph painted, and → the first keystroke painted in the editor.
 *  2. Input to next paint while other editors (bench/realtime's client model) type in the draft.
 *  3. The tab's JS heap and renderer memory before and after (2).
 * BENCH_BROWSER_MINUTES (10), BENCH_BROWSER_EDITORS (50), BENCH_BROWSER_LOADS (5) change the run;
 * BENCH_BROWSER_MODE is what the others type: "brackets" (default: delegations, each opening one
 * bracket after another, so the draft gains thousands) or "base" (the Chair's offices typing the
 * Chair's text, bench:realtime's base mode);
 * BENCH_BROWSER_PROFILE=<file.cpuprofile> records the tab's CPU profile while it types;
 * BENCH_BROWSER_TRACE=<file.json> records a Chromium trace of the tab while it types (tasks, events,
 * style, layout, paint and JS samples; open it in DevTools' Performance panel or Perfetto);
 * BENCH_BROWSER_HEAP=<dir> writes heap snapshots of the typing tab halfway and at the end and of the
 * fresh tab (open them in DevTools' Memory panel and compare: what grows, what the draft does not
 * explain; `heap-compare.ts` tallies two of them by constructor; the halfway snapshot pauses the tab,
 * so the typing figures of such a run are not comparable).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../server/src/documents/export/chromium-options';
import { CHROMIUM_PATH } from '../../test/browser/support/chromium';
import { ensureClientBuilt } from '../../test/browser/support/client-build';
import { signIn, type Person } from '../../test/browser/support/room';
import { ChildServer, freePort } from '../../test/support/child-server';
import { percentile } from '../decision/stats';
import { createBenchDatabase, type BenchDatabase } from '../realtime/bench-db';
import { dense, merge, newHistogram, percentile as histogramPercentile } from '../realtime/histogram';
import { startEditors, type EditorFleet } from '../realtime/round';
import type { Mode } from '../realtime/worker';
import { login, procStat, ROOT, sleep } from '../realtime/servers';
import { installProbes, type Probe } from './probes';
import { reportLines, WARMUP_SECONDS, type BrowserResult, type MemoryFigures } from './report';

const MINUTES = Number(process.env.BENCH_BROWSER_MINUTES ?? 10);
const EDITORS = Number(process.env.BENCH_BROWSER_EDITORS ?? 50);
const MODE: Mode = process.env.BENCH_BROWSER_MODE === 'base' ? 'base' : 'brackets';
/** The Chair's offices: who types the Chair's text in "base" mode. */
const OFFICES = ['chair', 'vicechair', 'secretariat'];
const LOADS = Number(process.env.BENCH_BROWSER_LOADS ?? 5);
const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PARAGRAPHS = 130;
const KEY_INTERVAL_MS = 200;
const WARMUP_MS = WARMUP_SECONDS * 1000;
/** Where to write a CPU profile of the tab while it types (open it in Chrome's DevTools, Performance panel). */
const PROFILE = process.env.BENCH_BROWSER_PROFILE;
/** Where to write a Chromium trace of the tab while it types. */
const TRACE = process.env.BENCH_BROWSER_TRACE;
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8.execute', 'blink.user_timing', 'latencyInfo', 'disabled-by-default-v8.cpu_profiler'];
/** Where to write heap snapshots of the typing tab (halfway and at the end) and of the fresh tab. */
const HEAP_DIR = process.env.BENCH_BROWSER_HEAP;
const TYPED = 'and to encourage further cooperation among member states ';

/** A failure the run cannot go past, told in one sentence. */
class Fatal extends Error {}

const now = () => performance.timeOrigin + performance.now();
const loadAverage = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n').find((l) => l.trim() !== '') ?? 'no message';

/** The commit measured, marked when the client's sources differ from it. */
function revision(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  return git('status', '--porcelain', '--', 'client/src', 'shared/src') ? `${head} with uncommitted client changes` : head;
}

async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Fatal(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`);
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new Fatal(`Chromium at ${CHROMIUM_PATH} did not start: ${firstLine(err)}`);
  }
}

async function startServer(databaseUrl: string): Promise<ChildServer> {
  const server = new ChildServer(databaseUrl, await freePort(), {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    TS_NODE_TRANSPILE_ONLY: 'true',
  });
  try {
    await server.start();
  } catch (err) {
    await server.kill();
    const lines = server.log.join('').split('\n').map((l) => l.trim());
    const reason = lines.find((l) => /^\w*Error\b/.test(l)) ?? firstLine(err);
    throw new Fatal(`the server did not start: ${reason}`);
  }
  return server;
}

/** A person signed in with the probes installed on every page they open. */
async function person(browser: Browser, url: string): Promise<Person> {
  const p = await signIn(browser, url, 'chair');
  await p.context.addInitScript(installProbes, PARAGRAPHS);
  return p;
}

const probe = (page: Page) => page.evaluate(() => window.__benchProbe);

/** Opens the draft and waits until the probes have the first paragraph's editor open, the caret at its end; that paragraph's id. */
async function openRoom(page: Page, draftId: string): Promise<string> {
  await page.goto(`/drafts/${draftId}`);
  await page.waitForFunction(() => window.__benchProbe.editorReady !== null, null, { timeout: 60_000 });
  const id = await page.evaluate(() => window.__benchProbe.paragraphId);
  if (!id) throw new Error('the room shows no paragraph');
  return id;
}

async function measureLoads(browser: Browser, url: string, draftId: string): Promise<BrowserResult['loads'] & { paragraphId: string }> {
  const p = await person(browser, url);
  const loads: BrowserResult['loads'] = { draftFetched: [], allShown: [], clicked: [], editorReady: [], firstKey: [] };
  let paragraphId = '';
  try {
    for (let i = 0; i < LOADS; i++) {
      paragraphId = await openRoom(p.page, draftId);
      await p.page.keyboard.type('x');
      await p.page.waitForFunction(() => window.__benchProbe.firstKey !== null, null, { timeout: 30_000 });
      const shown = await probe(p.page);
      for (const k of ['allShown', 'clicked', 'editorReady', 'firstKey'] as const) loads[k].push(shown[k] ?? NaN);
      loads.draftFetched.push(await p.page.evaluate((path) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.endsWith(path))?.responseEnd ?? NaN, `/api/drafts/${draftId}`));
      process.stdout.write(`  load ${i + 1}: all paragraphs ${shown.allShown!.toFixed(0)} ms, first keystroke ${shown.firstKey!.toFixed(0)} ms\n`);
    }
  } finally {
    await p.context.close();
  }
  return { ...loads, paragraphId };
}

/** The tab's renderer: of the browser's renderer processes, the one that has worked the most. */
async function rendererPid(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
  await session.detach();
  const renderers = processInfo.filter((p) => p.type === 'renderer').sort((a, b) => b.cpuTime - a.cpuTime);
  if (!renderers[0]) throw new Error('Chromium reports no renderer process');
  return renderers[0].id;
}

async function memory(cdp: CDPSession, pid: number): Promise<MemoryFigures> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = new Map(metrics.map((x) => [x.name, x.value]));
  return { jsHeapMb: (m.get('JSHeapUsedSize') ?? NaN) / 2 ** 20, rendererRssMb: procStat(pid).rss, nodes: m.get('Nodes') ?? NaN, listeners: m.get('JSEventListeners') ?? NaN };
}

async function typeFor(page: Page, ms: number): Promise<number> {
  const end = Date.now() + ms;
  let next = Date.now();
  let typed = 0;
  while (Date.now() < end) {
    await page.keyboard.type(TYPED[typed++ % TYPED.length] as string);
    next += KEY_INTERVAL_MS;
    const wait = next - Date.now();
    if (wait > 0) await sleep(wait);
    else next = Date.now();
  }
  return typed;
}

/** A heap snapshot of the tab, written to `HEAP_DIR/<name>.heapsnapshot` (after a garbage collection). */
async function heapSnapshot(cdp: CDPSession, name: string): Promise<void> {
  if (!HEAP_DIR) return;
  fs.mkdirSync(HEAP_DIR, { recursive: true });
  const file = path.join(HEAP_DIR, `${name}.heapsnapshot`);
  const out = fs.openSync(file, 'w');
  const write = ({ chunk }: { chunk: string }) => fs.writeSync(out, chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', write);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', write);
    fs.closeSync(out);
  }
  process.stdout.write(`  heap snapshot: ${path.relative(process.cwd(), file)}\n`);
}

function spread(xs: number[]) {
  return { p50: percentile(xs, 50), p95: percentile(xs, 95), max: xs.length > 0 ? Math.max(...xs) : NaN };
}

/** The JS heap of a fresh tab on the draft as it stands: what its content alone costs. */
async function freshTab(browser: Browser, url: string, draftId: string): Promise<MemoryFigures> {
  const p = await person(browser, url);
  try {
    await openRoom(p.page, draftId);
    await sleep(2000);
    const cdp = await p.context.newCDPSession(p.page);
    await cdp.send('Performance.enable');
    const figures = await memory(cdp, await rendererPid(browser));
    await heapSnapshot(cdp, 'fresh-tab');
    return figures;
  } finally {
    await p.context.close();
  }
}

async function measureTyping(browser: Browser, url: string, db: BenchDatabase, paragraphId: string, tokens: Map<string, string>): Promise<Pick<BrowserResult, 'typing' | 'memory'>> {
  const p = await person(browser, url);
  let fleet: EditorFleet | null = null;
  try {
    if ((await openRoom(p.page, db.draftId)) !== paragraphId) throw new Error('the room opened another paragraph than in the load runs');
    const cdp = await p.context.newCDPSession(p.page);
    await cdp.send('Performance.enable');
    const pid = await rendererPid(browser);
    process.stdout.write(`  starting ${EDITORS} other editors…\n`);
    fleet = await startEditors({ kind: 'ours', url, draftId: db.draftId, tokens, codes: MODE === 'base' ? OFFICES : db.delegates, mode: MODE }, EDITORS, [paragraphId]);
    const start = await memory(cdp, pid);
    process.stdout.write(`  memory at start: JS heap ${start.jsHeapMb.toFixed(1)} MB, renderer ${start.rendererRssMb.toFixed(0)} MB; typing for ${MINUTES} min…\n`);
    const from = now() + WARMUP_MS;
    const to = from + MINUTES * 60_000;
    fleet.start(from, to);
    await typeFor(p.page, WARMUP_MS);
    const warmed = await memory(cdp, pid);
    await p.page.evaluate(() => window.__benchProbe.reset());
    if (PROFILE) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
    if (TRACE) await browser.startTracing(p.page, { path: TRACE, categories: TRACE_CATEGORIES });
    let typed = 0;
    if (HEAP_DIR) {
      // Halfway too, so that two snapshots of the same tab tell what grows while it types.
      typed += await typeFor(p.page, (to - now()) / 2);
      await heapSnapshot(cdp, 'typing-tab-halfway');
    }
    typed += await typeFor(p.page, to - now());
    if (PROFILE) fs.writeFileSync(PROFILE, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    if (TRACE) await browser.stopTracing();
    await sleep(1000);
    const measured: Probe = await probe(p.page);
    const end = await memory(cdp, pid);
    await heapSnapshot(cdp, 'typing-tab');
    const reports = await fleet.report(from, to);
    const latency = newHistogram();
    for (const r of reports) merge(latency, dense(r.latency));
    const paint = measured.keys.paint;
    const longest = measured.longTasks;
    return {
      typing: {
        minutes: MINUTES,
        editors: EDITORS,
        mode: MODE,
        typed,
        keydowns: measured.keydowns,
        paint: { n: paint.length, ...spread(paint) },
        shown: spread(measured.keys.shown),
        queued: spread(measured.keys.queued),
        slowKeydowns: measured.slowKeydowns,
        longTasks: { count: longest.length, totalMs: longest.reduce((a, b) => a + b, 0), maxMs: longest.length > 0 ? Math.max(...longest) : 0 },
        othersLatency: {
          p50: histogramPercentile(latency, 0.5),
          p99: histogramPercentile(latency, 0.99),
          keystrokesPerSec: reports.reduce((n, r) => n + r.keystrokes, 0) / ((to - from) / 1000),
        },
      },
      memory: { start, warmed, end, fresh: await freshTab(browser, url, db.draftId) },
    };
  } finally {
    await fleet?.exit();
    await p.context.close();
  }
}

async function main(): Promise<void> {
  const started = new Date();
  const load0 = loadAverage();
  const browser = await launch();
  let db: BenchDatabase | null = null;
  let server: ChildServer | null = null;
  let result: BrowserResult;
  try {
    process.stdout.write('Building the client (unless built from these sources)…\n');
    await ensureClientBuilt();
    process.stdout.write(`Preparing a benchmark database (${PARAGRAPHS} paragraphs)…\n`);
    db = await createBenchDatabase(ADMIN_URL, 0);
    server = await startServer(db.url);
    process.stdout.write(`Server at ${server.url}; draft of ${db.characters} characters. Loading it ${LOADS} times…\n`);
    const loads = await measureLoads(browser, server.url, db.draftId);
    const tokens = new Map<string, string>();
    for (const u of MODE === 'base' ? OFFICES : db.delegates) tokens.set(u, await login(server.url, u));
    const typing = await measureTyping(browser, server.url, db, loads.paragraphId, tokens);
    result = { started: started.toISOString(), revision: revision(), load: `${load0} at the start, ${loadAverage()} at the end`, characters: db.characters, paragraphs: PARAGRAPHS, loads, ...typing };
  } finally {
    await browser.close();
    await server?.kill();
    await db?.drop().catch(() => undefined);
  }
  const text = reportLines(result).join('\n');
  process.stdout.write(`\n${text}\n`);
  if (process.env.BENCH_NO_WRITE) return;
  const out = path.join(ROOT, 'bench/results');
  fs.mkdirSync(out, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(out, `browser-${stamp}.md`), `${text}\n`);
  fs.writeFileSync(path.join(out, `browser-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\nWritten to bench/results/browser-${stamp}.{md,json}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof Fatal) process.stderr.write(`bench:browser failed: ${err.message}\n`);
    else process.stderr.write(`bench:browser failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);

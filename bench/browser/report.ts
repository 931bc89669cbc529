/** The browser benchmark's figures beside the targets, as a table for the terminal and bench/results. */
import { percentile } from '../decision/stats';
import { fmt } from '../realtime/summary';

export interface MemoryFigures {
  /** JS heap in use after a forced garbage collection (CDP Performance.getMetrics JSHeapUsedSize). */
  jsHeapMb: number;
  /** Resident memory of the tab's renderer process. */
  rendererRssMb: number;
  nodes: number;
  listeners: number;
}

export interface BrowserResult {
  started: string;
  revision: string;
  load: string;
  characters: number;
  paragraphs: number;
  loads: { draftFetched: number[]; allShown: number[]; clicked: number[]; editorReady: number[]; firstKey: number[] };
  typing: {
    minutes: number;
    editors: number;
    /** What the other editors type: "brackets" (each delegation opens a bracket of its own every few seconds) or "base" (the Chair's offices type the Chair's text). */
    mode: 'brackets' | 'base';
    typed: number;
    keydowns: number;
    paint: { n: number; p50: number; p95: number; max: number };
    shown: { p50: number; p95: number; max: number };
    /** Keydown to its first listener in the editor: how long the key waited behind other work (absent in older results). */
    queued?: { p50: number; p95: number; max: number };
    /** Keydowns the Event Timing API reported (16 ms or more, to the frame's presentation), their durations. */
    slowKeydowns: number[];
    longTasks: { count: number; totalMs: number; maxMs: number };
    othersLatency: { p50: number; p99: number; keystrokesPerSec: number };
  };
  /**
   * At the start (before the tab's first keystroke), after the warm-up's 5 s of typing (the code and
   * components typing runs are then compiled and drawn; absent in older results), at the end, and in
   * a fresh tab opened on the draft as it ended.
   */
  memory: { start: MemoryFigures; warmed?: MemoryFigures; end: MemoryFigures; fresh: MemoryFigures };
}

export const LOAD_TARGET_MS = 1000;
export const PAINT_TARGET_MS = 16;
export const MEMORY_TARGET = 1.5;
/** The typing before the measured minutes (bench/browser/run.ts). */
export const WARMUP_SECONDS = 5;

interface Row {
  measure: string;
  figure: string;
  target: string;
  met: boolean;
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

const p50 = (xs: number[]) => percentile(xs, 50);

/** A percentile of `n` durations of which only those of 16 ms or more are known: null when it falls below 16. */
function eventTimingPercentile(slow: readonly number[], n: number, p: number): number | null {
  const fast = n - slow.length;
  const rank = Math.ceil((p / 100) * n);
  return rank <= fast ? null : ([...slow].sort((a, b) => a - b)[rank - fast - 1] ?? null);
}
const under16 = (x: number | null) => (x === null ? '< 16' : fmt(x, 0));

export function rows(r: BrowserResult): Row[] {
  const load = (name: string, xs: number[]): Row => ({
    measure: `Load: ${name} (p50 / max of ${xs.length})`,
    figure: `${fmt(p50(xs), 0)} / ${fmt(Math.max(...xs), 0)} ms`,
    target: `p50 ≤ ${LOAD_TARGET_MS} ms`,
    met: p50(xs) <= LOAD_TARGET_MS,
  });
  const ratio = (end: number, start: number) => end / start;
  const { start, end } = r.memory;
  const t = r.typing;
  return [
    load(`all ${r.paragraphs} paragraphs shown`, r.loads.allShown),
    load('first keystroke shown in the editor', r.loads.firstKey),
    {
      measure: `Input to next paint under load (keydown → the frame after the text changed), p50 / p95 / max (${t.paint.n} keys)`,
      figure: `${fmt(t.paint.p50)} / ${fmt(t.paint.p95)} / ${fmt(t.paint.max)} ms`,
      target: `p95 ≤ ${PAINT_TARGET_MS} ms`,
      met: t.paint.p95 <= PAINT_TARGET_MS,
    },
    {
      measure: `Event Timing keydown duration (to presentation, 8 ms steps), p50 / p95 / max (${t.keydowns} keys)`,
      figure: `${under16(eventTimingPercentile(t.slowKeydowns, t.keydowns, 50))} / ${under16(eventTimingPercentile(t.slowKeydowns, t.keydowns, 95))} / ${under16(t.slowKeydowns.length > 0 ? Math.max(...t.slowKeydowns) : null)} ms`,
      target: `p95 ≤ ${PAINT_TARGET_MS} ms`,
      met: (eventTimingPercentile(t.slowKeydowns, t.keydowns, 95) ?? 0) <= PAINT_TARGET_MS,
    },
    {
      measure: `JS heap after GC, start → after ${t.minutes} min`,
      figure: `${fmt(start.jsHeapMb)} → ${fmt(end.jsHeapMb)} MB (${fmt(ratio(end.jsHeapMb, start.jsHeapMb), 2)}×)`,
      target: `≤ ${MEMORY_TARGET}×`,
      met: ratio(end.jsHeapMb, start.jsHeapMb) <= MEMORY_TARGET,
    },
    {
      measure: `Renderer memory (RSS), start → after ${t.minutes} min`,
      figure: `${fmt(start.rendererRssMb, 0)} → ${fmt(end.rendererRssMb, 0)} MB (${fmt(ratio(end.rendererRssMb, start.rendererRssMb), 2)}×)`,
      target: `≤ ${MEMORY_TARGET}×`,
      met: ratio(end.rendererRssMb, start.rendererRssMb) <= MEMORY_TARGET,
    },
  ];
}

export function reportLines(r: BrowserResult): string[] {
  const t = r.typing;
  return [
    `# Browser benchmark (${r.started}, ${r.revision})`,
    '',
    `Chromium (headless) signed in as the Chair in a draft of ${r.paragraphs} paragraphs, ${r.characters} characters. Machine load (1/5/15 min): ${r.load}.`,
    `Load: a fresh navigation to the draft, ${r.loads.allShown.length} times; times from navigation start to the painted frame. Typing: ${t.editors} other editors`,
    `(socket clients, 5 keys/s in random paragraphs, presence at 10 Hz; ${t.mode === 'base' ? 'mode "base": the Chair\'s offices typing the Chair\'s text' : 'mode "brackets": delegations, each opening a bracket of 10–40 characters after another'}) while the Chair types at 5 keys/s at the end of the first paragraph for ${t.minutes} min.`,
    '',
    '| measure | figure | target | |',
    '| --- | --- | --- | --- |',
    ...rows(r).map((x) => `| ${x.measure} | ${x.figure} | ${x.target} | ${verdict(x.met)} |`),
    '',
    `Load, p50 of each step: the draft's JSON received ${fmt(p50(r.loads.draftFetched), 0)} ms; every paragraph painted ${fmt(p50(r.loads.allShown), 0)} ms; "Co-edit text" clicked (in the page, at once) ${fmt(p50(r.loads.clicked), 0)} ms;` +
      ` the synced editor painted ${fmt(p50(r.loads.editorReady), 0)} ms (editor code, connection, the document's first sync); the keystroke painted ${fmt(p50(r.loads.firstKey), 0)} ms.`,
    `Keys typed ${t.typed}, keydowns seen ${t.keydowns}, painted ${t.paint.n}. Keydown to the text changing: p50 ${fmt(t.shown.p50)} / p95 ${fmt(t.shown.p95)} / max ${fmt(t.shown.max)} ms` +
      (t.queued ? `, of which waiting for the main thread before the keydown's handlers ran: p50 ${fmt(t.queued.p50)} / p95 ${fmt(t.queued.p95)} / max ${fmt(t.queued.max)} ms.` : '.'),
    `Event Timing: ${t.slowKeydowns.length} keydowns of ${t.keydowns} took 16 ms or more. Long tasks while typing: ${t.longTasks.count}, ${fmt(t.longTasks.totalMs, 0)} ms in all, the longest ${fmt(t.longTasks.maxMs, 0)} ms.`,
    `Other editors meanwhile: ${fmt(t.othersLatency.keystrokesPerSec, 0)} keys/s, keystroke to every other editor p50 ${fmt(t.othersLatency.p50)} / p99 ${fmt(t.othersLatency.p99)} ms.`,
    `Memory start → end: DOM nodes ${r.memory.start.nodes} → ${r.memory.end.nodes}, JS event listeners ${r.memory.start.listeners} → ${r.memory.end.listeners}.` +
      ` A fresh tab opened on the draft as it ended (the other editors' brackets included): JS heap ${fmt(r.memory.fresh.jsHeapMb)} MB, DOM nodes ${r.memory.fresh.nodes}` +
      ` (the typing tab holds ${fmt(r.memory.end.jsHeapMb / r.memory.fresh.jsHeapMb, 2)}× that heap).` +
      (r.memory.warmed
        ? ` After the warm-up's ${WARMUP_SECONDS} s of typing the JS heap was ${fmt(r.memory.warmed.jsHeapMb)} MB (the end holds ${fmt(r.memory.end.jsHeapMb / r.memory.warmed.jsHeapMb, 2)}× that), renderer RSS ${fmt(r.memory.warmed.rendererRssMb, 0)} MB.`
        : ''),
  ];
}

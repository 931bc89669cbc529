import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS } from './room';

/** The median and the worst of a list of durations, in ms. */
export function summary(ms: readonly number[]): { n: number; p50: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, p50: sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}

/** Writes measured figures beside the screenshots, so the run's numbers can be quoted. */
export function writeFigures(name: string, figures: unknown): void {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

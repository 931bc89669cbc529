import { loadConfig } from '../config/config';
import { awarenessGapMs, batchGapMs } from './room';

describe('pacing of a room by its size', () => {
  const { pacing, awarenessEveryMs } = loadConfig({}).collab;

  it('sends each commit at once up to 50 people, then leaves 0.38 ms per person between batches, at most 40 ms', () => {
    expect([1, 35, 50].map((n) => batchGapMs(n, pacing))).toEqual([0, 0, 0]);
    expect(batchGapMs(70, pacing)).toBeCloseTo(26.6);
    expect(batchGapMs(105, pacing)).toBe(39.9);
    expect(batchGapMs(500, pacing)).toBe(40);
  });

  it('sends presence every 100 ms in small rooms, 10 ms per person in bigger ones, at least once a second', () => {
    expect([2, 10, 35, 105, 500].map((n) => awarenessGapMs(n, awarenessEveryMs, pacing))).toEqual([100, 100, 350, 1000, 1000]);
  });

  it('takes other figures from the environment, and refuses nonsense with the variable named', () => {
    expect(batchGapMs(70, loadConfig({ COLLAB_BATCH_FREE_UP_TO: '100' }).collab.pacing)).toBe(0);
    expect(() => loadConfig({ COLLAB_BATCH_MAX_MS: 'soon' })).toThrow(/COLLAB_BATCH_MAX_MS/);
  });
});

import { BatchLoader } from './batch-loader';

describe('BatchLoader', () => {
  it('answers the keys asked for in one turn with one call, each caller its own value', async () => {
    const calls: number[][] = [];
    const loader = new BatchLoader(async (keys: number[]) => {
      calls.push(keys);
      return keys.map((k) => k * 10);
    });
    const answers = await Promise.all([loader.load(1), loader.load(2), loader.load(3)]);
    expect(answers).toEqual([10, 20, 30]);
    expect(calls).toEqual([[1, 2, 3]]);
    expect(await loader.load(4)).toBe(40);
    expect(calls).toEqual([[1, 2, 3], [4]]);
  });

  it('gives every caller of a failed call its error, and the next turn starts afresh', async () => {
    let fail = true;
    const loader = new BatchLoader(async (keys: string[]) => {
      if (fail) throw new Error('database unavailable');
      return keys;
    });
    const results = await Promise.allSettled([loader.load('a'), loader.load('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await loader.load('c')).toBe('c');
  });
});

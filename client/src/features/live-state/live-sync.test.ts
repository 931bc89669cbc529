import { MAX_PARAGRAPHS_PER_CALL, type ParagraphView } from '@omnibus/shared';
import { describe, expect, it } from 'vitest';
import { amendment, seedLikeDraft } from '../../test/fixtures';
import { ParagraphRefresher, patchParagraphs } from './live-sync';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function firstParagraphs() {
  const draft = seedLikeDraft();
  const [a, b] = draft.sections.flatMap((s) => s.paragraphs);
  if (!a || !b) throw new Error('the fixture draft has fewer than two paragraphs');
  return { draft, a, b };
}

describe('patchParagraphs', () => {
  it('keeps the draft itself when the fresh paragraphs equal the cached ones', () => {
    const { draft, a } = firstParagraphs();
    expect(patchParagraphs(draft, [clone(a)])).toBe(draft);
  });

  it('leaves out a paragraph read before the one on screen', () => {
    const { draft, a } = firstParagraphs();
    const newer = patchParagraphs(draft, [{ ...clone(a), version: a.version + 1, compiled: 'newer words' }]);
    expect(patchParagraphs(newer, [{ ...clone(a), compiled: 'older words' }])).toBe(newer);
  });

  it('replaces a changed paragraph but keeps its unchanged amendments and every other paragraph', () => {
    const { draft, a, b } = firstParagraphs();
    const kept = amendment(a, { kind: 'insert', start: 3, end: 3, sponsors: ['MEX'], text: 'further ' });
    const cached = patchParagraphs(draft, [{ ...a, amendments: [kept] }]);
    const old = cached.sections.flatMap((s) => s.paragraphs).find((p) => p.id === a.id)!;
    const added = amendment(a, { kind: 'insert', start: 5, end: 5, sponsors: ['CAN'], text: 'all ' });
    const fresh: ParagraphView = clone({ ...old, amendments: [kept, added] });
    const next = patchParagraphs(cached, [fresh]);
    const now = next.sections.flatMap((s) => s.paragraphs);
    const patched = now.find((p) => p.id === a.id)!;
    expect(next).not.toBe(cached);
    expect(patched).not.toBe(old);
    expect(patched.amendments).toHaveLength(2);
    expect(patched.amendments[0]).toBe(old.amendments[0]);
    expect(now.find((p) => p.id === b.id)).toBe(b);
  });
});

/** A read the test answers when it likes. */
function deferredReads() {
  const calls: { ids: string[]; answer: (fresh: ParagraphView[]) => void; fail: () => void }[] = [];
  const read = (ids: string[]) =>
    new Promise<ParagraphView[]>((resolve, reject) => calls.push({ ids, answer: resolve, fail: () => reject(new Error('offline')) }));
  return { calls, read };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const view = (id: string) => ({ id }) as ParagraphView;

describe('ParagraphRefresher', () => {
  it('makes one request at a time and gathers what changes meanwhile into the next', async () => {
    const { calls, read } = deferredReads();
    const applied: string[][] = [];
    let fallBacks = 0;
    const r = new ParagraphRefresher(read, (fresh) => applied.push(fresh.map((p) => p.id)), () => fallBacks++, 0);
    r.add(['p1']);
    r.add(['p2', 'p3']);
    r.add(['p2']);
    expect(calls.map((c) => c.ids)).toEqual([['p1']]);
    calls[0]!.answer([view('p1')]);
    await settle();
    expect(calls.map((c) => c.ids)).toEqual([['p1'], ['p2', 'p3']]);
    calls[1]!.answer([view('p2'), view('p3')]);
    await settle();
    expect(applied).toEqual([['p1'], ['p2', 'p3']]);
    expect(fallBacks).toBe(0);
    expect(calls).toHaveLength(2);
  });

  it('re-reads the whole draft when a read fails or a paragraph is missing from the answer, and goes on', async () => {
    const { calls, read } = deferredReads();
    let fallBacks = 0;
    const r = new ParagraphRefresher(read, () => undefined, () => fallBacks++, 0);
    r.add(['p1', 'gone']);
    calls[0]!.answer([view('p1')]);
    await settle();
    expect(fallBacks).toBe(1);
    r.add(['p2']);
    calls[1]!.fail();
    await settle();
    expect(fallBacks).toBe(2);
    r.add(['p3']);
    expect(calls.map((c) => c.ids)).toEqual([['p1', 'gone'], ['p2'], ['p3']]);
  });

  it('gathers the changes announced one by one in the same moment into one request', async () => {
    const { calls, read } = deferredReads();
    const r = new ParagraphRefresher(read, () => undefined, () => undefined, 20);
    r.add(['p1']);
    r.add(['p2']);
    r.add(['p3']);
    expect(calls).toHaveLength(0);
    await new Promise((done) => setTimeout(done, 40));
    expect(calls.map((c) => c.ids)).toEqual([['p1', 'p2', 'p3']]);
  });

  it('asks for no more than the API answers in one request', async () => {
    const { calls, read } = deferredReads();
    const r = new ParagraphRefresher(read, () => undefined, () => undefined, 0);
    const ids = Array.from({ length: MAX_PARAGRAPHS_PER_CALL + 5 }, (_, i) => `p${i}`);
    r.add(ids);
    calls[0]!.answer(calls[0]!.ids.map(view));
    await settle();
    expect(calls.map((c) => c.ids.length)).toEqual([MAX_PARAGRAPHS_PER_CALL, 5]);
  });
});

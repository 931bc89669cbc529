import { DraftEvents } from '../events/draft-events';
import { TranslationEvents } from './translation-events';
import type { TranslationsService } from './translations.service';

/** Changes that arrive together are checked together: one check per draft at a time, nothing dropped. */
describe('TranslationEvents', () => {
  const turn = () => new Promise<void>((r) => setImmediate(r));
  let events: DraftEvents;
  let calls: { draftId: string; ids: string[] | null }[];
  let release: (() => void)[];
  let subject: TranslationEvents;

  beforeEach(() => {
    events = new DraftEvents();
    calls = [];
    release = [];
    const translations = {
      originalChanged: (draftId: string, ids: readonly string[] | null) => {
        calls.push({ draftId, ids: ids === null ? null : [...ids].sort() });
        return new Promise<void>((r) => release.push(r));
      },
    } as unknown as TranslationsService;
    subject = new TranslationEvents(events, translations);
    subject.onModuleInit();
  });
  afterEach(() => subject.onModuleDestroy());

  const changed = (draftId: string, paragraphId: string) => events.emit({ type: 'paragraph.changed', draftId, paragraphId, action: 'paragraph.coedit', actor: null });

  it('checks a projection round of many paragraphs once, per draft', async () => {
    for (let i = 0; i < 130; i++) changed('d1', `p${i}`);
    events.emit({ type: 'amendment.changed', draftId: 'd2', paragraphId: 'q', amendmentId: 'a', action: 'amendment.update', actor: null });
    await turn();
    await turn();
    expect(calls).toHaveLength(2);
    expect(calls.find((c) => c.draftId === 'd1')?.ids).toHaveLength(130);
    expect(calls.find((c) => c.draftId === 'd2')?.ids).toEqual(['q']);
  });

  it('checks what changed during a check right after it, and a whole-draft change as the whole draft', async () => {
    changed('d1', 'p1');
    await turn();
    await turn();
    expect(calls).toEqual([{ draftId: 'd1', ids: ['p1'] }]);
    changed('d1', 'p2');
    changed('d1', 'p3');
    events.emit({ type: 'draft.changed', draftId: 'd1', action: 'draft.update', actor: null });
    changed('d1', 'p4');
    await turn();
    await turn();
    expect(calls).toHaveLength(1);
    release.shift()?.();
    await turn();
    await turn();
    expect(calls).toEqual([
      { draftId: 'd1', ids: ['p1'] },
      { draftId: 'd1', ids: null },
    ]);
    release.shift()?.();
    await turn();
    await turn();
    expect(calls).toHaveLength(2);
  });

  it('goes on after a check fails', async () => {
    const attempts: string[] = [];
    const failing = new TranslationEvents(events, {
      originalChanged: (_draftId: string, ids: readonly string[] | null) => {
        attempts.push(...(ids ?? []));
        return Promise.reject(new Error('database gone'));
      },
    } as unknown as TranslationsService);
    subject.onModuleDestroy();
    failing.onModuleInit();
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      changed('d1', 'p1');
      await turn();
      await turn();
      changed('d1', 'p2');
      await turn();
      await turn();
      expect(attempts).toEqual(['p1', 'p2']);
    } finally {
      failing.onModuleDestroy();
      logged.mockRestore();
    }
  });
});

import { Logger } from '@nestjs/common';
import { DraftEvents } from './draft-events';

describe('DraftEvents', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs a failing listener through the logger, with its stack, and still tells the others', async () => {
    const errors: unknown[][] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
    const events = new DraftEvents();
    const heard: string[] = [];
    events.subscribe(() => {
      throw new Error('listener broke');
    });
    events.subscribe((e) => void heard.push(e.draftId));
    events.emit({ type: 'draft.changed', draftId: 'd1', action: 'renamed', actor: null });
    await new Promise((r) => setImmediate(r));
    expect(heard).toEqual(['d1']);
    expect(errors).toHaveLength(1);
    const [message, stack] = errors[0] as [string, string];
    expect(message).toBe('a listener of draft.changed (renamed) on draft d1 failed: listener broke');
    expect(stack).toMatch(/listener broke\n\s+at /);
  });
});

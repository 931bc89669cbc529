import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TYPING_WINDOW_MS, inTypingPause, keystrokeTyped } from './typing-pause';

describe('redrawing the draft in the pauses of typing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // Whatever an earlier test typed is long past.
    vi.advanceTimersByTime(TYPING_WINDOW_MS * 2);
  });
  afterEach(() => {
    vi.runOnlyPendingTimers();
    vi.useRealTimers();
  });

  it('runs at once when the person is not typing', () => {
    const ran: string[] = [];
    inTypingPause(() => ran.push('now'));
    expect(ran).toEqual(['now']);
  });

  it('waits for the frame after the next keystroke while the person types, in order', async () => {
    const ran: string[] = [];
    keystrokeTyped();
    inTypingPause(() => ran.push('a'));
    inTypingPause(() => ran.push('b'));
    await vi.advanceTimersByTimeAsync(100);
    expect(ran).toEqual([]);
    keystrokeTyped();
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(ran).toEqual(['a', 'b']);
  });

  it('waits no longer than the typing window when no keystroke comes', async () => {
    const ran: string[] = [];
    keystrokeTyped();
    inTypingPause(() => ran.push('late'));
    await vi.advanceTimersByTimeAsync(TYPING_WINDOW_MS - 1);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual(['late']);
  });
});

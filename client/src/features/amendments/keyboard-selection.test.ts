import { describe, expect, it } from 'vitest';
import { moveSelection, wordBoundary } from './keyboard-selection';

const text = 'To request that the SMS provide legislative assistance.';
const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('selecting words of the base text with the keyboard', () => {
  it('extends by character with Shift+arrows and by word with Ctrl+Shift+arrows', () => {
    let sel = { anchor: 3, focus: 3 };
    sel = moveSelection(text, sel, key('ArrowRight', { shiftKey: true }))!;
    expect(sel).toEqual({ anchor: 3, focus: 4 });
    sel = moveSelection(text, { anchor: 3, focus: 3 }, key('ArrowRight', { shiftKey: true, ctrlKey: true }))!;
    sel = moveSelection(text, sel, key('ArrowRight', { shiftKey: true, ctrlKey: true }))!;
    expect(text.slice(sel.anchor, sel.focus)).toBe('request that');
  });

  it('shrinks back past the anchor and collapses without Shift', () => {
    let sel = { anchor: 11, focus: 11 };
    sel = moveSelection(text, sel, key('ArrowLeft', { shiftKey: true, ctrlKey: true }))!;
    expect(text.slice(sel.focus, sel.anchor)).toBe('request ');
    expect(moveSelection(text, sel, key('ArrowRight'))).toEqual({ anchor: 4, focus: 4 });
    expect(moveSelection(text, sel, key('End', { shiftKey: true }))).toEqual({ anchor: 11, focus: text.length });
    expect(moveSelection(text, sel, key('a'))).toBeNull();
  });

  it('finds word boundaries across punctuation and accents', () => {
    expect(wordBoundary('la Secretaría, con', 3, 1)).toBe(13);
    expect(wordBoundary('la Secretaría, con', 15, -1)).toBe(3);
  });
});

import { EditorState, type Transaction } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deltaFromBrackets } from '@omnibus/shared/collab-model';
import { i18n } from '../../i18n';
import { bracketDecorations, bracketsPlugin } from './decorations';
import { paragraphSchema } from './schema';
import { docFromYText } from './ytext-binding';

const BASE = 'To request that the SMS provide legislative assistance to member states on request.';

/** A paragraph with an insertion, a deletion, a replacement (marked words and their new words) and two alternatives. */
function seededDoc() {
  const text = new Y.Doc().getText('t');
  text.applyDelta(
    deltaFromBrackets(BASE, [
      { id: '11111111-1111-4111-8111-111111111111', kind: 'insert', start: 23, end: 23, text: ', through the CICTE Secretariat,', sponsors: ['CAN'], alternativeGroup: null, alternativeNumber: null },
      { id: '22222222-2222-4222-8222-222222222222', kind: 'delete', start: 24, end: 31, text: '', sponsors: ['US'], alternativeGroup: null, alternativeNumber: null },
      { id: '33333333-3333-4333-8333-333333333333', kind: 'replace', start: 44, end: 54, text: 'support', sponsors: ['MEX', 'CH'], alternativeGroup: null, alternativeNumber: null },
      { id: '44444444-4444-4444-8444-444444444444', kind: 'alternative', start: 58, end: 71, text: 'all states', sponsors: ['CAN'], alternativeGroup: 'g', alternativeNumber: 1 },
    ]),
  );
  return docFromYText(text);
}

const drawn = (decorations: readonly Decoration[]) =>
  decorations.map((d) => `${d.from}-${d.to} ${String((d.spec as { key?: string }).key)}`).sort();

/** A small deterministic generator, so a failure shows the same steps again. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

describe('bracket decorations kept from one transaction to the next', () => {
  it('are, after any run of edits, the ones drawn from the document itself', () => {
    const plugin = bracketsPlugin();
    let state = EditorState.create({ doc: seededDoc(), plugins: [plugin] });
    const next = random(7);
    const { proposed } = paragraphSchema.marks;
    let mapped = 0;
    for (let i = 0; i < 400; i++) {
      const size = state.doc.content.size;
      const at = next(size + 1);
      let tr: Transaction;
      switch (next(5)) {
        case 0:
          // Typed: the marks at that place, as ProseMirror gives them.
          tr = state.tr.insertText('ab', at);
          break;
        case 1:
          // Remote base words: no marks, wherever they land.
          tr = state.tr.insert(at, paragraphSchema.text('cd'));
          break;
        case 2:
          tr = state.tr.delete(at, Math.min(size, at + 1 + next(4)));
          break;
        case 3:
          tr = state.tr.insert(at, paragraphSchema.text('new', [proposed.create({ id: `n${i}`, kind: 'insert', sponsors: 'MEX' })]));
          break;
        default:
          tr = state.tr.insertText('e', at).insertText('f', Math.min(at + 2, size));
      }
      if (!tr.docChanged) continue;
      const before = plugin.getState(state);
      state = state.apply(tr);
      const after = plugin.getState(state);
      // A mapped set keeps the widgets it had; a set drawn anew has new ones.
      const kept = new Set((before?.set.find() ?? []).map((d) => (d as unknown as { type: unknown }).type));
      if ((after?.set.find() ?? []).some((d) => kept.has((d as unknown as { type: unknown }).type))) mapped++;
      expect(drawn(after?.set.find() ?? [])).toEqual(drawn(bracketDecorations(state.doc)));
    }
    // Both ways were taken: mapped through plain edits, drawn again otherwise.
    expect(mapped).toBeGreaterThan(0);
  });

  it('are drawn again in a new interface language', async () => {
    const plugin = bracketsPlugin();
    let state = EditorState.create({ doc: seededDoc(), plugins: [plugin] });
    const text = () => (plugin.getState(state)?.set.find() ?? []).map((d) => (d.spec as { key?: string }).key).join(' ');
    expect(text()).toContain('replace “');
    await i18n.changeLanguage('es');
    state = state.apply(state.tr.insertText('x', 1));
    expect(plugin.getState(state)?.lang).toBe('es');
    expect(drawn(plugin.getState(state)?.set.find() ?? [])).toEqual(drawn(bracketDecorations(state.doc)));
  });
});

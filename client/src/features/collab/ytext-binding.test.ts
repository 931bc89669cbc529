import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deltaFromBrackets, projectDelta } from '@omnibus/shared/collab-model';
import { judgeTransaction } from './edit-rules';
import { REMOTE_META, applyToYText, docFromYText, remoteTransaction } from './ytext-binding';

const BASE = 'To request that the SMS provide legislative assistance.';
const CAN_ID = '11111111-1111-4111-8111-111111111111';
const US_ID = '22222222-2222-4222-8222-222222222222';

function seeded(): Y.Text {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.applyDelta(
    deltaFromBrackets(BASE, [
      { id: CAN_ID, kind: 'insert', start: 23, end: 23, text: ', through the CICTE Secretariat,', sponsors: ['CAN'], alternativeGroup: null, alternativeNumber: null },
      { id: US_ID, kind: 'delete', start: 24, end: 31, text: '', sponsors: ['US'], alternativeGroup: null, alternativeNumber: null },
    ]),
  );
  return text;
}

/** Two replicas of one Y.Text, each with an editor state bound to it, exchanging updates. */
function pair() {
  const a = seeded();
  const b = new Y.Doc().getText('t');
  Y.applyUpdate(b.doc!, Y.encodeStateAsUpdate(a.doc!));
  const side = (text: Y.Text) => {
    const origin = {};
    const s = { text, origin, state: EditorState.create({ doc: docFromYText(text) }) };
    text.observe((event, tr) => {
      if (tr.origin !== origin) s.state = s.state.apply(remoteTransaction(s.state, event.delta as never));
    });
    return s;
  };
  const sa = side(a);
  const sb = side(b);
  a.doc!.on('update', (u: Uint8Array) => Y.applyUpdate(b.doc!, u, 'net'));
  b.doc!.on('update', (u: Uint8Array, o: unknown) => o !== 'net' && Y.applyUpdate(a.doc!, u, 'net'));
  return { sa, sb };
}

describe('the Y.Text ⇄ ProseMirror binding', () => {
  it('reads brackets as marks and gives back exactly the text the server projects', () => {
    const text = seeded();
    const doc = docFromYText(text);
    expect(doc.textContent).toBe(text.toString());
    const projected = projectDelta(text.toDelta());
    expect(projected.ok && projected.brackets.map((b) => [b.kind, b.sponsors.join(',')])).toEqual([
      ['insert', 'CAN'],
      ['delete', 'US'],
    ]);
  });

  it('carries typing inside a bracket to the other replica with its attribution intact', () => {
    const { sa, sb } = pair();
    const inside = sa.state.doc.textContent.indexOf('Secretariat') + 'Secretariat'.length;
    const tr = sa.state.tr.insertText(' and CICAD', inside);
    expect(judgeTransaction({ delegation: 'CAN', base: false, write: true }, tr)).toEqual({ ok: true });
    sa.state = sa.state.apply(tr);
    applyToYText(sa.text, tr, sa.origin);
    expect(sb.state.doc.textContent).toBe(sa.state.doc.textContent);
    const projected = projectDelta(sb.text.toDelta());
    expect(projected.ok && projected.brackets.find((b) => b.id === CAN_ID)?.text).toBe(', through the CICTE Secretariat and CICAD,');
    expect(projected.ok && projected.base).toBe(BASE);
  });

  it('replays remote deletions and selections map through them', () => {
    const { sa, sb } = pair();
    const tr = sb.state.tr.delete(0, 3);
    sb.state = sb.state.apply(tr);
    applyToYText(sb.text, tr, sb.origin);
    expect(sa.state.doc.textContent.startsWith('request that')).toBe(true);
    expect(sa.state.doc.textContent).toBe(sb.text.toString());
  });
});

describe('edit rights', () => {
  const state = () => EditorState.create({ doc: docFromYText(seeded()) });
  const mex = { delegation: 'MEX', base: false, write: true };

  it("keeps a delegate out of the base text and of another delegation's bracket", () => {
    const s = state();
    expect(judgeTransaction(mex, s.tr.insertText('x', 2))).toMatchObject({ ok: false, message: expect.stringMatching(/^You can type only inside brackets of MEX/) });
    const inCan = s.doc.textContent.indexOf('CICTE');
    expect(judgeTransaction(mex, s.tr.insertText('x', inCan))).toMatchObject({ ok: false, message: 'This bracket belongs to CAN; only its sponsors change its words.' });
  });

  it('lets the chair edit free base words but not words a bracket marks, and nobody delete a bracket', () => {
    const s = state();
    const chair = { delegation: null, base: true, write: true };
    expect(judgeTransaction(chair, s.tr.insertText('x', 2))).toEqual({ ok: true });
    const marked = s.doc.textContent.indexOf('provide');
    expect(judgeTransaction(chair, s.tr.delete(marked, marked + 3))).toMatchObject({ ok: false });
    const can = { delegation: 'CAN', base: false, write: true };
    const from = s.doc.textContent.indexOf(', through');
    expect(judgeTransaction(can, s.tr.delete(from, from + ', through the CICTE Secretariat,'.length))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^A bracket is not removed by deleting its words/),
    });
    expect(judgeTransaction({ ...can, write: false }, s.tr.insertText('x', from + 3))).toEqual({ ok: false, message: 'This text is read-only for you.' });
    expect(judgeTransaction(mex, s.tr.setMeta(REMOTE_META, true))).toEqual({ ok: true });
  });
});

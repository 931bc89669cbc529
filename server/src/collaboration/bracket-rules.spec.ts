import { BracketInput, deltaFromBrackets, projectDelta } from '@omnibus/shared';
import type { Actor } from '../auth/actor';
import { EditJudge, ParagraphFacts, judgeParagraphEdit } from './bracket-rules';

const C = 'committee';
const ids = new Map([
  ['MEX', 'd-mex'],
  ['US', 'd-us'],
  ['CH', 'd-ch'],
]);
const actor = (role: Actor['role'], code: string | null): Actor => ({
  userId: `u-${code ?? role}`,
  username: code?.toLowerCase() ?? role,
  displayName: code ?? role,
  role,
  committeeId: C,
  delegationId: code ? (ids.get(code) ?? null) : null,
  delegationCode: code,
});
const judge = (a: Actor, known: string[] = []): EditJudge => ({ actor: a, committeeId: C, delegationIds: ids, isKnownAmendment: (id) => known.includes(id) });
const chairText: ParagraphFacts = { id: 'p', label: '7', status: 'pending', origin: 'chair', sponsors: [] };
const BASE = 'To request that the SMS provide assistance.';
const MEX_INS: BracketInput = { id: '11111111-1111-4111-8111-111111111111', kind: 'insert', start: 3, end: 3, text: 'kindly ', sponsors: ['MEX'], alternativeGroup: null, alternativeNumber: null };
const NEW_ID = '22222222-2222-4222-8222-222222222222';
const view = (base: string, brackets: BracketInput[]) => projectDelta(deltaFromBrackets(base, brackets));

describe('judgeParagraphEdit', () => {
  const before = view(BASE, [MEX_INS]);

  it('lets a sponsor change the words of its bracket, and nobody else', () => {
    const after = view(BASE, [{ ...MEX_INS, text: 'very kindly ' }]);
    expect(judgeParagraphEdit(chairText, before, after, judge(actor('delegate', 'MEX')))).toEqual({ ok: true, created: [] });
    expect(judgeParagraphEdit(chairText, before, after, judge(actor('delegate', 'US')))).toMatchObject({ ok: false, reason: 'bracket_foreign' });
    expect(judgeParagraphEdit(chairText, before, after, judge(actor('chair', null)))).toMatchObject({ ok: false, reason: 'bracket_foreign' });
  });

  it('refuses removing a bracket, and changing its sponsors or kind, even by its sponsor', () => {
    const m = judge(actor('delegate', 'MEX'));
    expect(judgeParagraphEdit(chairText, before, view(BASE, []), m)).toMatchObject({ ok: false, reason: 'bracket_removed' });
    expect(judgeParagraphEdit(chairText, before, view(BASE, [{ ...MEX_INS, sponsors: ['MEX', 'US'] }]), m)).toMatchObject({ ok: false, reason: 'bracket_forged' });
  });

  it('takes a new bracket only in the writer’s own delegation’s name, with an unused id, on the chair’s text', () => {
    const mine = view(BASE, [MEX_INS, { ...MEX_INS, id: NEW_ID, start: 10, end: 10, sponsors: ['US'] }]);
    expect(judgeParagraphEdit(chairText, before, mine, judge(actor('delegate', 'US')))).toMatchObject({ ok: true, created: [expect.objectContaining({ id: NEW_ID })] });
    expect(judgeParagraphEdit(chairText, before, mine, judge(actor('delegate', 'CH')))).toMatchObject({ ok: false, reason: 'bracket_forged' });
    expect(judgeParagraphEdit(chairText, before, mine, judge(actor('delegate', 'US'), [NEW_ID]))).toMatchObject({ ok: false, reason: 'bracket_forged' });
    expect(judgeParagraphEdit(chairText, before, mine, judge(actor('secretariat', null)))).toMatchObject({ ok: false, reason: 'bracket_not_allowed' });
    // Another delegation's new paragraph takes amendments like the chair's text, under the same attribution rules.
    const theirs: ParagraphFacts = { ...chairText, origin: 'delegation', sponsors: ['CH'] };
    expect(judgeParagraphEdit(theirs, before, mine, judge(actor('delegate', 'US')))).toMatchObject({ ok: true, created: [expect.objectContaining({ id: NEW_ID })] });
    expect(judgeParagraphEdit(theirs, before, mine, judge(actor('delegate', 'CAN')))).toMatchObject({ ok: false, reason: 'bracket_forged' });
  });

  it('lets the chair edit base text outside brackets, a new paragraph’s sponsors edit theirs, and delegates neither', () => {
    const after = view(`${BASE} Again.`, [MEX_INS]);
    expect(judgeParagraphEdit(chairText, before, after, judge(actor('chair', null)))).toMatchObject({ ok: true });
    expect(judgeParagraphEdit(chairText, before, after, judge(actor('delegate', 'MEX')))).toMatchObject({ ok: false, reason: 'base_text' });
    const proposal: ParagraphFacts = { ...chairText, origin: 'delegation', sponsors: ['CH', 'MEX'] };
    const plain = view(BASE, []);
    expect(judgeParagraphEdit(proposal, plain, view(`${BASE} Again.`, []), judge(actor('delegate', 'MEX')))).toMatchObject({ ok: true });
    expect(judgeParagraphEdit(proposal, plain, view(`${BASE} Again.`, []), judge(actor('delegate', 'US')))).toMatchObject({ ok: false, reason: 'base_text' });
  });

  it('freezes a paragraph that is no longer open, and refuses control characters and oversized text', () => {
    const after = view(BASE, [{ ...MEX_INS, text: 'very kindly ' }]);
    const m = judge(actor('delegate', 'MEX'));
    expect(judgeParagraphEdit({ ...chairText, status: 'approved' }, before, after, m)).toMatchObject({ ok: false, reason: 'paragraph_closed' });
    expect(judgeParagraphEdit(chairText, before, view(BASE, [{ ...MEX_INS, text: 'bell\u0007' }]), m)).toMatchObject({ ok: false, reason: 'control_characters' });
    expect(judgeParagraphEdit(chairText, before, view(BASE, [{ ...MEX_INS, text: 'x'.repeat(10_001) }]), m)).toMatchObject({ ok: false, reason: 'oversized' });
  });
});

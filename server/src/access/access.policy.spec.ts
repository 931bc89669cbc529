import type { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import type { AmendmentView, ParagraphActions, ParagraphView } from '@omnibus/shared';
import { Access, amendmentActions, canRead, denialReason, draftActions, paragraphActions, paragraphEditRights, readable, requireAccess } from './access.policy';

const committeeId = 'c1';
const actor = (role: Actor['role'], delegationId: string | null = null): Actor => ({
  userId: `u-${role}-${delegationId ?? ''}`,
  username: role,
  displayName: role,
  role,
  committeeId,
  delegationId,
  delegationCode: delegationId ? delegationId.toUpperCase() : null,
});
const ch = actor('delegate', 'ch');

const mex = actor('delegate', 'mex');
const us = actor('delegate', 'us');
const chair = actor('chair');
const vice = actor('vice_chair');
const secretariat = actor('secretariat');
const observer = actor('observer');
const translator = actor('translator');

const allowed = (a: Actor, access: Access) => denialReason(a, access) === null;

describe('access policy', () => {
  it('lets everyone in the committee read, and no one outside it', () => {
    for (const a of [mex, chair, secretariat, observer]) expect(allowed(a, { action: 'committee.read', committeeId })).toBe(true);
    expect(() => requireAccess(mex, { action: 'committee.read', committeeId: 'other' })).toThrow(
      expect.objectContaining({ code: 'not_found' }) as unknown as Error,
    );
  });

  it('never lets an observer change anything, and says so', () => {
    const writes: Access[] = [
      { action: 'paragraph.create', committeeId },
      { action: 'paragraph.edit', committeeId, origin: 'chair', sponsorDelegationIds: [] },
      { action: 'paragraph.decide', committeeId },
      { action: 'paragraph.move', committeeId },
      { action: 'amendment.create', committeeId },
      { action: 'draft.create', committeeId },
      { action: 'draft.configure', committeeId },
    ];
    for (const w of writes) expect(denialReason(observer, w)).toMatch(/^Observers may read the draft but not change it\./);
  });

  it('lets language services and the secretariat translate, and keeps translators out of the negotiation itself', () => {
    const translate: Access = { action: 'translation.edit', committeeId };
    expect([translator, secretariat].every((a) => allowed(a, translate))).toBe(true);
    for (const a of [mex, chair, vice, observer]) expect(denialReason(a, translate)).toMatch(/language services \(translators\) and the secretariat/);
    expect(allowed(translator, { action: 'committee.read', committeeId })).toBe(true);
    expect(allowed(translator, { action: 'draft.export', committeeId, published: false })).toBe(true);
    const negotiation: Access[] = [
      { action: 'paragraph.create', committeeId },
      { action: 'paragraph.edit', committeeId, origin: 'chair', sponsorDelegationIds: [] },
      { action: 'amendment.create', committeeId },
      { action: 'draft.coedit.write', committeeId },
      { action: 'comment.create', committeeId },
      { action: 'session.run', committeeId },
      { action: 'committee.languages', committeeId },
    ];
    for (const w of negotiation) expect(allowed(translator, w)).toBe(false);
    expect(allowed(secretariat, { action: 'committee.languages', committeeId })).toBe(true);
  });

  it("lets only a proposal's sponsors edit it, and only its proposer withdraw it", () => {
    const edit: Access = { action: 'paragraph.edit', committeeId, origin: 'delegation', sponsorDelegationIds: ['mex', 'ch'] };
    expect(allowed(mex, edit)).toBe(true);
    expect(allowed(us, edit)).toBe(false);
    expect(allowed(chair, edit)).toBe(false);
    const withdraw: Access = { action: 'paragraph.withdraw', committeeId, proposerDelegationId: 'mex' };
    expect(allowed(mex, withdraw)).toBe(true);
    expect(allowed(us, withdraw)).toBe(false);
    expect(allowed(chair, withdraw)).toBe(false);
  });

  it("keeps the Chair's text with the chair's office and amendments with delegations", () => {
    const edit: Access = { action: 'paragraph.edit', committeeId, origin: 'chair', sponsorDelegationIds: [] };
    expect([chair, vice, secretariat].every((a) => allowed(a, edit))).toBe(true);
    expect(allowed(mex, edit)).toBe(false);
    expect(allowed(mex, { action: 'amendment.create', committeeId })).toBe(true);
    expect(allowed(chair, { action: 'amendment.create', committeeId })).toBe(false);
    expect(allowed(chair, { action: 'paragraph.decide', committeeId })).toBe(true);
    expect(allowed(secretariat, { action: 'paragraph.decide', committeeId })).toBe(false);
  });

  it('lets only the invited delegation answer an invitation', () => {
    const respond: Access = { action: 'sponsorship.respond', committeeId, delegationId: 'us' };
    expect(allowed(us, respond)).toBe(true);
    expect(allowed(mex, respond)).toBe(false);
    expect(allowed(chair, respond)).toBe(false);
  });

  it('refuses with forbidden and a sentence naming who may act', () => {
    try {
      requireAccess(mex, { action: 'draft.create', committeeId });
      throw new Error('expected refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('forbidden');
      expect((err as AppError).message).toBe('Only the secretariat may set up drafts and import texts.');
    }
  });
});

describe('reads', () => {
  it("answers another committee's object exactly like an unknown id", () => {
    const mine = { committeeId, id: 'd1' };
    expect(readable(mex, mine, 'draft', 'd1')).toBe(mine);
    const unknown = (() => {
      try {
        readable(mex, null, 'draft', 'd1');
      } catch (err) {
        return err as AppError;
      }
      throw new Error('expected refusal');
    })();
    const foreign = (() => {
      try {
        readable(mex, { committeeId: 'other' }, 'draft', 'd1');
      } catch (err) {
        return err as AppError;
      }
      throw new Error('expected refusal');
    })();
    expect(foreign).toBeInstanceOf(AppError);
    expect([foreign.code, foreign.message, foreign.details]).toEqual([unknown.code, unknown.message, unknown.details]);
    expect(unknown.code).toBe('not_found');
    for (const a of [mex, chair, observer, translator]) {
      expect(canRead(a, mine)).toBe(true);
      expect(canRead(a, { committeeId: 'other' })).toBe(false);
      expect(canRead(a, undefined)).toBe(false);
    }
  });
});

/** A paragraph view as the API gives it; sponsors are delegation codes, proposer first. */
function view(origin: ParagraphView['origin'], status: ParagraphView['status'], sponsors: string[] = [], extra: Partial<ParagraphView> = {}): ParagraphView {
  return {
    id: 'p1',
    sectionId: 's1',
    label: '5',
    kind: 'substantive',
    state: origin === 'delegation' ? 'new' : 'consensus',
    status,
    origin,
    position: 0,
    text: 'To endorse the reports.',
    sponsors,
    invited: [],
    amendments: [],
    compiled: 'To endorse the reports.',
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

const ALL_ACTIONS: (keyof ParagraphActions)[] = ['editText', 'editBaseText', 'amend', 'askToCosponsor', 'inviteCosponsors', 'withdraw', 'delete', 'restore', 'move', 'comment'];
const granted = (a: ParagraphActions) => ALL_ACTIONS.filter((k) => a[k]).sort();

describe('what each person may do with a paragraph (role × origin × status)', () => {
  const people: Record<string, Actor> = { chair, vice, secretariat, observer, translator, mex, ch, us };
  const chairText = view('chair', 'pending');
  const bis = view('delegation', 'pending', ['MEX', 'CH']);
  const approvedBis = view('delegation', 'approved', ['MEX']);
  const deleted = view('chair', 'deleted');
  const held = view('entity', 'held');
  // The Chair's text while it is open (pending or held): the offices edit it, delegations amend it.
  const chairsTextOpen: Record<string, string[]> = {
    chair: ['comment', 'delete', 'editBaseText', 'editText', 'move'],
    vice: ['comment', 'delete', 'editBaseText', 'editText', 'move'],
    secretariat: ['comment', 'editBaseText', 'editText', 'move'],
    observer: [],
    translator: [],
    mex: ['amend', 'comment'],
    ch: ['amend', 'comment'],
    us: ['amend', 'comment'],
  };
  // Each row: the actions the person is granted, every other one refused.
  const table: [string, ParagraphView, Record<string, string[]>][] = [
    [
      "the Chair's text, pending",
      chairText,
      chairsTextOpen,
    ],
    [
      "an entity's text, held in brackets",
      held,
      chairsTextOpen,
    ],
    [
      "MEX and CH's new paragraph, pending",
      bis,
      {
        chair: ['comment', 'delete', 'move'],
        vice: ['comment', 'delete', 'move'],
        secretariat: ['comment', 'move'],
        observer: [],
        translator: [],
        mex: ['amend', 'comment', 'editBaseText', 'editText', 'inviteCosponsors', 'withdraw'],
        ch: ['amend', 'comment', 'editBaseText', 'editText'],
        us: ['amend', 'askToCosponsor', 'comment'],
      },
    ],
    [
      "MEX's new paragraph, approved",
      approvedBis,
      {
        chair: ['comment', 'delete', 'move'],
        secretariat: ['comment', 'move'],
        observer: [],
        mex: ['comment', 'inviteCosponsors'],
        us: ['comment'],
      },
    ],
    [
      "the Chair's text, deleted",
      deleted,
      {
        chair: ['comment', 'move', 'restore'],
        vice: ['comment', 'move', 'restore'],
        secretariat: ['comment', 'move'],
        observer: [],
        mex: ['comment'],
      },
    ],
  ];
  for (const [what, p, rows] of table) {
    for (const [who, expected] of Object.entries(rows)) {
      it(`${what}: ${who} may ${expected.length ? expected.join(', ') : 'nothing'}`, () => {
        expect(granted(paragraphActions(people[who]!, committeeId, p))).toEqual([...expected].sort());
      });
    }
  }

  it('keeps the base text still while open amendments point into it, and asks no one twice to join', () => {
    const amended = view('chair', 'pending', [], { amendments: [{ status: 'proposed' } as AmendmentView] });
    expect(paragraphActions(chair, committeeId, amended)).toMatchObject({ editText: true, editBaseText: false });
    for (const linked of [{ invited: ['US'] }, { requested: ['US'] }]) {
      expect(paragraphActions(us, committeeId, { ...bis, ...linked }).askToCosponsor).toBe(false);
    }
  });

  it("grants nothing on another committee's paragraph", () => {
    expect(granted(paragraphActions(chair, 'other', chairText))).toEqual([]);
  });
});

describe('what each person may do with an amendment', () => {
  const byMex: AmendmentView = {
    id: 'a1',
    paragraphId: 'p1',
    kind: 'replace',
    start: 0,
    end: 2,
    text: 'To welcome',
    alternativeGroup: null,
    alternativeNumber: null,
    sponsors: ['MEX', 'CH'],
    invited: [],
    status: 'proposed',
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  it.each([
    ['mex', mex, byMex, { edit: true, withdraw: true, inviteCosponsors: true }],
    ['ch', ch, byMex, { edit: true, withdraw: false, inviteCosponsors: false }],
    ['us', us, byMex, { edit: false, withdraw: false, inviteCosponsors: false }],
    ['chair', chair, byMex, { edit: false, withdraw: false, inviteCosponsors: false }],
    ['mex, a deletion', mex, { ...byMex, kind: 'delete' as const }, { edit: false, withdraw: true, inviteCosponsors: true }],
    ['mex, once withdrawn', mex, { ...byMex, status: 'withdrawn' as const }, { edit: false, withdraw: false, inviteCosponsors: true }],
  ])('%s', (_who, a, amendment, expected) => {
    expect(amendmentActions(a, committeeId, amendment)).toEqual(expected);
  });
});

describe("rights in a paragraph's text for the co-editing rules", () => {
  it('gives the base to the drafters or the sponsors, brackets in a delegate\'s own name, and writing to neither observers nor closed paragraphs', () => {
    const chairText = { origin: 'chair' as const, status: 'pending' as const, sponsorDelegationIds: [] };
    const bis = { origin: 'delegation' as const, status: 'pending' as const, sponsorDelegationIds: ['mex'] };
    expect(paragraphEditRights(chair, committeeId, chairText)).toEqual({ delegation: null, base: true, write: true });
    expect(paragraphEditRights(mex, committeeId, chairText)).toEqual({ delegation: 'MEX', base: false, write: true });
    expect(paragraphEditRights(mex, committeeId, bis)).toEqual({ delegation: 'MEX', base: true, write: true });
    expect(paragraphEditRights(us, committeeId, bis)).toEqual({ delegation: 'US', base: false, write: true });
    expect(paragraphEditRights(observer, committeeId, chairText)).toEqual({ delegation: null, base: false, write: false });
    expect(paragraphEditRights(translator, committeeId, chairText)).toEqual({ delegation: null, base: false, write: false });
    expect(paragraphEditRights(chair, committeeId, { ...chairText, status: 'approved' }).write).toBe(false);
  });
});

describe('what each role may do with the draft (the flags the room offers its screens by)', () => {
  const flagsOf = (a: Actor) =>
    Object.entries(draftActions(a, committeeId))
      .filter(([, v]) => v)
      .map(([k]) => k)
      .sort();
  it.each([
    ['chair', chair, ['addParagraphs', 'coedit', 'configure', 'manageWorkflow', 'publishVersion', 'runSession', 'startSilence']],
    ['vice-chair', vice, ['addParagraphs', 'coedit', 'configure', 'manageWorkflow', 'publishVersion', 'runSession', 'startSilence']],
    ['secretariat', secretariat, ['addParagraphs', 'coedit', 'configure', 'importDocuments', 'translate']],
    ['a delegate', mex, ['addParagraphs', 'breakSilence', 'coedit', 'requestFloor', 'reserve']],
    ['language services', translator, ['translate']],
    ['an observer', observer, []],
  ])('%s', (_name, who, flags) => {
    expect(flagsOf(who)).toEqual([...flags].sort());
  });
});

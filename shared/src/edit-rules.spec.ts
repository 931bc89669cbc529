import { BASE_SPAN, newBracketRefusal, spanRefusal, type EditRights } from './edit-rules';

const chair: EditRights = { delegation: null, base: true, write: true };
const mex: EditRights = { delegation: 'MEX', base: false, write: true };
const sponsorOfBis: EditRights = { delegation: 'CH', base: true, write: true };

describe('co-editing rules', () => {
  it('gives the base words to whoever may edit the paragraph', () => {
    expect(spanRefusal(chair, BASE_SPAN)).toBeNull();
    expect(spanRefusal(sponsorOfBis, BASE_SPAN)).toBeNull();
    expect(spanRefusal(mex, BASE_SPAN)).toBe('base_text');
  });

  it("gives a bracket's words to its sponsors only, the offices included among the others", () => {
    const bracket = { kind: 'bracket', sponsors: ['MEX', 'CAN'] } as const;
    expect(spanRefusal(mex, bracket)).toBeNull();
    expect(spanRefusal({ ...mex, delegation: 'CAN' }, bracket)).toBeNull();
    expect(spanRefusal(sponsorOfBis, bracket)).toBe('bracket_foreign');
    expect(spanRefusal(chair, bracket)).toBe('bracket_foreign');
  });

  it('lets nobody type into words a bracket marks for deletion or replacement', () => {
    for (const r of [chair, mex, sponsorOfBis]) expect(spanRefusal(r, { kind: 'marked' })).toBe('marked');
  });

  it("takes a new bracket only in the person's own delegation's name alone", () => {
    expect(newBracketRefusal(mex, ['MEX'])).toBeNull();
    expect(newBracketRefusal(mex, ['MEX', 'CAN'])).toBe('bracket_forged');
    expect(newBracketRefusal(mex, ['CAN'])).toBe('bracket_forged');
    expect(newBracketRefusal(chair, ['MEX'])).toBe('bracket_not_allowed');
  });
});

import { MEMBER_STATES, delegationName, findMemberState, resolveDelegationCode } from './delegations';

describe('MEMBER_STATES', () => {
  it('lists the 35 OAS member states', () => {
    expect(MEMBER_STATES).toHaveLength(35);
    expect(new Set(MEMBER_STATES.map((s) => s.name)).size).toBe(35);
  });

  it('writes every code and alias as 2–4 uppercase ASCII letters', () => {
    for (const s of MEMBER_STATES) {
      for (const token of [s.code, ...s.aliases]) expect(token).toMatch(/^[A-Z]{2,4}$/);
    }
  });

  it('never lets a code or alias of one state designate another', () => {
    const owner = new Map<string, string>();
    for (const s of MEMBER_STATES) {
      for (const token of [s.code, ...s.aliases]) {
        const previous = owner.get(token);
        if (previous !== undefined) throw new Error(`${token} used by ${previous} and ${s.name}`);
        owner.set(token, s.name);
      }
    }
    expect(owner.size).toBe(MEMBER_STATES.reduce((n, s) => n + 1 + s.aliases.length, 0));
  });

  it('uses the seed codes as primary codes', () => {
    const codes = MEMBER_STATES.map((s) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['CH', 'MEX', 'US', 'CAN', 'BRA', 'TT', 'DMA', 'DR']));
  });
});

describe('resolveDelegationCode', () => {
  it.each([
    ['CH', 'CH'],
    ['CHI', 'CH'],
    ['chl', 'CH'],
    ['USA', 'US'],
    ['us', 'US'],
    ['MEX', 'MEX'],
    ['DMA', 'DMA'],
    ['DOM', 'DR'],
    ['RD', 'DR'],
    ['SLV', 'SAL'],
    ['TTO', 'TT'],
    [' usa ', 'US'],
    ['Trinidad and Tobago', 'TT'],
  ])('%s → %s', (input, expected) => {
    expect(resolveDelegationCode(input)).toBe(expected);
  });

  it('resolves every code and alias to its own state', () => {
    for (const s of MEMBER_STATES) {
      for (const token of [s.code, ...s.aliases]) {
        expect(resolveDelegationCode(token)).toBe(s.code);
        expect(resolveDelegationCode(token.toLowerCase())).toBe(s.code);
      }
    }
  });

  it.each(['', 'XX', 'UK', 'ESP', 'CHILEAN', 'AG/RES', 'C H'])('unknown %p → null', (input) => {
    expect(resolveDelegationCode(input)).toBeNull();
  });
});

describe('delegationName', () => {
  it('names a state by code or alias', () => {
    expect(delegationName('CH')).toBe('Chile');
    expect(delegationName('usa')).toBe('United States');
    expect(delegationName('DMA')).toBe('Dominica');
    expect(delegationName('DR')).toBe('Dominican Republic');
    expect(delegationName('ZZZ')).toBeNull();
  });

  it('finds the whole state', () => {
    expect(findMemberState('KNA')?.name).toBe('Saint Kitts and Nevis');
    expect(findMemberState('nope')).toBeNull();
  });
});

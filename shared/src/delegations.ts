/**
 * The 35 member states of the OAS as the Committee on Hemispheric Security's documents write them.
 *
 * `code` is the primary code: the one OAS negotiation texts use in bracket attributions
 * ("[CH, MEX and US: …]" in the CICTE seed, "[Alt 1 (BRA): …]" in the SPEC). Where the OAS
 * abbreviation differs from ISO 3166-1 alpha-3, the OAS abbreviation is primary and the ISO code
 * is an alias (SAL/SLV, GUA/GTM, TT/TTO …). Dominica (DMA) and the Dominican Republic (DR, with
 * aliases DOM and RD) are kept apart on purpose: no code or alias of one state is a code or alias
 * of another (see the spec). ISO alpha-2 codes are deliberately not aliases (except where OAS uses
 * them: CH, US, CR, TT, DR): they would collide with ordinary words in bracketed text.
 *
 * Every code and alias is 2–4 uppercase ASCII letters. Order: alphabetical by English name, the
 * order of the OAS's list of member states.
 */

export interface MemberState {
  /** Primary code, as bracket attributions write it ("CH", "MEX", "US"). */
  readonly code: string;
  /** English name as OAS documents write it. */
  readonly name: string;
  /** Other codes that designate the same state (ISO alpha-3, older OAS abbreviations). */
  readonly aliases: readonly string[];
}

function state(code: string, name: string, aliases: readonly string[] = []): MemberState {
  return Object.freeze({ code, name, aliases: Object.freeze([...aliases]) });
}

export const MEMBER_STATES: readonly MemberState[] = Object.freeze([
  state('ANT', 'Antigua and Barbuda', ['ATG']),
  state('ARG', 'Argentina'),
  state('BAH', 'The Bahamas', ['BHS']),
  state('BAR', 'Barbados', ['BRB']),
  state('BLZ', 'Belize'),
  state('BOL', 'Bolivia'),
  state('BRA', 'Brazil'),
  state('CAN', 'Canada'),
  state('CH', 'Chile', ['CHI', 'CHL']),
  state('COL', 'Colombia'),
  state('CR', 'Costa Rica', ['CRI']),
  state('CUB', 'Cuba'),
  state('DMA', 'Dominica'),
  state('DR', 'Dominican Republic', ['DOM', 'RD']),
  state('ECU', 'Ecuador'),
  state('SAL', 'El Salvador', ['SLV']),
  state('GRE', 'Grenada', ['GRD']),
  state('GUA', 'Guatemala', ['GTM']),
  state('GUY', 'Guyana'),
  state('HAI', 'Haiti', ['HTI']),
  state('HON', 'Honduras', ['HND']),
  state('JAM', 'Jamaica'),
  state('MEX', 'Mexico'),
  state('NIC', 'Nicaragua'),
  state('PAN', 'Panama'),
  state('PAR', 'Paraguay', ['PRY']),
  state('PER', 'Peru'),
  state('SKN', 'Saint Kitts and Nevis', ['KNA']),
  state('SLU', 'Saint Lucia', ['LCA']),
  state('SVG', 'Saint Vincent and the Grenadines', ['VCT']),
  state('SUR', 'Suriname'),
  state('TT', 'Trinidad and Tobago', ['TTO']),
  state('US', 'United States', ['USA']),
  state('URU', 'Uruguay', ['URY']),
  state('VEN', 'Venezuela'),
]);

/** Upper-cased code, alias or name → the state. Built once; pure lookup afterwards. */
const BY_TOKEN: ReadonlyMap<string, MemberState> = (() => {
  const map = new Map<string, MemberState>();
  for (const s of MEMBER_STATES) {
    for (const token of [s.code, ...s.aliases, s.name]) map.set(token.toUpperCase(), s);
  }
  return map;
})();

function lookup(codeOrAlias: string): MemberState | null {
  return BY_TOKEN.get(codeOrAlias.trim().toUpperCase()) ?? null;
}

/**
 * The primary code for a code or alias, case-insensitive and ignoring surrounding blanks
 * ("chi" → "CH", "USA" → "US", "dom" → "DR"). The state's English name is accepted too.
 * Anything else → null.
 */
export function resolveDelegationCode(codeOrAlias: string): string | null {
  return lookup(codeOrAlias)?.code ?? null;
}

/** The English name of the state a code or alias designates, or null if it designates none. */
export function delegationName(code: string): string | null {
  return lookup(code)?.name ?? null;
}

/** The state a code or alias designates, or null. */
export function findMemberState(codeOrAlias: string): MemberState | null {
  return lookup(codeOrAlias);
}

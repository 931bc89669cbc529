import { parseSponsors } from '@omnibus/shared/brackets';
import type { DelegationInfo } from '../../api/endpoints';

export type CosponsorParse = { ok: true; codes: string[] } | { ok: false; message: string };

/**
 * Reads what a delegate types in "invite co-sponsors" ("can, BRA and chi") into primary codes,
 * with a sentence for anything that is not a delegation of the committee.
 */
export function parseCosponsors(input: string, delegations: readonly DelegationInfo[], own: string | null): CosponsorParse {
  if (input.trim() === '') return { ok: true, codes: [] };
  const codes = parseSponsors(input);
  if (!codes) return { ok: false, message: 'Write delegation codes separated by commas, for example "CAN, BRA", each named once.' };
  const out: string[] = [];
  for (const code of codes) {
    // Before the list has loaded, pass codes through: the server still checks them.
    const hit = delegations.length === 0 ? { code } : delegations.find((d) => d.code === code || d.aliases.includes(code));
    if (!hit) return { ok: false, message: `No delegation "${code}" takes part in this committee.` };
    if (hit.code === own) return { ok: false, message: `Your own delegation (${own}) is already the proposer; name only the delegations to invite.` };
    if (!out.includes(hit.code)) out.push(hit.code);
  }
  return { ok: true, codes: out };
}

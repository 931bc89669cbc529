import { parseSponsors } from '@omnibus/shared/brackets';
import type { DelegationInfo } from '../../api/endpoints';
import { i18n } from '../../i18n';

export type CosponsorParse = { ok: true; codes: string[] } | { ok: false; message: string };

/**
 * Reads what a delegate types in "invite co-sponsors" ("can, BRA and chi") into primary codes,
 * with a sentence for anything that is not a delegation of the committee.
 */
export function parseCosponsors(input: string, delegations: readonly DelegationInfo[], own: string | null): CosponsorParse {
  if (input.trim() === '') return { ok: true, codes: [] };
  const codes = parseSponsors(input);
  if (!codes) return { ok: false, message: i18n.t('sponsorships:parse.format') };
  const out: string[] = [];
  for (const code of codes) {
    // Before the list has loaded, pass codes through: the server still checks them.
    const hit = delegations.length === 0 ? { code } : delegations.find((d) => d.code === code || d.aliases.includes(code));
    if (!hit) return { ok: false, message: i18n.t('sponsorships:parse.unknown', { code }) };
    if (hit.code === own) return { ok: false, message: i18n.t('sponsorships:parse.own', { own }) };
    if (!out.includes(hit.code)) out.push(hit.code);
  }
  return { ok: true, codes: out };
}

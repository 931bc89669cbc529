import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { DelegationRow, DelegationsRepository } from '../committees/delegations.repository';

export interface ResolvedSponsors {
  proposer: DelegationRow;
  invitees: DelegationRow[];
}

/**
 * Turns what a request says about sponsors into the proposer (always the caller's own delegation)
 * and the delegations to invite. Naming anyone else as a sponsor is refused: consent is given by
 * that delegation accepting an invitation, never by another delegation's request.
 */
@Injectable()
export class SponsorResolver {
  constructor(private readonly delegations: DelegationsRepository) {}

  async resolve(
    manager: EntityManager,
    actor: Actor,
    sponsors: readonly string[] | undefined,
    cosponsors: readonly string[] | undefined,
  ): Promise<ResolvedSponsors> {
    const all = await this.delegations.forCommittee(actor.committeeId, manager);
    const proposer = all.find((d) => d.id === actor.delegationId);
    if (!proposer) throw new AppError('forbidden', 'Only a delegate can propose in the name of a delegation.');
    const find = (code: string): DelegationRow => {
      const upper = code.toUpperCase();
      const hit = all.find((d) => d.code === upper || d.aliases.includes(upper));
      if (!hit) {
        throw new AppError('validation_failed', `No delegation "${code}" takes part in this committee.`, {
          issues: [{ path: 'cosponsors', message: `unknown delegation ${code}` }],
        });
      }
      return hit;
    };
    const forged = (sponsors ?? []).map(find).filter((d) => d.id !== proposer.id);
    if (forged.length > 0) {
      const codes = [...new Set(forged.map((d) => d.code))];
      throw new AppError(
        'sponsor_not_consented',
        `${codes.join(', ')} ${codes.length === 1 ? 'has' : 'have'} not agreed to sponsor this. Name ${
          codes.length === 1 ? 'it' : 'them'
        } under "cosponsors" to send an invitation; a delegation becomes a sponsor when one of its own delegates accepts.`,
        { delegations: codes },
      );
    }
    const seen = new Set<string>([proposer.id]);
    const invitees: DelegationRow[] = [];
    for (const code of cosponsors ?? []) {
      const d = find(code);
      if (!seen.has(d.id)) {
        seen.add(d.id);
        invitees.push(d);
      }
    }
    return { proposer, invitees };
  }
}

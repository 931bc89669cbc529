import { Injectable } from '@nestjs/common';
import type { AmendmentStatus } from '@omnibus/shared';
import { sql } from 'kysely';
import { EntityManager } from 'typeorm';
import { OPEN_AMENDMENT, type OpenAmendment } from '../amendments/amendments.repository';
import { kysely, now } from '../database/kysely';

export type { OpenAmendment } from '../amendments/amendments.repository';

/** The amendments a decision settles: read the open ones, then mark each accepted or rejected. */
@Injectable()
export class SettlementRepository {
  async openAmendments(m: EntityManager, paragraphId: string): Promise<OpenAmendment[]> {
    return kysely(m)
      .selectFrom('amendment')
      .select(OPEN_AMENDMENT)
      .where('paragraph_id', '=', paragraphId)
      .where('status', '=', 'proposed')
      .orderBy('created_at').orderBy('id')
      .forUpdate()
      .execute();
  }

  /** Every open amendment of the paragraph becomes accepted (when listed) or rejected; returns those changed. */
  async settle(m: EntityManager, paragraphId: string, acceptedIds: readonly string[]): Promise<string[]> {
    const rows = await kysely(m)
      .updateTable('amendment')
      .set((eb) => ({
        status: sql<AmendmentStatus>`CASE WHEN id = ANY(${[...acceptedIds]}::uuid[]) THEN 'accepted' ELSE 'rejected' END`,
        version: eb('version', '+', 1),
        updated_at: now(),
      }))
      .where('paragraph_id', '=', paragraphId)
      .where('status', '=', 'proposed')
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }
}

import { Injectable } from '@nestjs/common';
import type { AmendmentStatus } from '@omnibus/shared';
import type { Insertable, Selection } from 'kysely';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { Amendment, DB } from '../database/db-types';
import { kysely, now } from '../database/kysely';

/**
 * The amendment as the code names its columns. Each list is a selection of the generated table
 * type, so every field's type comes from the migrated schema (see server/src/database/db-types.ts).
 */
export const AMENDMENT_RECORD = ['id', 'draft_id as draftId', 'paragraph_id as paragraphId', 'kind', 'start_offset as start',
  'end_offset as end', 'text', 'alternative_group as alternativeGroup', 'alternative_number as alternativeNumber', 'status',
  'proposer_delegation_id as proposerDelegationId', 'version'] as const;
/** What a draft's contents list: no draft (it is the draft's), and when it was proposed. */
export const AMENDMENT_ROW = ['id', 'paragraph_id as paragraphId', 'kind', 'start_offset as start', 'end_offset as end', 'text',
  'alternative_group as alternativeGroup', 'alternative_number as alternativeNumber', 'status',
  'proposer_delegation_id as proposerDelegationId', 'version', 'created_at as createdAt'] as const;
/** What a decision needs to settle an open amendment into the agreed text. */
export const OPEN_AMENDMENT = ['id', 'kind', 'start_offset as start', 'end_offset as end', 'text',
  'alternative_group as alternativeGroup', 'proposer_delegation_id as proposerDelegationId'] as const;

export type AmendmentRecord = Selection<DB, 'amendment', (typeof AMENDMENT_RECORD)[number]>;
export type AmendmentRow = Selection<DB, 'amendment', (typeof AMENDMENT_ROW)[number]>;
export type OpenAmendment = Selection<DB, 'amendment', (typeof OPEN_AMENDMENT)[number]>;

@Injectable()
export class AmendmentsRepository {
  async find(m: EntityManager, id: string): Promise<AmendmentRecord | null> {
    return (await kysely(m).selectFrom('amendment').select(AMENDMENT_RECORD).where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async lock(m: EntityManager, id: string): Promise<AmendmentRecord | null> {
    const row = await kysely(m).selectFrom('amendment').select(AMENDMENT_RECORD).where('id', '=', id).forUpdate().executeTakeFirst();
    return row ?? null;
  }

  async insert(m: EntityManager, a: Omit<AmendmentRecord, 'id' | 'status' | 'version'> & { createdBy: string }): Promise<string> {
    const values: Insertable<Amendment> = {
      draft_id: a.draftId,
      paragraph_id: a.paragraphId,
      kind: a.kind,
      start_offset: a.start,
      end_offset: a.end,
      text: a.text,
      alternative_group: a.alternativeGroup,
      alternative_number: a.alternativeNumber,
      proposer_delegation_id: a.proposerDelegationId,
      created_by: a.createdBy,
    };
    const row = await kysely(m).insertInto('amendment').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async update(m: EntityManager, id: string, changes: { text?: string; status?: AmendmentStatus }): Promise<void> {
    await kysely(m)
      .updateTable('amendment')
      .set((eb) => ({
        ...(changes.text !== undefined ? { text: changes.text } : {}),
        ...(changes.status !== undefined ? { status: changes.status } : {}),
        version: eb('version', '+', 1),
        updated_at: now(),
      }))
      .where('id', '=', id)
      .execute();
  }

  async newGroupId(_m: EntityManager): Promise<string> {
    return randomUUID();
  }

  async maxAlternativeNumber(m: EntityManager, group: string): Promise<number> {
    const row = await kysely(m)
      .selectFrom('amendment')
      .select((eb) => eb.fn.max('alternative_number').as('n'))
      .where('alternative_group', '=', group)
      .executeTakeFirst();
    return row?.n ?? 0;
  }
}

import { Injectable } from '@nestjs/common';
import type { Selection } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { DB } from '../database/db-types';
import { kysely } from '../database/kysely';

const COLUMNS = ['id', 'code', 'name', 'aliases'] as const;

export type DelegationRow = Selection<DB, 'delegation', (typeof COLUMNS)[number]>;

@Injectable()
export class DelegationsRepository {
  constructor(private readonly db: DataSource) {}

  async forCommittee(committeeId: string, manager: EntityManager = this.db.manager): Promise<DelegationRow[]> {
    return kysely(manager).selectFrom('delegation').select(COLUMNS).where('committee_id', '=', committeeId).orderBy('code').execute();
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface DelegationRow {
  id: string;
  code: string;
  name: string;
  aliases: string[];
}

@Injectable()
export class DelegationsRepository {
  constructor(private readonly db: DataSource) {}

  async forCommittee(committeeId: string, manager: EntityManager = this.db.manager): Promise<DelegationRow[]> {
    return manager.query(`SELECT id, code, name, aliases FROM delegation WHERE committee_id = $1 ORDER BY code`, [committeeId]);
  }
}

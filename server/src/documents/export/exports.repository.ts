import { Injectable } from '@nestjs/common';
import type { DraftView } from '@omnibus/shared';
import { DataSource } from 'typeorm';

export interface PublishedVersion {
  id: string;
  name: string;
  symbol: string;
  snapshot: DraftView;
}

/** What exports read besides the live draft: published versions and the committee's time zone. */
@Injectable()
export class ExportsRepository {
  constructor(private readonly db: DataSource) {}

  async version(draftId: string, versionId: string): Promise<PublishedVersion | null> {
    const rows: PublishedVersion[] = await this.db.query(
      `SELECT id, name, symbol, snapshot FROM draft_version WHERE id = $1 AND draft_id = $2`,
      [versionId, draftId],
    );
    return rows[0] ?? null;
  }

  /** Today's date where the committee sits, yyyy-mm-dd: a document is dated as its readers' calendar says. */
  async today(committeeId: string, now: Date = new Date()): Promise<string> {
    const rows: { time_zone: string }[] = await this.db.query(`SELECT time_zone FROM committee WHERE id = $1`, [committeeId]);
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone: rows[0]?.time_zone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    } catch {
      return now.toISOString().slice(0, 10);
    }
  }
}

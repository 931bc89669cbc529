import { Injectable } from '@nestjs/common';
import { PAGE_SIZES, PageSize } from '@omnibus/shared';
import type { DraftView } from '@omnibus/shared';
import { DataSource } from 'typeorm';

export interface PublishedVersion {
  id: string;
  name: string;
  symbol: string;
  snapshot: DraftView;
  /** The day it was published where the committee sits, yyyy-mm-dd: the date the distributed document carries. */
  date: string;
}

export interface CommitteePrinting {
  pageSize: PageSize;
}

/** What exports read besides the live draft: published versions, the draft's own date and the committee's paper. */
@Injectable()
export class ExportsRepository {
  constructor(private readonly db: DataSource) {}

  async version(draftId: string, versionId: string): Promise<PublishedVersion | null> {
    const rows: PublishedVersion[] = await this.db.query(
      `SELECT v.id, v.name, v.symbol, v.snapshot, to_char(v.published_at AT TIME ZONE c.time_zone, 'YYYY-MM-DD') AS date
         FROM draft_version v JOIN draft d ON d.id = v.draft_id JOIN committee c ON c.id = d.committee_id
        WHERE v.id = $1 AND v.draft_id = $2`,
      [versionId, draftId],
    );
    return rows[0] ?? null;
  }

  /**
   * The live draft's own date: the day of its latest change (the draft, a paragraph or a
   * proposal) where the committee sits. A document is dated by its text, not by the day someone
   * downloaded it.
   */
  async draftDate(draftId: string): Promise<string> {
    const rows: { date: string }[] = await this.db.query(
      `SELECT to_char(greatest(d.updated_at,
                coalesce((SELECT max(p.updated_at) FROM paragraph p WHERE p.draft_id = d.id), d.updated_at),
                coalesce((SELECT max(a.updated_at) FROM amendment a WHERE a.draft_id = d.id), d.updated_at))
              AT TIME ZONE c.time_zone, 'YYYY-MM-DD') AS date
         FROM draft d JOIN committee c ON c.id = d.committee_id WHERE d.id = $1`,
      [draftId],
    );
    return rows[0]?.date ?? new Date().toISOString().slice(0, 10);
  }

  async printing(committeeId: string): Promise<CommitteePrinting> {
    const rows: { page_size: string }[] = await this.db.query(`SELECT page_size FROM committee WHERE id = $1`, [committeeId]);
    const pageSize = PAGE_SIZES.find((s) => s === rows[0]?.page_size) ?? 'letter';
    return { pageSize };
  }
}

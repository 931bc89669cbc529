import { Injectable } from '@nestjs/common';
import type { CapsConfig } from '@omnibus/shared';
import type { Selection } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import { AMENDMENT_ROW, type AmendmentRow } from '../amendments/amendments.repository';
import type { DB } from '../database/db-types';
import { kysely, now } from '../database/kysely';

export type { AmendmentRow } from '../amendments/amendments.repository';

// Column lists in the names the code uses; each row type is their selection of the generated schema types.
const DRAFT_COLUMNS = ['id', 'committee_id as committeeId', 'title', 'symbol', 'caps', 'version', 'created_at as createdAt'] as const;
const PARAGRAPH_COLUMNS = ['id', 'section_id as sectionId', 'kind', 'label', 'origin', 'status', 'text', 'literals',
  'proposer_delegation_id as proposerDelegationId', 'version', 'updated_at as updatedAt'] as const;

/** The sponsorships a view shows, with each delegation's code (a draft's, or one paragraph's). */
export const selectSponsorshipRows = (manager: EntityManager) =>
  kysely(manager)
    .selectFrom('sponsorship as s')
    .innerJoin('delegation as d', 'd.id', 's.delegation_id')
    .select(['s.id', 's.paragraph_id as paragraphId', 's.amendment_id as amendmentId', 's.delegation_id as delegationId', 'd.code', 's.status', 's.position']);

export type DraftRow = Selection<DB, 'draft', (typeof DRAFT_COLUMNS)[number]>;
export type ParagraphRow = Selection<DB, 'paragraph', (typeof PARAGRAPH_COLUMNS)[number]>;
export type SectionRow = Awaited<ReturnType<DraftsRepository['sections']>>[number];
export type SponsorshipRow = Awaited<ReturnType<DraftsRepository['sponsorships']>>[number];
export type ReservationRow = Awaited<ReturnType<DraftsRepository['reservations']>>[number];

export interface DraftContents {
  draft: DraftRow;
  sections: SectionRow[];
  paragraphs: ParagraphRow[];
  amendments: AmendmentRow[];
  sponsorships: SponsorshipRow[];
  reservations?: ReservationRow[];
}

/** All SQL about drafts, sections and what they hold. */
@Injectable()
export class DraftsRepository {
  constructor(private readonly db: DataSource) {}

  async listForCommittee(committeeId: string): Promise<DraftRow[]> {
    return kysely(this.db.manager).selectFrom('draft').select(DRAFT_COLUMNS).where('committee_id', '=', committeeId).orderBy('created_at').orderBy('id').execute();
  }

  async find(draftId: string, manager: EntityManager = this.db.manager): Promise<DraftRow | null> {
    return (await kysely(manager).selectFrom('draft').select(DRAFT_COLUMNS).where('id', '=', draftId).executeTakeFirst()) ?? null;
  }

  /** The committee of each draft asked for, in order (null where there is no such draft), in one query. */
  async committeesOf(draftIds: readonly string[]): Promise<({ committeeId: string } | null)[]> {
    const rows = await kysely(this.db.manager).selectFrom('draft').select(['id', 'committee_id']).where('id', 'in', [...new Set(draftIds)]).execute();
    const byId = new Map(rows.map((r) => [r.id, r.committee_id]));
    return draftIds.map((id) => {
      const committeeId = byId.get(id);
      return committeeId === undefined ? null : { committeeId };
    });
  }

  /**
   * Locks the draft row for the rest of the transaction. Every change that counts paragraphs
   * against the caps takes this lock first, so two racing requests count one after the other.
   */
  async lock(manager: EntityManager, draftId: string): Promise<DraftRow | null> {
    return (await kysely(manager).selectFrom('draft').select(DRAFT_COLUMNS).where('id', '=', draftId).forUpdate().executeTakeFirst()) ?? null;
  }

  async touch(manager: EntityManager, draftId: string): Promise<void> {
    await kysely(manager)
      .updateTable('draft')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: now() }))
      .where('id', '=', draftId)
      .execute();
  }

  async sections(draftId: string, manager: EntityManager = this.db.manager) {
    return kysely(manager)
      .selectFrom('section as s')
      .leftJoin('topic as t', 't.id', 's.topic_id')
      .leftJoin('thematic_area as a', 'a.id', 't.area_id')
      .select(['s.id', 's.kind', 's.key', 's.title', 's.position', 'a.number as areaNumber', 'a.title as areaTitle'])
      .where('s.draft_id', '=', draftId)
      .orderBy('s.position')
      .execute();
  }

  async paragraphs(draftId: string, manager: EntityManager = this.db.manager): Promise<ParagraphRow[]> {
    return kysely(manager).selectFrom('paragraph').select(PARAGRAPH_COLUMNS).where('draft_id', '=', draftId).execute();
  }

  async amendments(draftId: string, manager: EntityManager = this.db.manager): Promise<AmendmentRow[]> {
    return kysely(manager).selectFrom('amendment').select(AMENDMENT_ROW).where('draft_id', '=', draftId).orderBy('created_at').orderBy('id').execute();
  }

  async sponsorships(draftId: string, manager: EntityManager = this.db.manager) {
    return selectSponsorshipRows(manager)
      .where('s.draft_id', '=', draftId)
      .orderBy('s.position').orderBy('s.created_at')
      .execute();
  }

  async reservations(draftId: string, manager: EntityManager = this.db.manager) {
    return kysely(manager)
      .selectFrom('reservation as r')
      .innerJoin('delegation as d', 'd.id', 'r.delegation_id')
      .select(['r.paragraph_id as paragraphId', 'd.code as delegation', 'r.text', 'r.created_at as createdAt'])
      .where('r.draft_id', '=', draftId)
      .orderBy('r.created_at').orderBy('r.id')
      .execute();
  }

  async contents(draftId: string, manager: EntityManager = this.db.manager): Promise<DraftContents | null> {
    const draft = await this.find(draftId, manager);
    if (!draft) return null;
    // Sequential on purpose: inside a transaction the manager has a single connection.
    const sections = await this.sections(draftId, manager);
    const paragraphs = await this.paragraphs(draftId, manager);
    const amendments = await this.amendments(draftId, manager);
    const sponsorships = await this.sponsorships(draftId, manager);
    const reservations = await this.reservations(draftId, manager);
    return { draft, sections, paragraphs, amendments, sponsorships, reservations };
  }

  async updateCaps(manager: EntityManager, draftId: string, caps: CapsConfig): Promise<void> {
    await kysely(manager)
      .updateTable('draft')
      .set((eb) => ({ caps: JSON.stringify(caps), version: eb('version', '+', 1), updated_at: now() }))
      .where('id', '=', draftId)
      .execute();
  }
}

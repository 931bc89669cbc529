import { Injectable } from '@nestjs/common';
import type {
  AmendmentKind,
  AmendmentStatus,
  CapsConfig,
  Literal,
  ParagraphKind,
  ParagraphOrigin,
  ParagraphStatus,
  SectionKind,
  SponsorshipStatus,
} from '@omnibus/shared';
import { DataSource, EntityManager } from 'typeorm';

export interface DraftRow {
  id: string;
  committeeId: string;
  title: string;
  symbol: string;
  caps: CapsConfig;
  version: number;
  createdAt: Date;
}

export interface SectionRow {
  id: string;
  kind: SectionKind;
  key: string;
  title: string;
  position: number;
  areaNumber: number | null;
  areaTitle: string | null;
}

export interface ParagraphRow {
  id: string;
  sectionId: string;
  kind: ParagraphKind;
  label: string;
  origin: ParagraphOrigin;
  status: ParagraphStatus;
  text: string;
  literals: Literal[] | null;
  proposerDelegationId: string | null;
  version: number;
  updatedAt: Date;
}

export interface AmendmentRow {
  id: string;
  paragraphId: string;
  kind: AmendmentKind;
  start: number;
  end: number;
  text: string;
  alternativeGroup: string | null;
  alternativeNumber: number | null;
  status: AmendmentStatus;
  proposerDelegationId: string;
  version: number;
  createdAt: Date;
}

export interface SponsorshipRow {
  id: string;
  paragraphId: string | null;
  amendmentId: string | null;
  delegationId: string;
  code: string;
  status: SponsorshipStatus;
  position: number;
}

export interface ReservationRow {
  paragraphId: string;
  delegation: string;
  text: string;
  createdAt: Date;
}

export interface DraftContents {
  draft: DraftRow;
  sections: SectionRow[];
  paragraphs: ParagraphRow[];
  amendments: AmendmentRow[];
  sponsorships: SponsorshipRow[];
  reservations?: ReservationRow[];
}

const DRAFT_COLUMNS = `id, committee_id AS "committeeId", title, symbol, caps, version, created_at AS "createdAt"`;
const PARAGRAPH_COLUMNS = `id, section_id AS "sectionId", kind, label, origin, status, text, literals,
  proposer_delegation_id AS "proposerDelegationId", version, updated_at AS "updatedAt"`;
const AMENDMENT_COLUMNS = `id, paragraph_id AS "paragraphId", kind, start_offset AS "start", end_offset AS "end", text,
  alternative_group AS "alternativeGroup", alternative_number AS "alternativeNumber", status,
  proposer_delegation_id AS "proposerDelegationId", version, created_at AS "createdAt"`;

/** All SQL about drafts, sections and what they hold. */
@Injectable()
export class DraftsRepository {
  constructor(private readonly db: DataSource) {}

  async listForCommittee(committeeId: string): Promise<DraftRow[]> {
    return this.db.query(`SELECT ${DRAFT_COLUMNS} FROM draft WHERE committee_id = $1 ORDER BY created_at, id`, [committeeId]);
  }

  async find(draftId: string, manager: EntityManager = this.db.manager): Promise<DraftRow | null> {
    const rows: DraftRow[] = await manager.query(`SELECT ${DRAFT_COLUMNS} FROM draft WHERE id = $1`, [draftId]);
    return rows[0] ?? null;
  }

  /**
   * Locks the draft row for the rest of the transaction. Every change that counts paragraphs
   * against the caps takes this lock first, so two racing requests count one after the other.
   */
  async lock(manager: EntityManager, draftId: string): Promise<DraftRow | null> {
    const rows: DraftRow[] = await manager.query(`SELECT ${DRAFT_COLUMNS} FROM draft WHERE id = $1 FOR UPDATE`, [draftId]);
    return rows[0] ?? null;
  }

  async touch(manager: EntityManager, draftId: string): Promise<void> {
    await manager.query(`UPDATE draft SET version = version + 1, updated_at = now() WHERE id = $1`, [draftId]);
  }

  async sections(draftId: string, manager: EntityManager = this.db.manager): Promise<SectionRow[]> {
    return manager.query(
      `SELECT s.id, s.kind, s.key, s.title, s.position, a.number AS "areaNumber", a.title AS "areaTitle"
         FROM section s
         LEFT JOIN topic t ON t.id = s.topic_id
         LEFT JOIN thematic_area a ON a.id = t.area_id
        WHERE s.draft_id = $1 ORDER BY s.position`,
      [draftId],
    );
  }

  async paragraphs(draftId: string, manager: EntityManager = this.db.manager): Promise<ParagraphRow[]> {
    return manager.query(`SELECT ${PARAGRAPH_COLUMNS} FROM paragraph WHERE draft_id = $1`, [draftId]);
  }

  async contents(draftId: string, manager: EntityManager = this.db.manager): Promise<DraftContents | null> {
    const draft = await this.find(draftId, manager);
    if (!draft) return null;
    // Sequential on purpose: inside a transaction the manager has a single connection.
    const sections = await this.sections(draftId, manager);
    const paragraphs = await this.paragraphs(draftId, manager);
    const amendments: AmendmentRow[] = await manager.query(
      `SELECT ${AMENDMENT_COLUMNS} FROM amendment WHERE draft_id = $1 ORDER BY created_at, id`,
      [draftId],
    );
    const sponsorships: SponsorshipRow[] = await manager.query(
        `SELECT s.id, s.paragraph_id AS "paragraphId", s.amendment_id AS "amendmentId", s.delegation_id AS "delegationId",
                d.code, s.status, s.position
           FROM sponsorship s JOIN delegation d ON d.id = s.delegation_id
          WHERE s.draft_id = $1 ORDER BY s.position, s.created_at`,
        [draftId],
    );
    const reservations: ReservationRow[] = await manager.query(
      `SELECT r.paragraph_id AS "paragraphId", d.code AS delegation, r.text, r.created_at AS "createdAt"
         FROM reservation r JOIN delegation d ON d.id = r.delegation_id
        WHERE r.draft_id = $1 ORDER BY r.created_at, r.id`,
      [draftId],
    );
    return { draft, sections, paragraphs, amendments, sponsorships, reservations };
  }

  async updateCaps(manager: EntityManager, draftId: string, caps: CapsConfig): Promise<void> {
    await manager.query(`UPDATE draft SET caps = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
      draftId,
      JSON.stringify(caps),
    ]);
  }
}

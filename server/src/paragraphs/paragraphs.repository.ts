import { Injectable } from '@nestjs/common';
import type { Literal, ParagraphStatus } from '@omnibus/shared';
import type { Insertable, Selection, Updateable } from 'kysely';
import { EntityManager } from 'typeorm';
import { AMENDMENT_ROW, type AmendmentRow } from '../amendments/amendments.repository';
import type { DB, Paragraph } from '../database/db-types';
import { countOf, kysely, now } from '../database/kysely';
import { selectSponsorshipRows, type SponsorshipRow } from '../drafts/drafts.repository';

const COLUMNS = ['id', 'draft_id as draftId', 'section_id as sectionId', 'kind', 'label', 'origin', 'status', 'text', 'literals',
  'proposer_delegation_id as proposerDelegationId', 'version', 'updated_at as updatedAt'] as const;

/** A paragraph with the draft it belongs to; its fields' types come from the generated schema types. */
export type LockedParagraph = Selection<DB, 'paragraph', (typeof COLUMNS)[number]>;

/** What a new paragraph is given; the rest (id, version, times) the database fills in. */
export type NewParagraph = Pick<LockedParagraph, 'draftId' | 'sectionId' | 'kind' | 'label' | 'origin' | 'text' | 'literals' | 'proposerDelegationId'> & {
  createdBy: string | null;
  status?: ParagraphStatus;
};

@Injectable()
export class ParagraphsRepository {
  async find(manager: EntityManager, id: string): Promise<LockedParagraph | null> {
    return (await kysely(manager).selectFrom('paragraph').select(COLUMNS).where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** The paragraphs of `draftId` among `ids` (ids of other drafts or of nothing are left out), in no particular order. */
  async findInDraft(manager: EntityManager, draftId: string, ids: readonly string[]): Promise<LockedParagraph[]> {
    if (ids.length === 0) return [];
    return kysely(manager).selectFrom('paragraph').select(COLUMNS).where('draft_id', '=', draftId).where('id', 'in', ids).execute();
  }

  async lock(manager: EntityManager, id: string): Promise<LockedParagraph | null> {
    return (await kysely(manager).selectFrom('paragraph').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst()) ?? null;
  }

  async insert(manager: EntityManager, p: NewParagraph): Promise<string> {
    const values: Insertable<Paragraph> = {
      draft_id: p.draftId,
      section_id: p.sectionId,
      kind: p.kind,
      label: p.label,
      origin: p.origin,
      text: p.text,
      literals: p.literals === null ? null : JSON.stringify(p.literals),
      proposer_delegation_id: p.proposerDelegationId,
      created_by: p.createdBy,
      status: p.status ?? 'pending',
    };
    const row = await kysely(manager).insertInto('paragraph').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: { text?: string; literals?: Literal[]; status?: ParagraphStatus; sectionId?: string; label?: string },
  ): Promise<void> {
    const set: Updateable<Paragraph> = {};
    if (changes.text !== undefined) set.text = changes.text;
    if (changes.literals !== undefined) set.literals = JSON.stringify(changes.literals);
    if (changes.status !== undefined) set.status = changes.status;
    if (changes.sectionId !== undefined) set.section_id = changes.sectionId;
    if (changes.label !== undefined) set.label = changes.label;
    await kysely(manager)
      .updateTable('paragraph')
      .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: now() }))
      .where('id', '=', id)
      .execute();
  }

  async labelsInSection(manager: EntityManager, sectionId: string): Promise<{ id: string; label: string }[]> {
    return kysely(manager).selectFrom('paragraph').select(['id', 'label']).where('section_id', '=', sectionId).execute();
  }

  /** The labels of every paragraph of the sections, with the section each is in. */
  async labelsInSections(manager: EntityManager, sectionIds: readonly string[]): Promise<{ id: string; sectionId: string; label: string }[]> {
    if (sectionIds.length === 0) return [];
    return kysely(manager).selectFrom('paragraph').select(['id', 'section_id as sectionId', 'label']).where('section_id', 'in', sectionIds).execute();
  }

  /** The amendments of the paragraphs, in the order they were proposed, as a view lists them. */
  async amendmentsOfParagraphs(manager: EntityManager, paragraphIds: readonly string[]): Promise<AmendmentRow[]> {
    if (paragraphIds.length === 0) return [];
    return kysely(manager).selectFrom('amendment').select(AMENDMENT_ROW).where('paragraph_id', 'in', paragraphIds).orderBy('created_at').orderBy('id').execute();
  }

  /** The sponsorships of the paragraphs and of their amendments, in the order they joined (one order whatever the plan). */
  async sponsorshipsOfParagraphs(manager: EntityManager, paragraphIds: readonly string[]): Promise<SponsorshipRow[]> {
    if (paragraphIds.length === 0) return [];
    return selectSponsorshipRows(manager)
      .where((eb) =>
        eb.or([
          eb('s.paragraph_id', 'in', paragraphIds),
          eb('s.amendment_id', 'in', eb.selectFrom('amendment').select('id').where('paragraph_id', 'in', paragraphIds)),
        ]),
      )
      .orderBy('s.position')
      .orderBy('s.created_at')
      .orderBy('s.id')
      .execute();
  }

  async openAmendmentCount(manager: EntityManager, paragraphId: string): Promise<number> {
    const row = await kysely(manager)
      .selectFrom('amendment')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('paragraph_id', '=', paragraphId)
      .where('status', '=', 'proposed')
      .executeTakeFirst();
    return countOf(row);
  }
}

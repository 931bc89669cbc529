import { Injectable } from '@nestjs/common';
import type { InferResult } from 'kysely';
import { EntityManager } from 'typeorm';
import { kysely } from '../database/kysely';

/** A comment with its author (and the author's delegation, if any); typed by the generated schema types. */
const selectComments = (m: EntityManager) =>
  kysely(m)
    .selectFrom('paragraph_comment as c')
    .innerJoin('app_user as u', 'u.id', 'c.author_user_id')
    .leftJoin('delegation as d', 'd.id', 'c.author_delegation_id')
    .select(['c.id', 'c.paragraph_id as paragraphId', 'c.parent_id as parentId', 'u.username', 'u.display_name as displayName',
      'u.role', 'd.code as delegation', 'c.body', 'c.created_at as createdAt']);

export type CommentRow = InferResult<ReturnType<typeof selectComments>>[number];

@Injectable()
export class CommentsRepository {
  async forParagraph(m: EntityManager, paragraphId: string): Promise<CommentRow[]> {
    return selectComments(m).where('c.paragraph_id', '=', paragraphId).orderBy('c.created_at').orderBy('c.id').execute();
  }

  async find(m: EntityManager, id: string): Promise<CommentRow | null> {
    return (await selectComments(m).where('c.id', '=', id).executeTakeFirst()) ?? null;
  }

  async insert(m: EntityManager, c: { draftId: string; paragraphId: string; parentId: string | null; userId: string; delegationId: string | null; body: string }): Promise<string> {
    const row = await kysely(m)
      .insertInto('paragraph_comment')
      .values({ draft_id: c.draftId, paragraph_id: c.paragraphId, parent_id: c.parentId, author_user_id: c.userId, author_delegation_id: c.delegationId, body: c.body })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
}

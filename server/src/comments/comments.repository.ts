import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface CommentRow {
  id: string;
  paragraphId: string;
  parentId: string | null;
  username: string;
  displayName: string;
  role: string;
  delegation: string | null;
  body: string;
  createdAt: Date;
}

const SELECT = `SELECT c.id, c.paragraph_id AS "paragraphId", c.parent_id AS "parentId", u.username, u.display_name AS "displayName",
       u.role, d.code AS delegation, c.body, c.created_at AS "createdAt"
  FROM paragraph_comment c JOIN app_user u ON u.id = c.author_user_id LEFT JOIN delegation d ON d.id = c.author_delegation_id`;

@Injectable()
export class CommentsRepository {
  async forParagraph(m: EntityManager, paragraphId: string): Promise<CommentRow[]> {
    return m.query(`${SELECT} WHERE c.paragraph_id = $1 ORDER BY c.created_at, c.id`, [paragraphId]);
  }

  async find(m: EntityManager, id: string): Promise<CommentRow | null> {
    const rows: CommentRow[] = await m.query(`${SELECT} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async insert(m: EntityManager, c: { draftId: string; paragraphId: string; parentId: string | null; userId: string; delegationId: string | null; body: string }): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO paragraph_comment (draft_id, paragraph_id, parent_id, author_user_id, author_delegation_id, body)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [c.draftId, c.paragraphId, c.parentId, c.userId, c.delegationId, c.body],
    );
    return rows[0]!.id;
  }
}

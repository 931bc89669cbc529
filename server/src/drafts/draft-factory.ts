import type { CapsConfig, SectionKind } from '@omnibus/shared';
import { EntityManager } from 'typeorm';

/**
 * A new draft with the committee's standard sections in document order: the preamble, the topics
 * by thematic area, the inter-American entities, and the general paragraphs.
 */
export async function createDraftWithSections(
  m: EntityManager,
  committeeId: string,
  d: { title: string; symbol: string; caps: CapsConfig },
): Promise<string> {
  const rows: { id: string }[] = await m.query(
    `INSERT INTO draft (committee_id, title, symbol, caps) VALUES ($1, $2, $3, $4) RETURNING id`,
    [committeeId, d.title, d.symbol, JSON.stringify(d.caps)],
  );
  const draftId = rows[0]!.id;
  let position = 0;
  const add = (kind: SectionKind, key: string, title: string, topicId: string | null, entityId: string | null) =>
    m.query(
      `INSERT INTO section (draft_id, kind, key, title, topic_id, entity_id, position) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [draftId, kind, key, title, topicId, entityId, position++],
    );
  await add('preamble', 'preamble', 'Preamble', null, null);
  const topics: { id: string; key: string; title: string }[] = await m.query(
    `SELECT t.id, t.key, t.title FROM topic t JOIN thematic_area a ON a.id = t.area_id
      WHERE t.committee_id = $1 ORDER BY a.number, t.position`,
    [committeeId],
  );
  for (const t of topics) await add('topic', t.key, t.title, t.id, null);
  const entities: { id: string; key: string; name: string }[] = await m.query(
    `SELECT id, key, name FROM inter_american_entity WHERE committee_id = $1 ORDER BY key`,
    [committeeId],
  );
  for (const e of entities) await add('entity', e.key, e.name, null, e.id);
  await add('general', 'general', 'General provisions and follow-up', null, null);
  return draftId;
}

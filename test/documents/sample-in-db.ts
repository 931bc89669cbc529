import type { DraftView } from '@omnibus/shared';
import { sampleDraft } from '../../server/src/documents/export/sample-draft';
import type { TestServer } from '../support/test-server';
import { newDraft } from './document-helpers';

/**
 * Writes the generated 130-paragraph draft (every section at its cap, new paragraphs, amendments
 * of every kind, approvals, reservations) into a new draft of the test database, row by row as
 * the API would have left them.
 */
export async function seedSampleDraft(t: TestServer, token: string, symbol: string, seed = 7): Promise<string> {
  const sample: DraftView = sampleDraft({ seed });
  const draft = await newDraft(t, token, symbol);
  const db = t.server.dataSource;
  const sections: { id: string; kind: string; key: string }[] = await db.query(`SELECT id, kind, key FROM section WHERE draft_id = $1`, [draft.id]);
  const delegations = new Map<string, string>(
    ((await db.query(`SELECT d.id, d.code FROM delegation d JOIN draft x ON x.committee_id = d.committee_id WHERE x.id = $1`, [draft.id])) as { id: string; code: string }[]).map((d) => [d.code, d.id]),
  );
  const [user] = (await db.query(`SELECT id FROM app_user WHERE username = 'secretariat'`)) as { id: string }[];
  await db.transaction(async (m) => {
    for (const s of sample.sections) {
      const target = sections.find((x) => x.kind === s.kind && x.key === s.key);
      if (!target) throw new Error(`no section ${s.kind} ${s.key}`);
      for (const p of s.paragraphs) {
        const proposer = p.origin === 'delegation' ? delegations.get(p.sponsors[0] ?? '') : null;
        const [row] = (await m.query(
          `INSERT INTO paragraph (draft_id, section_id, kind, label, origin, status, text, literals, proposer_delegation_id, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [draft.id, target.id, p.kind, p.label, p.origin, p.status, p.text, p.kind === 'mandates' ? JSON.stringify(p.literals ?? []) : null, proposer ?? null, user!.id],
        )) as { id: string }[];
        for (const [i, code] of p.sponsors.entries()) {
          await m.query(`INSERT INTO sponsorship (draft_id, paragraph_id, delegation_id, status, position) VALUES ($1, $2, $3, 'accepted', $4)`, [draft.id, row!.id, delegations.get(code), i]);
        }
        for (const a of p.amendments) {
          const [am] = (await m.query(
            `INSERT INTO amendment (draft_id, paragraph_id, kind, start_offset, end_offset, text, alternative_group, alternative_number, proposer_delegation_id, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, clock_timestamp()) RETURNING id`,
            [draft.id, row!.id, a.kind, a.start, a.end, a.text, a.alternativeGroup === null ? null : groupId(a.alternativeGroup), a.alternativeNumber, delegations.get(a.sponsors[0] ?? ''), user!.id],
          )) as { id: string }[];
          for (const [i, code] of a.sponsors.entries()) {
            await m.query(`INSERT INTO sponsorship (draft_id, amendment_id, delegation_id, status, position) VALUES ($1, $2, $3, 'accepted', $4)`, [draft.id, am!.id, delegations.get(code), i]);
          }
        }
        for (const r of p.reservations ?? []) {
          await m.query(`INSERT INTO reservation (draft_id, paragraph_id, delegation_id, text, created_by) VALUES ($1, $2, $3, $4, $5)`, [draft.id, row!.id, delegations.get(r.delegation), r.text, user!.id]);
        }
      }
    }
  });
  return draft.id;
}

const groups = new Map<string, string>();
/** Alternative groups are uuids in the database; the generator names them after their paragraph. */
function groupId(name: string): string {
  let id = groups.get(name);
  if (!id) {
    id = crypto.randomUUID();
    groups.set(name, id);
  }
  return id;
}

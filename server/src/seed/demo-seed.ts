import {
  COMMITTEE,
  DEFAULT_CAPS,
  ENTITIES,
  MEMBER_STATES,
  OFFICERS,
  THEMATIC_AREAS,
  TOPICS,
} from '@omnibus/shared';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import { REPO_ROOT } from '../config/config';
import { createDraftWithSections } from '../drafts/draft-factory';
import { importProposalText } from './proposal-import';
import { seedCalendar } from '../calendar/calendar-seed';

export interface SeedResult {
  created: boolean;
  committeeId: string;
  draftId: string | null;
  summary: string;
  delegateUsernames: string[];
}

export const DEMO_PASSWORD = 'demo';
export const DEMO_DRAFT_SYMBOL = 'CP/CSH/xxxx/22';
export const CICTE_SEED_FILE = path.join(REPO_ROOT, 'server', 'seed-data', 'cicte-proposal-omnibus.txt');

/**
 * The demo committee: CSH 2021–2022 with its delegations, areas, topics and entities, the demo
 * accounts, and one draft omnibus resolution holding CICTE's proposal. Runs once: a database that
 * already holds the CSH is left as it is.
 */
/** `password`: the demo accounts' password; the public "demo" unless the operator chose one. */
export async function seedDemo(dataSource: DataSource, password: string = DEMO_PASSWORD): Promise<SeedResult> {
  const delegateUsernames = MEMBER_STATES.map((s) => s.code.toLowerCase());
  const existing: { id: string }[] = await dataSource.query(`SELECT id FROM committee WHERE acronym = $1`, [COMMITTEE.acronym]);
  if (existing[0]) {
    const drafts: { id: string }[] = await dataSource.query(`SELECT id FROM draft WHERE committee_id = $1 ORDER BY created_at LIMIT 1`, [
      existing[0].id,
    ]);
    return {
      created: false,
      committeeId: existing[0].id,
      draftId: drafts[0]?.id ?? null,
      summary: `${COMMITTEE.acronym} ${COMMITTEE.period}`,
      delegateUsernames,
    };
  }
  // Hashing is the slow part; do it before taking the transaction.
  const passwordHashes = await Promise.all(Array.from({ length: 5 + MEMBER_STATES.length }, () => hashPassword(password)));
  const proposal = fs.readFileSync(CICTE_SEED_FILE, 'utf8');
  return dataSource.transaction(async (m) => {
    const committeeId = await insertCommittee(m);
    const delegationIds = await insertDelegations(m, committeeId);
    await insertAreasAndTopics(m, committeeId);
    for (const e of ENTITIES) {
      await m.query(`INSERT INTO inter_american_entity (committee_id, key, name) VALUES ($1, $2, $3)`, [committeeId, e.key, e.name]);
    }
    const users = await insertUsers(m, committeeId, delegationIds, passwordHashes);
    const draftId = await insertDraft(m, committeeId);
    const imported = await importProposalText(m, {
      committeeId,
      draftId,
      text: proposal,
      actorUserId: users.secretariat,
      sectionFor: (heading) => (/\(CICTE\)/.test(heading) ? { kind: 'entity', key: 'CICTE' } : { kind: 'topic', key: 'terrorism-convention' }),
      allowOverCap: true,
    });
    await seedCalendar(m, committeeId, draftId);
    return {
      created: true,
      committeeId,
      draftId,
      summary: `${COMMITTEE.acronym} ${COMMITTEE.period}, ${MEMBER_STATES.length} delegations, ${THEMATIC_AREAS.length} thematic areas, ${TOPICS.length} topics, ${ENTITIES.length} entities; draft ${DEMO_DRAFT_SYMBOL} with ${imported.paragraphs} paragraphs from CICTE's proposal`,
      delegateUsernames,
    };
  });
}

async function insertCommittee(m: EntityManager): Promise<string> {
  const rows: { id: string }[] = await m.query(
    `INSERT INTO committee (name, acronym, period, time_zone) VALUES ($1, $2, $3, $4) RETURNING id`,
    [COMMITTEE.name, COMMITTEE.acronym, COMMITTEE.period, COMMITTEE.timeZone],
  );
  return rows[0]!.id;
}

async function insertDelegations(m: EntityManager, committeeId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const s of MEMBER_STATES) {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO delegation (committee_id, code, name, aliases) VALUES ($1, $2, $3, $4) RETURNING id`,
      [committeeId, s.code, s.name, [...s.aliases]],
    );
    ids.set(s.code, rows[0]!.id);
  }
  return ids;
}

async function insertAreasAndTopics(m: EntityManager, committeeId: string): Promise<void> {
  for (const area of THEMATIC_AREAS) {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO thematic_area (committee_id, number, title) VALUES ($1, $2, $3) RETURNING id`,
      [committeeId, area.number, area.title],
    );
    const topics = TOPICS.filter((t) => t.area === area.number);
    for (const [i, t] of topics.entries()) {
      await m.query(`INSERT INTO topic (committee_id, area_id, key, title, position) VALUES ($1, $2, $3, $4, $5)`, [
        committeeId,
        rows[0]!.id,
        t.key,
        t.title,
        i,
      ]);
    }
  }
}

async function insertUsers(
  m: EntityManager,
  committeeId: string,
  delegationIds: Map<string, string>,
  hashes: string[],
): Promise<{ secretariat: string }> {
  const chair = OFFICERS.find((o) => o.role === 'chair');
  const vice = OFFICERS.find((o) => o.role === 'vice_chair');
  const accounts: { username: string; displayName: string; role: string; delegationId: string | null }[] = [
    { username: 'chair', displayName: chair ? `${chair.honorific} ${chair.name}, Chair` : 'Chair', role: 'chair', delegationId: null },
    { username: 'vicechair', displayName: vice ? `${vice.honorific} ${vice.name}, ${vice.office}` : 'Vice-Chair', role: 'vice_chair', delegationId: null },
    { username: 'secretariat', displayName: 'Committee Secretariat', role: 'secretariat', delegationId: null },
    { username: 'observer', displayName: 'Observer', role: 'observer', delegationId: null },
    { username: 'translator', displayName: 'Language Services', role: 'translator', delegationId: null },
    ...MEMBER_STATES.map((s) => ({
      username: s.code.toLowerCase(),
      displayName: `Delegate of ${s.name}`,
      role: 'delegate',
      delegationId: delegationIds.get(s.code) ?? null,
    })),
  ];
  let secretariat = '';
  for (const [i, a] of accounts.entries()) {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO app_user (committee_id, username, display_name, password_hash, role, delegation_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [committeeId, a.username, a.displayName, hashes[i], a.role, a.delegationId],
    );
    if (a.role === 'secretariat') secretariat = rows[0]!.id;
  }
  return { secretariat };
}

async function insertDraft(m: EntityManager, committeeId: string): Promise<string> {
  const draftId = await createDraftWithSections(m, committeeId, {
    title: 'Advancing Hemispheric Security: A Multidimensional Approach',
    symbol: DEMO_DRAFT_SYMBOL,
    caps: DEFAULT_CAPS,
  });
  await m.query(
    `INSERT INTO audit_event (committee_id, draft_id, action, target_type, target_id, after) VALUES ($1, $2, 'draft.create', 'draft', $3, $4)`,
    [committeeId, draftId, draftId, JSON.stringify({ symbol: DEMO_DRAFT_SYMBOL, source: 'demo seed' })],
  );
  return draftId;
}

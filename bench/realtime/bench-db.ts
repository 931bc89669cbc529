import { createDataSource, migrate } from '../../server/src/database/data-source';
import { dropDatabase, ensureDatabase, withDatabase } from '../../server/src/database/database-url';
import { seedDemo } from '../../server/src/seed/demo-seed';

export interface BenchDatabase {
  url: string;
  draftId: string;
  delegates: string[];
  extraDrafts: string[];
  characters: number;
  /** Another draft just like the first, so each round starts from a fresh document (same text, no editors' history). */
  newDraft(): Promise<string>;
  /** Whether the server has made the draft's live document. */
  hasDocument(draftId: string): Promise<boolean>;
  drop(): Promise<void>;
}

const WORDS = (
  'to urge member states to continue implementing with the support of the secretariat the confidence building measures in cyberspace ' +
  'identified in the list of confidence and security building measures in particular by strengthening national capacities and by promoting ' +
  'regional cooperation transparency predictability and stability as well as to foster regional action in response to malicious incidents'
).split(' ');

function paragraphText(seed: number): string {
  let s = 'To ';
  let i = seed;
  while (s.length < 680) {
    s += `${WORDS[i % WORDS.length]} `;
    i = (i * 7 + 3) % 9973;
  }
  return `${s.trim()}.`;
}

/**
 * A database of its own for the benchmark: migrated, seeded, and holding a draft filled to the
 * work plan's 130 paragraphs of about 700 characters each (≈90k characters), plus copies of it
 * for the memory-per-draft figure.
 */
export async function createBenchDatabase(adminUrl: string, extraDrafts: number): Promise<BenchDatabase> {
  const name = `omnibus_bench_${process.pid}`;
  await dropDatabase(adminUrl, name);
  await ensureDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  const ds = createDataSource(url, { poolSize: 2, applicationName: 'omnibus-bench-setup' });
  await ds.initialize();
  let kept = false;
  try {
    await migrate(ds);
    await seedDemo(ds);
    const [demo] = (await ds.query(`SELECT id, committee_id AS "committeeId" FROM draft ORDER BY created_at LIMIT 1`)) as { id: string; committeeId: string }[];
    if (!demo) throw new Error('the seed made no draft');
    const delegates = ((await ds.query(`SELECT username FROM app_user WHERE role = 'delegate' ORDER BY username`)) as { username: string }[]).map((r) => r.username);
    const makeDraft = async (title: string): Promise<{ id: string; characters: number }> => {
      const [d] = (await ds.query(`INSERT INTO draft (committee_id, title, symbol, caps) SELECT committee_id, $2, symbol, caps FROM draft WHERE id = $1 RETURNING id`, [demo.id, title])) as { id: string }[];
      const sections = (await ds.query(
        `INSERT INTO section (draft_id, kind, key, title, topic_id, entity_id, position)
         SELECT $2, kind, key, title, topic_id, entity_id, position FROM section WHERE draft_id = $1 RETURNING id, kind`,
        [demo.id, d!.id],
      )) as { id: string; kind: string }[];
      let n = 0;
      let characters = 0;
      for (const s of sections) {
        const kinds =
          s.kind === 'preamble' ? Array(6).fill('preambular') : s.kind === 'topic' ? ['substantive', 'substantive', 'substantive', 'mandates'] : s.kind === 'entity' ? [...Array(7).fill('substantive'), 'mandates'] : ['reaffirming', 'follow_up', 'follow_up', 'follow_up'];
        for (const [i, kind] of kinds.entries()) {
          const text = paragraphText(n++);
          characters += text.length;
          await ds.query(
            `INSERT INTO paragraph (draft_id, section_id, kind, label, origin, text, literals) VALUES ($1, $2, $3, $4, 'chair', $5, $6)`,
            [d!.id, s.id, kind, String(i + 1), text, kind === 'mandates' ? '[]' : null],
          );
        }
      }
      return { id: d!.id, characters };
    };
    const main = await makeDraft('Benchmark draft: 130 paragraphs');
    const extra: string[] = [];
    for (let i = 0; i < extraDrafts; i++) extra.push((await makeDraft(`Memory probe ${i + 1}`)).id);
    let rounds = 0;
    kept = true;
    return {
      url,
      draftId: main.id,
      delegates,
      extraDrafts: extra,
      characters: main.characters,
      newDraft: async () => (await makeDraft(`Benchmark draft, round ${++rounds}`)).id,
      hasDocument: async (draftId: string) => ((await ds.query(`SELECT 1 FROM collab_document WHERE draft_id = $1`, [draftId])) as unknown[]).length > 0,
      drop: async () => {
        await ds.destroy();
        await dropDatabase(adminUrl, name);
      },
    };
  } finally {
    if (!kept) await ds.destroy();
  }
}

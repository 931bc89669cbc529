import type { DraftView, ParagraphView, SectionView } from '@omnibus/shared';
import type { TestServer } from './test-server';

export async function demoDraft(t: Pick<TestServer, 'api'>, token: string): Promise<DraftView> {
  const list = await t.api('GET', '/api/drafts', { token });
  if (list.status !== 200 || !list.body[0]) throw new Error(`no demo draft: ${JSON.stringify(list.body)}`);
  const draft = await t.api<DraftView>('GET', `/api/drafts/${list.body[0].id}`, { token });
  return draft.body;
}

export function section(draft: DraftView, kind: SectionView['kind'], key?: string): SectionView {
  const s = draft.sections.find((x) => x.kind === kind && (key === undefined || x.key === key));
  if (!s) throw new Error(`no ${kind} section ${key ?? ''}`);
  return s;
}

export function paragraph(s: SectionView, label: string): ParagraphView {
  const p = s.paragraphs.find((x) => x.label === label);
  if (!p) throw new Error(`no paragraph ${label} in ${s.key}`);
  return p;
}

/** The number of rows in the history and the draft's paragraphs: a refused request must change neither. */
export async function fingerprint(t: TestServer, draftId: string): Promise<string> {
  const ds = t.server.dataSource;
  const rows: { audit: number; paragraphs: number; amendments: number; sponsorships: number; version: number }[] = await ds.query(
    `SELECT (SELECT count(*)::int FROM audit_event) AS audit,
            (SELECT count(*)::int FROM paragraph WHERE draft_id = $1) AS paragraphs,
            (SELECT count(*)::int FROM amendment WHERE draft_id = $1) AS amendments,
            (SELECT count(*)::int FROM sponsorship WHERE draft_id = $1) AS sponsorships,
            (SELECT version FROM draft WHERE id = $1) AS version,
            (SELECT md5(string_agg(id || status || text || label, ',' ORDER BY id)) FROM paragraph WHERE draft_id = $1) AS digest`,
    [draftId],
  );
  return JSON.stringify(rows[0]);
}

/** A paragraph as `GET /api/paragraphs/:id` shows it to the holder of `token`. */
export async function paragraphView(t: Pick<TestServer, 'api'>, token: string, id: string): Promise<ParagraphView> {
  const res = await t.api<ParagraphView>('GET', `/api/paragraphs/${id}`, { token });
  expect(res.status).toBe(200);
  return res.body;
}

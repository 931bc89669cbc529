import { BRACKET_ATTRIBUTE, COLLAB_DOC, PARAGRAPH_FIELDS, type DraftView, type ParagraphView } from '@omnibus/shared';
import type { LoggerService } from '@nestjs/common';
import { MUTABLE_STATUSES } from '../../server/src/access/access.policy';
import { transactionRetries } from '../../server/src/database/transaction-retry';
import type { YMap, YText } from '../../server/src/collaboration/yjs';
import { CollabClient, contentOf, SentUpdate, waitFor } from '../support/collab-client';
import { demoDraft, section } from '../support/draft-helpers';
import { differences, indexOfBase, projectDocument, wordStart } from '../support/projection-check';
import { startTestServer, TestServer } from '../support/test-server';
import { travelTo } from '../workflow/live-helpers';
import { meetingAt, toNegotiation } from '../workflow/workflow-helpers';

/**
 * Changes made through the REST API while a room is busy: twenty delegates type inside their own
 * brackets while paragraphs and amendments of the same draft are created, edited, withdrawn and
 * decided through the API. Afterwards nothing was logged as failed or unstorable, no API change is
 * in the text twice, the REST API and the export equal the live document, and every acknowledged
 * keystroke is in it. API_LOAD_SECONDS sets how long the API works (default 15).
 */
const SECONDS = Number(process.env.API_LOAD_SECONDS ?? 15);
const TYPISTS = 20;
jest.setTimeout(120_000 + SECONDS * 3_000);

class CapturedLog implements LoggerService {
  readonly lines: { level: string; message: string }[] = [];
  private add(level: string, message: unknown, rest: unknown[]): void {
    this.lines.push({ level, message: [message, ...rest].map(String).join(' ') });
  }
  log(message: unknown, ...rest: unknown[]): void {
    this.add('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.add('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.add('warn', message, rest);
  }
  debug(): void {}
  verbose(): void {}
}

interface Typist {
  code: string;
  token: string;
  paragraphId: string;
  client: CollabClient;
  bracketId: string;
  prefix: string;
  typed: string;
  keystrokes: SentUpdate[];
}

/** Where a bracket's proposed words end in a paragraph's live text. */
function bracketEnd(text: YText, id: string): number {
  let at = 0;
  let end = -1;
  for (const op of text.toDelta() as { insert: string; attributes?: Record<string, { id?: string }> }[]) {
    at += op.insert.length;
    if (op.attributes?.[BRACKET_ATTRIBUTE]?.id === id) end = at;
  }
  if (end < 0) throw new Error(`bracket ${id} is not in the text`);
  return end;
}

/** Every paragraph's whole text (base words and brackets) in a document. */
function allText(client: CollabClient): string {
  const paragraphs = client.doc.getMap<unknown>(COLLAB_DOC.paragraphs);
  return [...paragraphs.keys()].map((id) => ((paragraphs.get(id) as YMap<unknown>).get(PARAGRAPH_FIELDS.text) as YText).toString()).join('\n');
}

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

let t: TestServer;
const log = new CapturedLog();
const timings: number[] = [];

/** The API, timed: how long each call took while the room was busy goes into the report. */
async function call(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: any }> {
  const t0 = performance.now();
  const res = await t.api(method, path, options);
  timings.push(performance.now() - t0);
  return res;
}

beforeAll(async () => {
  t = await startTestServer();
  t.server.app.useLogger(log);
});
const opened: CollabClient[] = [];
afterAll(async () => {
  for (const c of opened) c.close();
  await t.close();
});

it(`keeps the live text, REST and exports equal while the API changes a busy draft for ${SECONDS} s`, async () => {
  const chair = await t.login('chair');
  const draft = await demoDraft(t, chair);
  const cicte = section(draft, 'entity', 'CICTE');
  const typed = cicte.paragraphs.filter((p) => p.origin !== 'delegation' && MUTABLE_STATUSES.includes(p.status)).slice(0, 5);
  const codes = ['MEX', 'US', 'CAN', 'CH', 'BRA', 'ARG', 'COL', 'PER', 'CR', 'ECU', 'GUA', 'HON', 'JAM', 'NIC', 'PAN', 'PAR', 'SAL', 'URU', 'BOL', 'DR'].slice(0, TYPISTS);
  const retriesBefore = transactionRetries.total;
  // Room for every paragraph the API adds: caps are another test's subject.
  const caps = Object.fromEntries(['preamble', 'topicSubstantive', 'topicMandates', 'entity', 'entityMandates', 'general', 'generalReaffirming', 'generalFollowUp', 'total'].map((k) => [k, 10_000]));
  expect((await t.api('PATCH', `/api/drafts/${draft.id}/caps`, { token: chair, body: caps })).status).toBe(200);

  const typists: Typist[] = [];
  for (const [i, code] of codes.entries()) {
    const token = await t.login(code.toLowerCase());
    const client = await CollabClient.connect(t.url, token, draft.id);
    opened.push(client);
    const paragraphId = typed[i % typed.length]!.id;
    const prefix = `${code} says `;
    // Each bracket at a word of its own: insertions at one point have no order the amendment rows could keep.
    const base = projectDocument(client.doc).get(paragraphId)!.base;
    const bracketId = client.propose(paragraphId, indexOfBase(client.text(paragraphId), wordStart(base, Math.floor(i / typed.length) * 3)), prefix, code);
    typists.push({ code, token, paragraphId, client, bracketId, prefix, typed: '', keystrokes: [] });
  }
  const observer = await CollabClient.connect(t.url, await t.login('observer'), draft.id);
  opened.push(observer);

  // Every delegate types inside its own bracket, a key every ~100 ms.
  let typing = true;
  const loops = typists.map(async (ty, i) => {
    await new Promise((r) => setTimeout(r, i * 5));
    let n = 0;
    while (typing) {
      const text = ty.client.text(ty.paragraphId);
      const ch = String.fromCharCode(97 + ((n * 5 + i) % 26));
      text.insert(bracketEnd(text, ty.bracketId), ch);
      ty.typed += ch;
      ty.keystrokes.push(ty.client.sent[ty.client.sent.length - 1]!);
      n++;
      await new Promise((r) => setTimeout(r, 80 + (n % 40)));
    }
  });

  // Meanwhile the API works on the same draft: markers are upper case, the typists type lower case.
  const api = { paragraphs: 0, edits: 0, amendments: 0, amendmentEdits: 0, withdrawals: 0, decisions: 0, refused: 0 };
  const openAmendments = new Map<string, { marker: string; token: string }>(); // id → the marker its text holds now, its sponsor
  const withdrawnMarkers: string[] = [];
  const paragraphMarkers: string[] = [];
  const chairCreated: string[] = [];
  const expectOk = (what: string, res: { status: number; body: any }) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const restParagraph = async (id: string) => expectOk('GET paragraph', await call('GET', `/api/paragraphs/${id}`, { token: chair })) as ParagraphView;
  let n = 0;
  const chairParagraph = async (): Promise<ParagraphView> => {
    n++;
    const marker = `QP${n}Z`;
    const created = await call('POST', `/api/drafts/${draft.id}/paragraphs`, { token: chair, body: { sectionId: cicte.id, kind: typed[0]!.kind, text: `Requests the Secretariat to report, ${marker}.` } });
    if (created.status !== 201) {
      // A full section (cap) is a clear refusal, not a failure.
      expect(created.body.error).toBe('cap_exceeded');
      api.refused++;
      throw Object.assign(new Error('cap'), { cap: true });
    }
    api.paragraphs++;
    const edited = expectOk('PATCH paragraph', await call('PATCH', `/api/paragraphs/${created.body.id}`, { token: chair, body: { text: `Requests the Secretariat to report in writing, ${marker}.` } }));
    api.edits++;
    paragraphMarkers.push(marker);
    chairCreated.push(created.body.id);
    return edited as ParagraphView;
  };
  const amendmentRound = async (i: number) => {
    const ty = typists[i % typists.length]!;
    const p = await restParagraph(ty.paragraphId);
    const marker = `QA${i}Z`;
    // After a word none of the typists' brackets or earlier amendments uses (words 12 and on).
    const words = p.text.split(' ').length;
    const at = wordStart(p.text, 12 + (Math.floor(i / typed.length) % Math.max(1, words - 12)));
    const proposed = expectOk('POST amendment', await call('POST', `/api/paragraphs/${ty.paragraphId}/amendments`, { token: ty.token, body: { kind: 'insert', start: at, end: at, text: `${marker} ` } }));
    api.amendments++;
    openAmendments.set(proposed.id, { marker, token: ty.token });
    expectOk('PATCH amendment', await call('PATCH', `/api/amendments/${proposed.id}`, { token: ty.token, body: { text: `${marker}V2 ` } }));
    api.amendmentEdits++;
    openAmendments.set(proposed.id, { marker: `${marker}V2`, token: ty.token });
    if (i % 2 === 0) {
      expectOk('withdraw amendment', await call('POST', `/api/amendments/${proposed.id}/withdraw`, { token: ty.token, body: {} }));
      api.withdrawals++;
      openAmendments.delete(proposed.id);
      withdrawnMarkers.push(`${marker}V2`);
    }
  };
  const delegationParagraph = async (i: number) => {
    const ty = typists[(i + 3) % typists.length]!;
    const marker = `QD${i}Z`;
    const created = await call('POST', `/api/drafts/${draft.id}/paragraphs`, { token: ty.token, body: { sectionId: cicte.id, kind: typed[0]!.kind, text: `Encourages member states, ${marker}.` } });
    if (created.status !== 201) {
      expect(created.body.error).toBe('cap_exceeded');
      api.refused++;
      return;
    }
    api.paragraphs++;
    paragraphMarkers.push(marker);
    expectOk('withdraw paragraph', await call('POST', `/api/paragraphs/${created.body.id}/withdraw`, { token: ty.token, body: {} }));
    api.withdrawals++;
  };

  // The first part in the drafting phase (delegations propose), the rest in the negotiation (the chair decides).
  const t0 = Date.now();
  const drafting = SECONDS * 600;
  let round = 0;
  while (Date.now() - t0 < drafting) {
    round++;
    await Promise.all([
      chairParagraph().catch((err: { cap?: boolean }) => {
        if (!err.cap) throw err;
      }),
      amendmentRound(round),
      round % 3 === 0 ? delegationParagraph(round) : Promise.resolve(),
    ]);
  }
  await toNegotiation(t, draft.id, chair);
  travelTo(t, '2022-09-01T14:05:00Z');
  const session = expectOk('open session', await call('POST', `/api/drafts/${draft.id}/sessions`, { token: chair, body: { meetingId: await meetingAt(t, chair, '2022-09-01T14:00:00.000Z') } }));
  const decisions = ['approved', 'deferred', 'deleted'] as const;
  // The session's queue holds the paragraphs that existed when it opened: the chair decides those the API added.
  const toDecide = [...chairCreated];
  while (Date.now() - t0 < SECONDS * 1000) {
    round++;
    const adding = chairParagraph().catch((err: { cap?: boolean }) => {
      if (!err.cap) throw err;
    });
    // An amendment's text changed by its sponsor while the chair decides another paragraph.
    const open = [...openAmendments];
    const pick = open[round % Math.max(1, open.length)];
    const amend = pick
      ? (async () => {
          const [id, { token }] = pick;
          const marker = `QW${round}Z`;
          expectOk('PATCH amendment', await call('PATCH', `/api/amendments/${id}`, { token, body: { text: `${marker} ` } }));
          api.amendmentEdits++;
          openAmendments.set(id, { marker, token });
        })()
      : Promise.resolve();
    const next = toDecide.shift();
    if (next) {
      expectOk('call', await call('POST', `/api/sessions/${session.id}/call`, { token: chair, body: { paragraphId: next } }));
      expectOk('decide', await call('POST', `/api/sessions/${session.id}/decisions`, { token: chair, body: { decision: decisions[round % decisions.length] } }));
      api.decisions++;
    }
    await Promise.all([adding, amend]);
  }
  travelTo(t, null);

  typing = false;
  await Promise.all(loops);
  for (const ty of typists) await ty.client.settled(30_000);

  // Everyone converges on one text, and the tables follow it.
  await waitFor(() => typists.every((ty) => contentOf(ty.client.doc) === contentOf(observer.doc)), 'every client to converge', 30_000);
  let diffs: string[] = [];
  let view: DraftView | null = null;
  await waitFor(
    async () => {
      view = (await t.api<DraftView>('GET', `/api/drafts/${draft.id}`, { token: chair })).body;
      diffs = differences(observer.doc, view);
      return diffs.length === 0;
    },
    'the REST draft to equal the live document',
    30_000,
  ).catch(() => undefined);
  const exported = await t.api('GET', `/api/drafts/${draft.id}/export/compilation?format=txt`, { token: chair });
  const exportText = String(exported.body);
  const statuses = new Map(((view as DraftView | null)?.sections ?? []).flatMap((s) => s.paragraphs).map((p) => [p.id, p.status]));
  const notExported = [...projectDocument(observer.doc).values()].filter((p) => statuses.get(p.id) !== 'deleted' && !exportText.includes(p.compiled)).map((p) => p.id);

  const live = allText(observer);
  const openMarkers = [...openAmendments.values()].map((a) => a.marker);
  const twice = [...paragraphMarkers, ...openMarkers, ...withdrawnMarkers].filter((m) => occurrences(live, m) > 1);
  const missing = [...paragraphMarkers, ...openMarkers].filter((m) => occurrences(live, m) !== 1);
  const ghosts = withdrawnMarkers.filter((m) => occurrences(live, m) !== 0);
  const acked = typists.reduce((s, ty) => s + ty.keystrokes.filter((k) => k.ack?.ok).length, 0);
  const refusedKeys = typists.reduce((s, ty) => s + ty.keystrokes.filter((k) => k.ack && !k.ack.ok).length, 0);
  const lost = typists.filter((ty) => {
    const bracket = projectDocument(observer.doc).get(ty.paragraphId)!.brackets.find((b) => b.id === ty.bracketId);
    return bracket?.text !== ty.prefix + ty.typed;
  });
  const bad = log.lines.filter((l) => l.level === 'error' || /could not|serializ|deadlock|failed/i.test(l.message));
  const retries = transactionRetries.total - retriesBefore;
  const metrics = String((await t.api('GET', '/api/metrics')).body);
  const sorted = [...timings].sort((a, b) => a - b);
  const apiMs = { p50: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0), max: Math.round(sorted[sorted.length - 1] ?? 0) };
  const apiChanges = api.paragraphs + api.edits + api.amendments + api.amendmentEdits + api.withdrawals + api.decisions;
  process.stdout.write(
    `API changes under load (${SECONDS} s, ${TYPISTS} typists): ${apiChanges} API changes (${JSON.stringify(api)}), ` +
      `API p50 ${apiMs.p50} ms, max ${apiMs.max} ms; ${acked} co-editing updates acknowledged (${refusedKeys} refused), ${retries} transaction retries ` +
      `(${metrics.match(/omnibus_db_transaction_retries_\w+ \d+/g)?.join(', ')}), duplicates ${twice.length}, ` +
      `missing ${missing.length}, withdrawn still shown ${ghosts.length}, REST vs live differences ${diffs.length}, ` +
      `paragraphs missing from the export ${notExported.length}, typists missing keystrokes ${lost.length}, log errors ${bad.length}\n`,
  );
  expect(bad).toEqual([]);
  expect(twice).toEqual([]);
  expect(missing).toEqual([]);
  expect(ghosts).toEqual([]);
  expect(diffs).toEqual([]);
  expect(notExported).toEqual([]);
  expect(refusedKeys).toBe(0);
  expect(lost.map((ty) => ty.code)).toEqual([]);
  expect(api.amendments).toBeGreaterThan(0);
  expect(api.decisions).toBeGreaterThan(0);
});

import { randomUUID } from 'node:crypto';
import type { DraftView } from '@omnibus/shared';
import { CollabClient, waitFor } from '../support/collab-client';
import { demoDraft, fingerprint, paragraph, section } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Every field through which text enters refuses hidden, reordering and control characters and
 * invalid UTF-16 with a 400 naming the character and its position, and stores nothing; NUL included
 * (it used to reach PostgreSQL and come back as a 500).
 */
let t: TestServer;
let draft: DraftView;
let chair: string;
let mex: string;
const figures = { fields: 0, refusals: 0 };

beforeAll(async () => {
  t = await startTestServer();
  chair = await t.login('chair');
  mex = await t.login('mex');
  draft = await demoDraft(t, chair);
});
afterAll(async () => {
  process.stderr.write(`[text-hygiene] ${JSON.stringify(figures)}\n`);
  await t.close();
});

const BAD = [
  { ch: '\u0000', codePoint: 'U+0000', name: 'NULL' },
  { ch: '\u202E', codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE' },
  { ch: '\u200B', codePoint: 'U+200B', name: 'ZERO WIDTH SPACE' },
  { ch: '\u009B', codePoint: 'U+009B', name: 'CONTROL SEQUENCE INTRODUCER' },
  { ch: '\uD83D', codePoint: 'U+D83D', name: 'UNPAIRED HIGH SURROGATE (not a character: the text is not valid UTF-16)' },
];

type Body = Record<string, unknown>;
interface Field {
  what: string;
  method: string;
  path: () => string;
  token: () => string | undefined;
  /** The request with `value` placed in the field under test. */
  body: (value: string) => Body;
  /** The field's path in the error's details. */
  issuePath: string;
}

const paragraphId = () => paragraph(section(draft, 'entity', 'CICTE'), '1').id;
const sectionId = () => section(draft, 'preamble').id;
const meeting = { kind: 'regular', start: '2022-08-01T10:00:00-04:00', end: '2022-08-01T12:00:00-04:00' };
const someId = randomUUID();

const FIELDS: Field[] = [
  { what: 'username', method: 'POST', path: () => '/api/auth/login', token: () => undefined, body: (v) => ({ username: `mex${v}`, password: 'demo' }), issuePath: 'username' },
  { what: 'draft title', method: 'POST', path: () => '/api/drafts', token: () => chair, body: (v) => ({ title: `Omnibus ${v}2023`, symbol: 'CP/CSH/1/23' }), issuePath: 'title' },
  { what: 'draft symbol', method: 'POST', path: () => '/api/drafts', token: () => chair, body: (v) => ({ title: 'Omnibus 2023', symbol: `CP/${v}CSH` }), issuePath: 'symbol' },
  {
    what: 'paragraph text',
    method: 'POST',
    path: () => `/api/drafts/${draft.id}/paragraphs`,
    token: () => chair,
    body: (v) => ({ sectionId: sectionId(), kind: 'preambular', text: `RECALLING ${v}its resolutions;` }),
    issuePath: 'text',
  },
  {
    what: 'paragraph label',
    method: 'POST',
    path: () => `/api/drafts/${draft.id}/paragraphs`,
    token: () => chair,
    body: (v) => ({ sectionId: sectionId(), kind: 'preambular', text: 'RECALLING;', label: `1 ${v}bis` }),
    issuePath: 'label',
  },
  {
    what: 'literal',
    method: 'PATCH',
    path: () => `/api/paragraphs/${paragraphId()}`,
    token: () => chair,
    body: (v) => ({ literals: [{ label: 'a', text: `To report ${v}annually;` }] }),
    issuePath: 'literals.0.text',
  },
  { what: 'paragraph edit', method: 'PATCH', path: () => `/api/paragraphs/${paragraphId()}`, token: () => chair, body: (v) => ({ text: `Urges ${v}States.` }), issuePath: 'text' },
  {
    what: 'bracket (amendment) text',
    method: 'POST',
    path: () => `/api/paragraphs/${paragraphId()}/amendments`,
    token: () => mex,
    body: (v) => ({ kind: 'insert', start: 0, end: 0, text: `all ${v}` }),
    issuePath: 'text',
  },
  { what: 'amendment edit', method: 'PATCH', path: () => `/api/amendments/${someId}`, token: () => mex, body: (v) => ({ text: `all ${v}` }), issuePath: 'text' },
  { what: 'comment', method: 'POST', path: () => `/api/paragraphs/${paragraphId()}/comments`, token: () => mex, body: (v) => ({ body: `We ask ${v}why.` }), issuePath: 'body' },
  { what: 'version name', method: 'POST', path: () => `/api/drafts/${draft.id}/versions`, token: () => chair, body: (v) => ({ name: `Chair's ${v}draft` }), issuePath: 'name' },
  { what: 'version symbol', method: 'POST', path: () => `/api/drafts/${draft.id}/versions`, token: () => chair, body: (v) => ({ symbol: `CP/${v}1` }), issuePath: 'symbol' },
  { what: 'meeting title', method: 'POST', path: () => '/api/calendar/meetings', token: () => chair, body: (v) => ({ ...meeting, title: `Regular ${v}meeting` }), issuePath: 'title' },
  {
    what: 'meeting location',
    method: 'POST',
    path: () => '/api/calendar/meetings',
    token: () => chair,
    body: (v) => ({ ...meeting, title: 'Regular meeting', location: `Room ${v}A` }),
    issuePath: 'location',
  },
  {
    what: 'agenda item',
    method: 'POST',
    path: () => '/api/calendar/meetings',
    token: () => chair,
    body: (v) => ({ ...meeting, title: 'Regular meeting', agenda: [{ text: `Item ${v}1` }] }),
    issuePath: 'agenda.0.text',
  },
  { what: 'decision note', method: 'POST', path: () => `/api/sessions/${someId}/decisions`, token: () => chair, body: (v) => ({ decision: 'deferred', note: `Later ${v}.` }), issuePath: 'note' },
  {
    what: 'agreed text',
    method: 'POST',
    path: () => `/api/sessions/${someId}/decisions`,
    token: () => chair,
    body: (v) => ({ decision: 'approved_as_amended', agreedText: `Urges ${v}States.` }),
    issuePath: 'agreedText',
  },
  { what: 'consultation note', method: 'PATCH', path: () => `/api/consultations/${someId}`, token: () => mex, body: (v) => ({ status: 'ready', note: `Agreed ${v}.` }), issuePath: 'note' },
  {
    what: 'silence note',
    method: 'POST',
    path: () => `/api/drafts/${draft.id}/silence`,
    token: () => chair,
    body: (v) => ({ deadline: '2030-01-01T00:00:00Z', note: `Silence ${v}.`, items: [{ paragraphId: paragraphId() }] }),
    issuePath: 'note',
  },
  { what: 'objection reason', method: 'POST', path: () => `/api/silence/${someId}/objections`, token: () => mex, body: (v) => ({ reason: `We object ${v}.` }), issuePath: 'reason' },
  { what: 'reservation', method: 'POST', path: () => `/api/paragraphs/${paragraphId()}/reservations`, token: () => mex, body: (v) => ({ text: `Mexico ${v}reserves.` }), issuePath: 'text' },
];

describe('every field refuses hidden and control characters with a 400 naming the character and its position', () => {
  it.each(FIELDS.map((f) => [f.what, f] as const))('%s', async (_what, f) => {
    figures.fields += 1;
    for (const bad of BAD) {
      const before = await fingerprint(t, draft.id);
      const body = f.body(bad.ch);
      const res = await t.api(f.method, f.path(), { token: f.token(), body });
      expect({ status: res.status, error: res.body?.error }).toEqual({ status: 400, error: 'validation_failed' });
      const issue = res.body.details.issues.find((i: { path: string }) => i.path === f.issuePath);
      expect(issue).toBeDefined();
      const sent = JSON.stringify(body);
      expect(sent).toBeDefined();
      expect(issue.character).toMatchObject({ codePoint: bad.codePoint, name: bad.name });
      expect(res.body.message).toContain(`${bad.codePoint} ${bad.name} at position ${issue.character.position}`);
      expect(await fingerprint(t, draft.id)).toBe(before);
      figures.refusals += 1;
    }
  });

  it('a lone surrogate sent as a JSON escape is refused, not stored as U+FFFD', async () => {
    const before = await fingerprint(t, draft.id);
    const res = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, {
      token: chair,
      rawBody: `{"sectionId":"${sectionId()}","kind":"preambular","text":"RECALLING \\ud83d;"}`,
    });
    expect(res.status).toBe(400);
    expect(res.body.details.issues[0].character).toEqual({ codePoint: 'U+D83D', name: expect.stringMatching(/^UNPAIRED HIGH SURROGATE/), position: 10 });
    expect(await fingerprint(t, draft.id)).toBe(before);
  });

  it('the same fields take clean text, emoji and accents', async () => {
    const created = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, {
      token: chair,
      body: { sectionId: sectionId(), kind: 'preambular', text: 'RECORDANDO la cooperación 👩‍⚖️ hemisférica;' },
    });
    expect(created.status).toBe(201);
    const comment = await t.api('POST', `/api/paragraphs/${paragraphId()}/comments`, { token: mex, body: { body: 'Sí.\nMerci 🇲🇽.' } });
    expect(comment.status).toBe(201);
  });
});

describe('amendments cannot split a character', () => {
  it('refuses a range inside a surrogate pair, an emoji ZWJ sequence or a letter and its accent, and text starting with a combining mark', async () => {
    const created = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, {
      token: chair,
      body: { sectionId: section(draft, 'entity', 'CICAD').id, kind: 'substantive', text: 'Urges 👩‍⚖️ and cafe\u0301 😀 delegations.' },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const text: string = created.body.text;
    const judge = text.indexOf('👩');
    const accent = text.indexOf('\u0301');
    const smile = text.indexOf('😀');
    const cases = [
      { kind: 'insert', start: smile + 1, end: smile + 1, text: 'x' },
      { kind: 'insert', start: judge + 2, end: judge + 2, text: 'x' },
      { kind: 'delete', start: judge, end: judge + 3, text: '' },
      { kind: 'replace', start: accent, end: accent + 1, text: 'x' },
      { kind: 'insert', start: accent + 1, end: accent + 1, text: '\u0300 ' },
    ];
    for (const c of cases) {
      const res = await t.api('POST', `/api/paragraphs/${id}/amendments`, { token: mex, body: c });
      expect({ status: res.status, error: res.body.error }).toEqual({ status: 400, error: 'validation_failed' });
      expect(res.body.message).toMatch(/would split a character/);
      figures.refusals += 1;
    }
    const whole = await t.api('POST', `/api/paragraphs/${id}/amendments`, { token: mex, body: { kind: 'delete', start: judge, end: judge + '👩‍⚖️'.length + 1 } });
    expect(whole.status).toBe(201);
  });
});

describe('the live editor applies the same check', () => {
  it('refuses a bracket whose words hide a right-to-left override, and one placed inside an emoji', async () => {
    const created = await t.api('POST', `/api/drafts/${draft.id}/paragraphs`, {
      token: chair,
      body: { sectionId: section(draft, 'entity', 'IADB').id, kind: 'substantive', text: 'Invites 😀 States.' },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const client = await CollabClient.connect(t.url, mex, draft.id);
    try {
      // Added while the draft was closed: it reaches an open document's readers once the room brings it in.
      await waitFor(() => client.paragraphs().has(id) && client.text(id).toString().length > 0, 'the new paragraph in the live document');
      client.propose(id, 0, 'all \u202Eevil ', 'MEX');
      await waitFor(() => client.errors.length >= 1, 'the refusal of the hidden override');
      expect(client.errors[0]!.message).toMatch(/U\+202E RIGHT-TO-LEFT OVERRIDE/);
    } finally {
      client.close();
    }
    const again = await CollabClient.connect(t.url, mex, draft.id);
    try {
      await waitFor(() => again.paragraphs().has(id) && again.text(id).toString().length > 0, 'the paragraph');
      again.propose(id, 'Invites '.length + 1, 'x', 'MEX');
      await waitFor(() => again.errors.length >= 1, 'the refusal of a bracket inside an emoji');
      expect(again.errors[0]!.message).toMatch(/U\+FFFD REPLACEMENT CHARACTER/);
    } finally {
      again.close();
    }
    const view = await t.api<DraftView>('GET', `/api/drafts/${draft.id}`, { token: chair });
    const stored = view.body.sections.flatMap((s) => s.paragraphs).find((p) => p.id === id);
    expect(stored?.text).toBe('Invites 😀 States.');
    expect(stored?.amendments).toEqual([]);
  });
});

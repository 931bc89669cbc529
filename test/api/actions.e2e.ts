import type { AmendmentView, DraftView, ParagraphActions, ParagraphView } from '@omnibus/shared';
import { demoDraft, section } from '../support/draft-helpers';
import { startTestServer, TestServer, type ApiResponse } from '../support/test-server';

/**
 * The `actions` the server sends each person agree with what it then does: for every demo role,
 * each action is tried right after reading its flag, and it succeeds exactly when the flag said so.
 */
let t: TestServer;
let draft: DraftView;
let chair: string;
let mex: string;

const ROLES = ['chair', 'vicechair', 'secretariat', 'observer', 'translator', 'mex', 'ch', 'us'];

beforeAll(async () => {
  t = await startTestServer();
  chair = await t.login('chair');
  mex = await t.login('mex');
  draft = await demoDraft(t, chair);
  // Every role below sets up its own paragraphs: room for them under the caps.
  const wide = await t.api('PATCH', `/api/drafts/${draft.id}/caps`, { token: chair, body: { topicSubstantive: 500, total: 5000 } });
  expect(wide.status).toBe(200);
});
afterAll(() => t.close());

const ok = (res: ApiResponse) => res.status >= 200 && res.status < 300;

async function paragraphAs(token: string, id: string): Promise<ParagraphView> {
  const res = await t.api<ParagraphView>('GET', `/api/paragraphs/${id}`, { token });
  expect(res.status).toBe(200);
  return res.body;
}

async function created<T>(res: Promise<ApiResponse<T>>): Promise<T> {
  const r = await res;
  if (r.status !== 201 && r.status !== 200) throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** What each role finds: the Chair's text (one paragraph with MEX's amendment on it), MEX's new paragraph, a deleted paragraph. */
async function fixture() {
  const topic = section(draft, 'topic', 'climate-change');
  const add = (token: string, text: string) =>
    created<ParagraphView>(t.api('POST', `/api/drafts/${draft.id}/paragraphs`, { token, body: { sectionId: topic.id, kind: 'substantive', text } }));
  const chairText = await add(chair, 'To recognise the security implications of climate change.');
  const amended = await add(chair, 'To encourage member states to share information.');
  const amendment = await created<AmendmentView>(
    t.api('POST', `/api/paragraphs/${amended.id}/amendments`, { token: mex, body: { kind: 'insert', start: 3, end: 3, text: 'further ' } }),
  );
  const bis = await add(mex, 'To request a report on the matter.');
  const gone = await add(chair, 'To take note of the report.');
  await created(t.api('POST', `/api/paragraphs/${gone.id}/delete`, { token: chair }));
  return { topic, chairText, amended, amendment, bis, gone };
}

/** Every flag seen, true and false, so the test cannot pass by never meeting one side. */
const seen = new Map<string, Set<boolean>>();
function record(what: string, flag: boolean) {
  const s = seen.get(what) ?? new Set<boolean>();
  s.add(flag);
  seen.set(what, s);
}

describe('the actions the server sends are the actions it accepts', () => {
  it.each(ROLES)('%s', async (username) => {
    const token = await t.login(username);
    const f = await fixture();
    const mismatches: string[] = [];
    const attempt = async (what: string, flag: boolean | undefined, request: () => Promise<ApiResponse>) => {
      if (flag === undefined) throw new Error(`${what}: no flag in the answer`);
      record(what, flag);
      const res = await request();
      if (ok(res) !== flag) mismatches.push(`${what}: flag ${String(flag)}, answer ${res.status} ${JSON.stringify(res.body)}`);
    };
    const onParagraph = async (id: string, action: keyof ParagraphActions, request: () => Promise<ApiResponse>) => {
      const p = await paragraphAs(token, id);
      await attempt(`paragraph.${action}`, p.actions?.[action], request);
    };
    const onAmendment = async (action: 'edit' | 'withdraw' | 'inviteCosponsors', request: () => Promise<ApiResponse>) => {
      const res = await t.api<AmendmentView>('GET', `/api/amendments/${f.amendment.id}`, { token });
      expect(res.status).toBe(200);
      await attempt(`amendment.${action}`, res.body.actions?.[action], request);
    };

    const view = await t.api<DraftView>('GET', `/api/drafts/${draft.id}`, { token });
    await attempt('draft.addParagraphs', view.body.actions?.addParagraphs, () =>
      t.api('POST', `/api/drafts/${draft.id}/paragraphs`, { token, body: { sectionId: f.topic.id, kind: 'substantive', text: 'To welcome the initiative.' } }),
    );
    await attempt('draft.configure', view.body.actions?.configure, () => t.api('PATCH', `/api/drafts/${draft.id}/caps`, { token, body: { total: 5000 } }));

    // The same words again: allowed exactly to whoever may edit, open amendments or not.
    for (const p of [f.amended, f.bis]) {
      await onParagraph(p.id, 'editText', () => t.api('PATCH', `/api/paragraphs/${p.id}`, { token, body: { text: p.text } }));
      await onParagraph(p.id, 'editBaseText', () => t.api('PATCH', `/api/paragraphs/${p.id}`, { token, body: { text: `${p.text.slice(0, -1)}, as agreed.` } }));
    }
    await onParagraph(f.chairText.id, 'editBaseText', () =>
      t.api('PATCH', `/api/paragraphs/${f.chairText.id}`, { token, body: { text: 'To recognise the security implications of climate change for all.' } }),
    );
    for (const p of [f.chairText, f.bis]) {
      await onParagraph(p.id, 'amend', () => t.api('POST', `/api/paragraphs/${p.id}/amendments`, { token, body: { kind: 'insert', start: 0, end: 0, text: 'Also ' } }));
      await onParagraph(p.id, 'comment', () => t.api('POST', `/api/paragraphs/${p.id}/comments`, { token, body: { body: 'We support this.' } }));
      await onParagraph(p.id, 'move', () => t.api('POST', `/api/paragraphs/${p.id}/move`, { token, body: { sectionId: f.topic.id } }));
    }
    await onParagraph(f.bis.id, 'askToCosponsor', () => t.api('POST', `/api/paragraphs/${f.bis.id}/join-requests`, { token }));
    await onParagraph(f.bis.id, 'inviteCosponsors', () => t.api('POST', `/api/paragraphs/${f.bis.id}/cosponsors`, { token, body: { cosponsors: ['CAN'] } }));

    await onAmendment('edit', () => t.api('PATCH', `/api/amendments/${f.amendment.id}`, { token, body: { text: 'further and timely ' } }));
    await onAmendment('inviteCosponsors', () => t.api('POST', `/api/amendments/${f.amendment.id}/cosponsors`, { token, body: { cosponsors: ['CAN'] } }));
    await onAmendment('withdraw', () => t.api('POST', `/api/amendments/${f.amendment.id}/withdraw`, { token }));

    // What takes things out of play comes last, each flag read again after the changes above.
    await onParagraph(f.bis.id, 'withdraw', () => t.api('POST', `/api/paragraphs/${f.bis.id}/withdraw`, { token }));
    await onParagraph(f.chairText.id, 'delete', () => t.api('POST', `/api/paragraphs/${f.chairText.id}/delete`, { token }));
    await onParagraph(f.gone.id, 'restore', () => t.api('POST', `/api/paragraphs/${f.gone.id}/restore`, { token }));
    await onParagraph(f.amended.id, 'delete', () => t.api('POST', `/api/paragraphs/${f.amended.id}/delete`, { token }));

    expect(mismatches).toEqual([]);
  });

  it('met every action both allowed and refused', () => {
    const oneSided = [...seen].filter(([, flags]) => flags.size !== 2).map(([what]) => what);
    expect(seen.size).toBe(15);
    expect(oneSided).toEqual([]);
  });

  it('keeps actions out of what everyone shares: the history', async () => {
    const history = await t.api('GET', `/api/drafts/${draft.id}/history?limit=1000`, { token: chair });
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).not.toContain('"actions"');
  });
});

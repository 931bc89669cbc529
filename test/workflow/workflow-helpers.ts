import type { TestServer } from '../support/test-server';
import { travelTo } from './live-helpers';

/** POSTs as `token` and hands back the body, failing loudly on a refusal. */
export async function ok(t: TestServer, path: string, token: string, body: unknown = {}): Promise<any> {
  const res = await t.api('POST', path, { token, body });
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Takes a draft through the work plan's steps up to the negotiation: first draft published, the
 * comment window opened and closed, rev. 1 published. Returns rev. 1's id.
 */
export async function toNegotiation(t: TestServer, draftId: string, chair: string): Promise<string> {
  travelTo(t, '2022-07-14T15:00:00Z');
  await ok(t, `/api/drafts/${draftId}/versions`, chair);
  await ok(t, `/api/drafts/${draftId}/workflow/phase`, chair, { phase: 'comments' });
  travelTo(t, '2022-08-22T14:00:00Z');
  await ok(t, `/api/drafts/${draftId}/workflow/phase`, chair, { phase: 'revision' });
  const rev1 = await ok(t, `/api/drafts/${draftId}/versions`, chair);
  await ok(t, `/api/drafts/${draftId}/workflow/phase`, chair, { phase: 'negotiation' });
  return rev1.id;
}

/** The id of the calendar meeting starting at `startIso` (UTC). */
export async function meetingAt(t: TestServer, token: string, startIso: string): Promise<string> {
  const res = await t.api('GET', '/api/calendar', { token });
  const meeting = res.body.events.find((e: { category: string; start: string | null }) => e.category === 'meeting' && e.start === startIso);
  if (!meeting) throw new Error(`no meeting at ${startIso}`);
  return meeting.id;
}

/**
 * Moves a draft in its comment window on to the negotiation (rev. 1 published) and opens an
 * approval session for a meeting an hour from now, on the real clock (browser tests cannot travel).
 */
export async function openSessionNow(t: TestServer, draftId: string, chair: string): Promise<{ id: string }> {
  await ok(t, `/api/drafts/${draftId}/workflow/phase`, chair, { phase: 'revision' });
  await ok(t, `/api/drafts/${draftId}/versions`, chair, { name: 'rev. 1' });
  await ok(t, `/api/drafts/${draftId}/workflow/phase`, chair, { phase: 'negotiation' });
  const start = new Date(Date.now() + 3_600_000);
  const meeting = await ok(t, '/api/calendar/meetings', await t.login('secretariat'), {
    title: 'Regular meeting of the CSH',
    kind: 'regular',
    start: start.toISOString(),
    end: new Date(start.getTime() + 3_600_000).toISOString(),
  });
  return ok(t, `/api/drafts/${draftId}/sessions`, chair, { meetingId: meeting.id });
}

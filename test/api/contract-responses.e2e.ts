import { API_OPERATIONS, API_CONTRACT, type OperationKey } from '@omnibus/shared';
import { z } from 'zod';
import { contractClient, disagreements } from '../support/contract-check';
import { paragraph, section } from '../support/draft-helpers';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The contract's response schemas against real answers: a signed-in chair, secretariat, translator
 * and delegations go through the negotiation, and every answer must parse with the schema its
 * operation declares and carry no field the schema leaves out, so the declared schemas cannot lie.
 */
describe('the API contract, held to what the server answers', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses an answer with a field of the wrong type, a missing field or a field it does not declare', () => {
    const schema = z.object({ id: z.string(), items: z.array(z.object({ n: z.int() })) });
    expect(disagreements(schema, { id: 'a', items: [{ n: 1 }] })).toEqual([]);
    expect(disagreements(schema, { id: 'a', items: [{ n: 1, extra: true }] })).toEqual(['$.items[0].extra is not declared']);
    expect(disagreements(schema, { id: 1, items: [] })).toHaveLength(1);
    expect(disagreements(schema, { items: [] })).toHaveLength(1);
  });

  it('answers each operation a session of the negotiation calls with the body its contract entry declares', async () => {
    const { call, called } = contractClient(t);
    await call('health', undefined, {});
    const login = await call('login', undefined, { body: { username: 'chair', password: 'demo' } });
    const chair = login.token;
    const [secretariat, translator, can, mex] = await Promise.all(['secretariat', 'translator', 'can', 'mex'].map((u) => t.login(u)));
    await call('me', chair, {});
    await call('refresh', chair, {});
    await call('delegations', chair, {});

    // Reading the draft.
    const [summary] = await call('drafts', chair, {});
    const id = summary!.id;
    const draft = await call('draft', chair, { params: { id } });
    await call('draft', translator, { params: { id }, query: { lang: 'es' } });
    await call('history', chair, { params: { id }, query: { limit: 5 } });
    await call('workflow', chair, { params: { id } });
    await call('translationSummary', translator, { params: { id } });
    const languages = await call('committeeLanguages', secretariat, { params: { id: draft.committeeId } });
    await call('setCommitteeLanguages', secretariat, { params: { id: draft.committeeId }, body: { official: languages.official } });
    await call('calendar', chair, {});
    await call('calendarSubscription', chair, {});
    await call('consensus', chair, { params: { id } });
    await call('redline', chair, { params: { id }, query: { from: 'live' } });
    await call('versions', chair, { params: { id } });
    await call('sessions', chair, { params: { id } });
    expect(await call('currentSession', chair, { params: { id } })).toEqual({ session: null });
    await call('reservations', chair, { params: { id } });
    await call('consultations', chair, { params: { id } });
    await call('silences', chair, { params: { id } });

    // A delegation's proposal, co-sponsored by another.
    const seven = paragraph(section(draft, 'entity', 'CICTE'), '7');
    await call('paragraph', can, { params: { id: seven.id } });
    await call('comments', can, { params: { id: seven.id } });
    const at = seven.text.indexOf(' ');
    const amendment = await call('proposeAmendment', can, { params: { id: seven.id }, body: { kind: 'insert', start: at, end: at, text: ' urgently' } });
    await call('amendment', chair, { params: { id: amendment.id } });
    await call('updateAmendment', can, { params: { id: amendment.id }, body: { text: ' most urgently' } });
    await call('inviteToAmendment', can, { params: { id: amendment.id }, body: { cosponsors: ['MEX'] } });
    const [invitation] = await call('invitations', mex, {});
    await call('joinRequests', mex, {});
    await call('acceptSponsorship', mex, { params: { id: invitation!.id } });
    const opening = draft.sections.flatMap((x) => x.paragraphs).find((p) => p.id !== seven.id)!;
    const several = await call('draftParagraphs', mex, { params: { id }, query: { ids: `${seven.id},${opening.id}` } });
    expect(several.map((p) => p.id)).toEqual([seven.id, opening.id]);
    const spanishUnits = (await call('draft', translator, { params: { id }, query: { lang: 'es' } })).sections.flatMap((x) => x.paragraphs).flatMap((p) => p.amendments);
    const proposed = spanishUnits.find((a) => a.id === amendment.id)!.translation!;
    await call('putAmendmentTranslation', translator, { params: { id: amendment.id, lang: 'es' }, body: { text: ' con la mayor urgencia', basedOn: proposed.originalRevision } });
    await call('withdrawAmendment', can, { params: { id: amendment.id } });

    // A delegation's new paragraph: a co-sponsor invited, another delegation asking to join and declined.
    const topic = section(draft, 'topic', 'climate-change');
    const own = await call('createParagraph', can, { params: { id }, body: { sectionId: topic.id, kind: 'substantive', text: 'To recognise the security implications of drought.' } });
    await call('inviteToParagraph', can, { params: { id: own.id }, body: { cosponsors: ['MEX'] } });
    const asked = await call('askToCosponsor', await t.login('us'), { params: { id: own.id } });
    await call('declineSponsorship', can, { params: { id: asked.id } });
    await call('withdrawParagraph', can, { params: { id: own.id } });

    // The Chair's own paragraph, edited, deleted and restored, and translated.
    const preamble = section(draft, 'preamble');
    const added = await call('createParagraph', chair, { params: { id }, body: { sectionId: preamble.id, kind: 'preambular', text: 'RECALLING the work of the Committee;' } });
    const edited = await call('updateParagraph', chair, { params: { id: added.id }, body: { text: 'RECALLING the work of this Committee;', version: added.version } });
    await call('deleteParagraph', chair, { params: { id: edited.id } });
    await call('restoreParagraph', chair, { params: { id: edited.id } });
    const inSpanish = await call('draft', translator, { params: { id }, query: { lang: 'es' } });
    const unit = inSpanish.sections.flatMap((s) => s.paragraphs).find((p) => p.id === added.id)!.translation!;
    await call('putParagraphTranslation', translator, { params: { id: added.id, lang: 'es' }, body: { text: 'RECORDANDO la labor de esta Comisión;', basedOn: unit.originalRevision } });
    await call('moveParagraph', chair, { params: { id: added.id }, body: { sectionId: preamble.id, afterParagraphId: null } });
    const aligned = await call('previewTranslationImport', translator, { params: { id, lang: 'es' }, body: { text: 'RECORDANDO la labor de esta Comisión;' } });
    await call('importTranslation', translator, { params: { id, lang: 'es' }, body: { text: 'RECORDANDO la labor de esta Comisión;', digest: aligned.digest } });

    // The secretariat: a document previewed for import, an account disabled and enabled again.
    const text = ['THE GENERAL ASSEMBLY,', 'RECALLING its resolutions;', 'RESOLVES:', '1. To act.'].join('\n');
    await call('previewImport', secretariat, { params: { id }, query: { source: 'chair_draft' } }, { type: 'text/plain; charset=utf-8', text });
    const created = await call('createDraft', secretariat, { body: { title: 'Draft resolution on contract checks', symbol: 'CP/CSH/TEST/26' } });
    await call('updateCaps', chair, { params: { id: created.id }, body: { total: 500 } });
    await call('setDraftLanguage', secretariat, { params: { id: created.id }, body: { original: 'en' } });
    const preambleOnly = ['THE GENERAL ASSEMBLY,', 'RECALLING its resolutions;', 'BEARING IN MIND its mandates;'].join('\n');
    await call('commitImport', secretariat, { params: { id: created.id }, query: { source: 'chair_draft' } }, { type: 'text/plain; charset=utf-8', text: preambleOnly });
    const bah = (await t.api('POST', '/api/auth/login', { body: { username: 'bah', password: 'demo' } })).body.user.id as string;
    await call('disableUser', secretariat, { params: { id: bah } });
    await call('enableUser', secretariat, { params: { id: bah } });
    await call('endUserSessions', secretariat, { params: { id: bah } });

    // The work plan: versions, the comment window, then an approval session with its minutes.
    const first = await call('publishVersion', chair, { params: { id }, body: { name: "Chair's first draft" } });
    await call('version', chair, { params: { id: first.id } });
    await call('redline', chair, { params: { id }, query: { from: first.id, to: 'live' } });
    await call('setPhase', chair, { params: { id }, body: { phase: 'comments', commentDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString() } });
    await call('addComment', can, { params: { id: seven.id }, body: { body: 'Could the Chair clarify the scope?' } });
    await call('setCommentWindow', chair, { params: { id }, body: { deadline: new Date(Date.now() + 8 * 86_400_000).toISOString() } });
    await call('setPhase', chair, { params: { id }, body: { phase: 'revision' } });
    await call('publishVersion', chair, { params: { id }, body: { name: 'rev. 1' } });
    await call('setPhase', chair, { params: { id }, body: { phase: 'negotiation' } });
    const start = Date.now() + 3_600_000;
    const meeting = await call('createMeeting', secretariat, {
      body: { title: 'Regular meeting of the CSH', kind: 'regular', start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString() },
    });
    const opened = await call('openSession', chair, { params: { id }, body: { meetingId: meeting.id } });
    await call('session', chair, { params: { id: opened.id } });
    await call('currentSession', chair, { params: { id } });
    await call('askForFloor', can, { params: { id: opened.id }, body: {} });
    await call('speakers', chair, { params: { id: opened.id } });
    await call('nextSpeaker', chair, { params: { id: opened.id } });
    await call('askForFloor', mex, { params: { id: opened.id }, body: {} });
    await call('withdrawFromFloor', mex, { params: { id: opened.id } });
    const requests = await call('askForFloor', mex, { params: { id: opened.id }, body: {} });
    const mexRequest = requests.find((r) => r.delegation === 'MEX' && r.status === 'waiting')!;
    await call('removeSpeaker', chair, { params: { id: opened.id, requestId: mexRequest.id } });
    const called_ = await call('callParagraph', chair, { params: { id: opened.id }, body: {} });
    await call('decide', chair, { params: { id: opened.id }, body: { decision: 'approved' } });
    const reservation = await call('addReservation', can, { params: { id: called_.paragraphId }, body: { text: 'Canada joins the consensus with a reservation on this paragraph.' } });
    await call('paragraphReservations', chair, { params: { id: called_.paragraphId } });
    await call('withdrawReservation', can, { params: { id: reservation.id } });
    const waiting = (await call('session', chair, { params: { id: opened.id } })).queue.filter((q) => q.status === 'waiting');
    await call('reorderQueue', chair, { params: { id: opened.id }, body: { paragraphIds: waiting.map((q) => q.paragraphId).reverse() } });
    await call('skipParagraph', chair, { params: { id: opened.id, paragraphId: waiting[0]!.paragraphId } });
    await call('returnParagraph', chair, { params: { id: opened.id, paragraphId: waiting[0]!.paragraphId } });
    await call('callParagraph', chair, { params: { id: opened.id }, body: {} });
    await call('decide', chair, { params: { id: opened.id }, body: { decision: 'held', leadDelegation: 'CAN' } });
    const [consultation] = await call('consultations', chair, { params: { id } });
    await call('reportConsultation', can, { params: { id: consultation!.id }, body: { status: 'ready', note: 'Agreement is near.' } });
    const minutes = await call('closeSession', chair, { params: { id: opened.id } });
    expect(minutes.decisions).toHaveLength(2);
    const pending = (await call('session', chair, { params: { id: opened.id } })).queue.find((q) => q.status === 'waiting')!;
    const silence = await call('startSilence', chair, { params: { id }, body: { deadline: new Date(Date.now() + 86_400_000).toISOString(), items: [{ paragraphId: pending.paragraphId }] } });
    await call('silence', chair, { params: { id: silence.id } });
    await call('breakSilence', mex, { params: { id: silence.id }, body: { reason: 'Mexico cannot join consensus on this text yet.' } });
    await call('minutes', chair, { params: { id: opened.id } });
    await call('consensus', chair, { params: { id } });

    // Every operation that answers JSON was called, and each answer held to its schema.
    const json = (Object.keys(API_CONTRACT) as OperationKey[]).filter((k) => 'response' in API_CONTRACT[k]);
    expect(json.length).toBe(API_OPERATIONS.filter((o) => o.response !== undefined).length);
    expect(json.filter((k) => !called.has(k))).toEqual([]);
  });
});

import * as fs from 'node:fs';
import type { DraftView } from '@omnibus/shared';
import { CHROMIUM_PATH } from '../browser/support/chromium';
import { PdfRenderer } from '../../server/src/documents/export/pdf-renderer';
import { demoDraft } from '../support/draft-helpers';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * PDF export prints with a Chromium page per request: at most PDF_RENDER_CONCURRENCY at once and
 * PDF_RENDER_QUEUE waiting, the rest refused at once with 503 and Retry-After, not all slowed down
 * together; and /api/health answers meanwhile.
 */
jest.setTimeout(180_000);

const chromium = fs.existsSync(CHROMIUM_PATH);
(chromium ? describe : describe.skip)('concurrent PDF exports', () => {
  let t: TestServer;
  let draft: DraftView;
  let token: string;

  beforeAll(async () => {
    t = await startTestServer({ PDF_RENDER_CONCURRENCY: '1', PDF_RENDER_QUEUE: '2' });
    token = await t.login('secretariat');
    draft = await demoDraft(t, token);
  });
  afterAll(() => t.close());

  it('prints at most one at a time with two waiting, and refuses the rest with 503 and Retry-After', async () => {
    const gate = t.server.app.get(PdfRenderer).gate;
    let peak = 0;
    const watching = setInterval(() => (peak = Math.max(peak, gate.busy.running)), 5);
    const health: number[] = [];
    const t0 = Date.now();
    const exports = Array.from({ length: 8 }, () =>
      fetch(`${t.url}/api/drafts/${draft.id}/export/compilation?format=pdf`, { headers: { authorization: `Bearer ${token}` } }).then(async (res) => ({
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        type: res.headers.get('content-type'),
        body: Buffer.from(await res.arrayBuffer()),
      })),
    );
    const probing = (async () => {
      for (let i = 0; i < 10; i += 1) {
        const h0 = performance.now();
        expect((await t.api('GET', '/api/health')).status).toBe(200);
        health.push(performance.now() - h0);
      }
    })();
    const results = await Promise.all(exports);
    await probing;
    clearInterval(watching);
    const printed = results.filter((r) => r.status === 200);
    const busy = results.filter((r) => r.status === 503);
    process.stderr.write(
      `[pdf] 8 concurrent exports with 1 printing and 2 waiting: ${printed.length} printed, ${busy.length} refused (503) in ${Date.now() - t0} ms; peak concurrent renders ${peak}; /api/health max ${Math.max(...health).toFixed(0)} ms\n`,
    );
    expect(printed).toHaveLength(3);
    expect(busy).toHaveLength(5);
    expect(peak).toBe(1);
    for (const r of printed) {
      expect(r.type).toBe('application/pdf');
      expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
    }
    for (const r of busy) {
      expect(r.retryAfter).toBe('5');
      expect(JSON.parse(r.body.toString())).toMatchObject({ error: 'unavailable', message: expect.stringContaining('try again'), details: { retryAfterSeconds: 5 } });
    }
    expect(gate.busy).toEqual({ running: 0, waiting: 0 });
    // Once the queue has drained, the next export prints.
    const again = await fetch(`${t.url}/api/drafts/${draft.id}/export/compilation?format=pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(200);
  });
});

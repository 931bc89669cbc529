import type { Browser, Locator, Request, WebSocket } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchChromium } from './support/chromium';
import { ensureClientBuilt } from './support/client-build';
import { paragraphCard, screenshot, selectBaseText, signIn, type Person } from './support/room';

let t: TestServer;
let browser: Browser;
let mex: Person;
let us: Person;

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
  [mex, us] = await Promise.all([signIn(browser, t.url, 'mex'), signIn(browser, t.url, 'us')]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function openEditor(p: Person, section: string, label: string): Promise<Locator> {
  const card = paragraphCard(p.page, section, label);
  await card.getByRole('button', { name: 'Co-edit text' }).click();
  const editor = card.getByRole('textbox', { name: `Text of paragraph ${label}` });
  await card.locator('[data-collab-status="synced"]').waitFor();
  return editor;
}

const ENDING = 'as set out in those reports.';

describe('co-editing one paragraph from two delegations', () => {
  it("shows each delegation the other's typing and labelled cursor in CICTE 5 bis", async () => {
    const mexEditor = await openEditor(mex, 'CICTE', '5 bis');
    const usEditor = await openEditor(us, 'CICTE', '5 bis');

    // MEX types at the end of the paragraph its delegation co-sponsors.
    await mexEditor.click();
    await mex.page.keyboard.press('Control+End');
    await mex.page.keyboard.type(' MEX adds these words.');
    await usEditor.filter({ hasText: `${ENDING} MEX adds these words.` }).waitFor();
    // US sees where MEX is typing, labelled MEX.
    await usEditor.locator('[data-cursor="MEX"]').waitFor();

    await usEditor.click();
    await us.page.keyboard.press('Control+Home');
    await us.page.keyboard.type('Also, ');
    await mexEditor.filter({ hasText: /^Also, To endorse the 2021 consensus reports/ }).waitFor();
    await mexEditor.locator('[data-cursor="US"]').waitFor();
    await screenshot(mex.page, 'collab-1-mex-sees-us-cursor', paragraphCard(mex.page, 'CICTE', '5 bis'));
    await screenshot(us.page, 'collab-2-us-sees-mex-text', paragraphCard(us.page, 'CICTE', '5 bis'));
    await paragraphCard(mex.page, 'CICTE', '5 bis').locator('[data-unsaved="0"]').waitFor();
  });

  it('keeps what MEX types while the connection is down and delivers it when it returns', async () => {
    const mexCard = paragraphCard(mex.page, 'CICTE', '5 bis');
    const mexEditor = mexCard.getByRole('textbox', { name: 'Text of paragraph 5 bis' });
    const usEditor = paragraphCard(us.page, 'CICTE', '5 bis').getByRole('textbox', { name: 'Text of paragraph 5 bis' });
    await mex.context.setOffline(true);
    await mexCard.locator('[data-collab-status="offline"]').waitFor();
    await mex.page.locator('.connection-reconnecting').waitFor();
    await mexEditor.click();
    await mex.page.keyboard.press('Control+End');
    await mex.page.keyboard.type(' Typed offline.');
    await mexCard.getByRole('status').filter({ hasText: 'Connection lost. What you type stays here' }).waitFor();
    await screenshot(mex.page, 'collab-3-offline', mexCard);
    await expect(usEditor.innerText()).resolves.not.toContain('Typed offline.');

    await mex.context.setOffline(false);
    await usEditor.filter({ hasText: 'MEX adds these words. Typed offline.' }).waitFor();
    await mexCard.locator('[data-collab-status="synced"][data-unsaved="0"]').waitFor();
    await expect(mexEditor.innerText()).resolves.toContain('Typed offline.');
  });

  it("stops a delegate typing in the Chair's base text before anything is sent", async () => {
    const editor = await openEditor(mex, 'CICTE', '1');
    const before = await editor.innerText();
    await editor.click();
    await mex.page.keyboard.type('xyz');
    const card = paragraphCard(mex.page, 'CICTE', '1');
    await expect(card.getByRole('alert').innerText()).resolves.toMatch(/^You can type only inside brackets of MEX\./);
    await expect(editor.innerText()).resolves.toBe(before);
    // Nothing went to the server, so nothing comes back refused.
    await card.locator('[data-unsaved="0"]').waitFor();
    await expect(card.locator('.collab .error').count()).resolves.toBe(0);
  });

  it("draws a bracket proposed in another browser in the open editor, with its sponsor, and lets its sponsor type in it", async () => {
    const usEditor = await openEditor(us, 'CICTE', '9');
    const card = paragraphCard(mex.page, 'CICTE', '9');
    await card.getByRole('button', { name: 'Propose amendment' }).click();
    const tool = card.locator('form.bracket-tool');
    const base = await tool.locator('textarea.base-text').inputValue();
    const words = 'in the first half of 2022';
    await selectBaseText(tool, base.indexOf(words), base.indexOf(words) + words.length);
    await tool.getByLabel('New words', { exact: true }).fill('before June 2022');
    await tool.getByRole('button', { name: 'Propose in the name of MEX' }).click();

    await usEditor.locator('.yb-marked.yb-replace').filter({ hasText: words }).waitFor();
    await expect(usEditor.innerText()).resolves.toContain(`[MEX: replace “${words}” with “before June 2022”]`);
    await screenshot(us.page, 'collab-4-us-sees-mex-bracket-in-editor', paragraphCard(us.page, 'CICTE', '9'));

    // MEX types inside its own bracket; US sees the words change inside it.
    const mexEditor = await openEditor(mex, 'CICTE', '9');
    const own = mexEditor.locator('.yb-proposed').filter({ hasText: 'before June 2022' });
    await own.click();
    // The caret at the end of the bracket's words, as a click right after the last letter puts it.
    await own.evaluate((span) => {
      const text = span.lastChild as Text;
      const range = document.createRange();
      range.setStart(text, text.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    await mex.page.keyboard.type(' at the latest');
    await usEditor.locator('.yb-proposed').filter({ hasText: 'before June 2022 at the latest' }).waitFor();
  });

  it('writes under one leased Yjs client id however often MEX reloads the page', async () => {
    const ids = async (): Promise<string[]> =>
      ((await t.server.dataSource.query(`SELECT w.client_id FROM collab_writer w JOIN app_user u ON u.id = w.user_id WHERE u.username = 'mex'`)) as { client_id: string }[]).map((r) => r.client_id);
    const before = await ids();
    // The page of the tests above holds one.
    expect(before).toHaveLength(1);
    const usEditor = paragraphCard(us.page, 'CICTE', '5 bis').getByRole('textbox', { name: 'Text of paragraph 5 bis' });
    for (const word of ['Reloaded', 'once', 'more']) {
      // Leaving the page with everything saved gives its id back; the next page load is handed it again.
      await mex.page.reload();
      await mex.page.locator('.outline').waitFor();
      const editor = await openEditor(mex, 'CICTE', '5 bis');
      await editor.click();
      await mex.page.keyboard.press('Control+End');
      await mex.page.keyboard.type(` ${word}`);
      await usEditor.filter({ hasText: new RegExp(`${word}$`) }).waitFor();
      await paragraphCard(mex.page, 'CICTE', '5 bis').locator('[data-unsaved="0"]').waitFor();
    }
    await expect(ids()).resolves.toEqual(before);
    await expect(usEditor.innerText()).resolves.toContain('Typed offline. Reloaded once more');
  });

  it('opens the room over a WebSocket at once, without long-polling first', async () => {
    const polling: string[] = [];
    const sockets: string[] = [];
    const onRequest = (r: Request) => {
      if (r.url().includes('/socket.io/') && r.url().includes('transport=polling')) polling.push(r.url());
    };
    const onSocket = (ws: WebSocket) => sockets.push(ws.url());
    us.page.on('request', onRequest);
    us.page.on('websocket', onSocket);
    try {
      await us.page.reload();
      await us.page.locator('.outline').waitFor();
      await openEditor(us, 'CICTE', '5 bis');
    } finally {
      us.page.off('request', onRequest);
      us.page.off('websocket', onSocket);
    }
    expect(polling).toEqual([]);
    // One connection carries both the room's live events and the co-edited text.
    expect(sockets.filter((u) => u.includes('/socket.io/') && u.includes('transport=websocket'))).toHaveLength(1);
  });
});

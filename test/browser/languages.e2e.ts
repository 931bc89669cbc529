import type { DraftView } from '@omnibus/shared';
import type { Browser, Page } from 'playwright-core';
import { demoDraft, paragraph, section } from '../support/draft-helpers';
import { startTestServer, type TestServer } from '../support/test-server';
import { ok } from '../workflow/workflow-helpers';
import { launchChromium } from './support/chromium';
import { ensureClientBuilt } from './support/client-build';
import { paragraphCard, screenshot } from './support/room';

let t: TestServer;
let browser: Browser;
let draft: DraftView;

// 23:59 on Thursday 14 January 2027 in Washington, where the committee sits.
const DEADLINE = '2027-01-15T04:59:00.000Z';

beforeAll(async () => {
  await ensureClientBuilt();
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
  draft = await demoDraft(t, await t.login('observer'));
  const chair = await t.login('chair');
  await ok(t, `/api/drafts/${draft.id}/versions`, chair, { name: 'First draft' });
  await ok(t, `/api/drafts/${draft.id}/workflow/phase`, chair, { phase: 'comments', commentDeadline: DEADLINE });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/**
 * Interface strings visible on the page (text, aria-label, title, placeholder) that read as English,
 * leaving out the draft's own words, which are in its original language until translated.
 */
async function englishLeft(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CONTENT = 'textarea, .comment-meta strong, .paragraph-text, .draft-title h1, .draft-section h2, .section-area, .outline-title, .outline-group h3, .brand, .symbol, .draft-id, .who, .literals, code:not(:has(*)), .compiled ins, .compiled del, .compiled > span:not(.bracket):not(.alternatives), .comment-body, .current-text';
    const ENGLISH = /\b(the|of|and|to|in|with|for|from|by|paragraphs?|propose|amendments?|comments?|invite|withdraw|sign|view|draft|show|only|find|words|live|loading|session|approval|versions?|export|import|reply|send|cancel|close|delete|text|new|none|phase|deadline|publish|meeting|delegation|observer|chair)\b/i;
    // The draft's own words (section titles, areas, people's names) may sit inside an interface sentence.
    const content = Array.from(document.querySelectorAll('.draft-section h2, .section-area, .outline a[title], .comment-meta strong, .who'))
      .flatMap((el) => [el.getAttribute('title') ?? '', (el.textContent ?? '').replace(/^[A-Z]+: /, '')])
      .filter((x) => x.length > 3)
      .sort((a, b) => b.length - a.length);
    const interfaceOnly = (text: string) => content.reduce((acc, c) => acc.split(c).join(' '), text);
    const visible = (el: Element) => (el as HTMLElement).getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const out = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (!el || text === '' || el.closest(CONTENT) || el.closest('option') || !visible(el)) continue;
      if (ENGLISH.test(interfaceOnly(text))) out.add(text);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      if (el.closest(CONTENT) || el.matches('.outline a') || !visible(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(attr);
        if (v && ENGLISH.test(interfaceOnly(v))) out.add(`${attr}="${v}"`);
      }
    }
    return [...out];
  });
}

describe('the room in Spanish and in Portuguese', () => {
  it("speaks Spanish to a browser set to es-MX, with times in the committee's zone, and leaves no interface English", async () => {
    // The laptop is set to Tokyo time: the room still shows Washington's.
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, baseURL: t.url, locale: 'es-MX', timezoneId: 'Asia/Tokyo' });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await page.getByLabel('Nombre de usuario').fill('mex');
    await page.getByLabel('Contraseña').fill('demo');
    await screenshot(page, 'languages-1-sign-in-es');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.locator('.outline').waitFor();

    await expect(page.getByRole('button', { name: 'Cerrar sesión' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('navigation', { name: 'Índice del proyecto' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.acting-for').innerText()).resolves.toMatch(/Delegación de .+ \(MEX\)/);
    await expect(page.getByLabel('Idioma de la interfaz').inputValue()).resolves.toBe('es');
    await page.locator('.connection-connected').filter({ hasText: 'En vivo' }).waitFor();

    const card = paragraphCard(page, 'CICTE', '9');
    await card.getByRole('button', { name: 'Proponer enmienda' }).click();
    const tool = card.getByRole('form', { name: 'Proponer una enmienda al párrafo 9' });
    await tool.getByText('Aún no hay palabras seleccionadas.').waitFor();
    await tool.getByRole('button', { name: 'Proponer en nombre de MEX' }).click();
    await expect(tool.getByRole('alert').innerText()).resolves.toMatch(/^Primero seleccione las palabras en el párrafo: seleccione las palabras que desea sustituir/);
    await expect(tool.locator('.preview').innerText()).resolves.toBe('Quedará así: [MEX: sustituir “” por “”]');
    await expect(englishLeft(page)).resolves.toEqual([]);
    await screenshot(page, 'languages-2-bracket-tool-es', card);
    await tool.getByRole('button', { name: 'Cancelar' }).click();

    await card.getByRole('button', { name: 'Comentarios' }).click();
    await card.getByLabel('Nuevo comentario').fill('Proponemos precisar el calendario.');
    await card.getByRole('button', { name: 'Enviar' }).click();
    const meta = card.locator('.comment-meta .muted').first();
    await meta.waitFor();
    const expected = (iso: string) => new Intl.DateTimeFormat('es-419', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/New_York' }).format(new Date(iso));
    const nine = paragraph(section(draft, 'entity', 'CICTE'), '9');
    const comments = (await t.api('GET', `/api/paragraphs/${nine.id}/comments`, { token: await t.login('mex') })).body;
    await expect(meta.innerText()).resolves.toBe(expected((comments as { createdAt: string }[])[0]!.createdAt));
    await screenshot(page, 'languages-3-room-es');

    const left = await englishLeft(page);
    console.log(`English left in the Spanish room: ${left.length === 0 ? 'none' : left.join(' | ')}`);
    expect(left).toEqual([]);
    await context.close();
  });

  it('switches to Portuguese from the menu, remembers it, and names the deadline in the committee zone', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, baseURL: t.url, locale: 'en-US' });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Username').fill('chair');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.outline').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');

    await page.getByLabel('Language of the interface').selectOption('pt');
    await page.getByRole('button', { name: 'Sair' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('pt');
    await expect(page.locator('.acting-for').innerText()).resolves.toBe('Presidência');
    const setup = page.locator('.chair-setup');
    await expect(setup.innerText()).resolves.toMatch(/Fase: período de comentários aberto · prazo para comentários: quinta-feira, 14 de janeiro de 2027,? (às )?23:59 Horário Padrão do Leste/);
    await screenshot(page, 'languages-4-room-pt');

    await page.reload();
    await page.locator('.outline').waitFor();
    await expect(page.getByRole('button', { name: 'Sair' }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Idioma da interface').inputValue()).resolves.toBe('pt');
    const left = await englishLeft(page);
    console.log(`English left in the Portuguese room: ${left.length === 0 ? 'none' : left.join(' | ')}`);
    await context.close();
  });

  it("lets language services bring an outdated translation up to date beside the original's redline, and a delegate reading in Spanish sees it live", async () => {
    const nine = paragraph(section(draft, 'entity', 'CICTE'), '9');
    const secretariat = await t.login('secretariat');
    const chair = await t.login('chair');
    // A Spanish translation of the text as it stood, then the Chair amends the original.
    const before = (await t.api('GET', `/api/drafts/${draft.id}?lang=es`, { token: secretariat })).body as DraftView;
    const state = paragraph(section(before, 'entity', 'CICTE'), '9').translation!;
    const put = await t.api('PUT', `/api/paragraphs/${nine.id}/translations/es`, {
      token: secretariat,
      body: { text: 'Convocar el vigésimo segundo período ordinario de sesiones del CICTE en el primer semestre de 2022.', basedOn: state.originalRevision },
    });
    expect(put.status).toBe(200);
    const patched = await t.api('PATCH', `/api/paragraphs/${nine.id}`, { token: chair, body: { text: nine.text.replace('first half', 'second half') } });
    expect(patched.status).toBe(200);

    // A delegate reads the draft in Spanish with a French interface.
    const reader = await browser.newContext({ viewport: { width: 1366, height: 900 }, baseURL: t.url, locale: 'fr-CA' });
    reader.setDefaultTimeout(20_000);
    const mex = await reader.newPage();
    await mex.goto('/');
    await mex.getByLabel('Nom d’utilisateur').fill('mex');
    await mex.getByLabel('Mot de passe').fill('demo');
    await mex.getByRole('button', { name: 'Se connecter' }).click();
    await mex.locator('.outline').waitFor();
    await mex.getByLabel('Lire le texte en').selectOption('es');
    const mexNine = paragraphCard(mex, 'CICTE', '9');
    await mexNine.locator('.paragraph-text[lang="es"]').filter({ hasText: 'primer semestre' }).waitFor();
    await expect(mexNine.locator('.reading-note').innerText()).resolves.toBe('Cette traduction est antérieure aux dernières modifications de l’original.');

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, baseURL: t.url, locale: 'es-MX' });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Nombre de usuario').fill('translator');
    await page.getByLabel('Contraseña').fill('demo');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { name: 'Traducciones', level: 2 }).waitFor();
    const spanishRow = page.locator('[data-summary-lang="es"]');
    await spanishRow.locator('[data-count="outdated"]').filter({ hasText: /^1$/ }).waitFor();
    const unit = page.locator(`article.translation-unit[data-unit="${nine.id}"]`);
    await expect(unit.getAttribute('data-translation-status')).resolves.toBe('outdated');
    await expect(unit.locator('[data-redline="outdated"] del').first().innerText()).resolves.toBe('first');
    await expect(unit.locator('[data-redline="outdated"] ins').first().innerText()).resolves.toBe('second');
    await unit.scrollIntoViewIfNeeded();
    await screenshot(page, 'languages-5-translator-outdated-es');

    const box = unit.getByLabel('Traducción (español)');
    await box.fill('Convocar el vigésimo segundo período ordinario de sesiones del CICTE en el segundo semestre de 2022.');
    await unit.getByRole('button', { name: 'Guardar traducción' }).click();
    await spanishRow.locator('[data-count="outdated"]').filter({ hasText: /^0$/ }).waitFor();
    await page.locator('.notice').filter({ hasText: 'Se guardó la traducción de CICTE, párrafo 9 al español.' }).waitFor();
    const summary = (await t.api('GET', `/api/drafts/${draft.id}/translations/summary`, { token: secretariat })).body as { languages: { lang: string; current: number; outdated: number; missing: number }[] };
    const es = summary.languages.find((l) => l.lang === 'es')!;
    console.log(`Translation summary after the update: ${summary.languages.map((l) => `${l.lang} ${l.current}/${l.outdated}/${l.missing}`).join(', ')} (current/outdated/missing)`);
    expect([es.current, es.outdated]).toEqual([1, 0]);

    // The delegate's screen follows through the live channel, without reloading.
    await mexNine.locator('.paragraph-text[lang="es"]').filter({ hasText: 'segundo semestre' }).waitFor();
    await expect(mexNine.locator('.reading-note').count()).resolves.toBe(0);
    await screenshot(mex, 'languages-6-delegate-reads-es-fr-interface', mexNine);
    await context.close();
    await reader.close();
  });
});


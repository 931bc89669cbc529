import { afterEach, describe, expect, it } from 'vitest';
import { bestMatch, chooseLanguage, detectLanguage, formatDate, formatDateTime, formatError, formatNumber, i18n, matchesSearch } from '.';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('language detection', () => {
  it('takes the first browser language the room speaks, by its base', () => {
    expect(bestMatch(['de-DE', 'es-MX', 'en'])).toBe('es');
    expect(bestMatch(['pt_BR'])).toBe('pt');
    expect(bestMatch(['de', 'ja'])).toBeNull();
  });

  it('prefers the saved choice and reflects the language in <html lang>', async () => {
    await chooseLanguage('fr');
    expect(localStorage.getItem('omnibus.language')).toBe('fr');
    expect(detectLanguage()).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });
});

describe('locale formats in the committee time zone', () => {
  // 03:30 UTC on 7 December is still 6 December in Washington.
  const instant = '2026-12-07T03:30:00Z';

  it('writes a Spanish date with the month name, on the committee day', async () => {
    await i18n.changeLanguage('es');
    expect(formatDate(instant)).toBe('6 de diciembre de 2026');
  });

  it('names the zone for a deadline', () => {
    expect(formatDateTime(instant, { zone: true, lang: 'en' })).toMatch(/December 6, 2026.*10:30.*PM Eastern Standard Time/);
    expect(formatDateTime(instant, { zone: true, lang: 'pt' })).toMatch(/6 de dezembro de 2026.*22:30.*Horário Padrão do Leste/);
  });

  it('groups digits the local way', () => {
    expect(formatNumber(12345.5, { lang: 'en' })).toBe('12,345.5');
    expect(formatNumber(12345.5, { lang: 'pt' })).toBe('12.345,5');
  });
});

describe('refusals in the person language', () => {
  it('keeps the server sentence in English and translates from the code elsewhere', async () => {
    expect(formatError('forbidden', undefined, 'Observers read only.')).toBe('Observers read only.');
    await i18n.changeLanguage('es');
    expect(formatError('forbidden', undefined, 'Observers read only.')).toBe('Su función no le permite realizar esta acción.');
    expect(formatError('rate_limited', { retryAfterSeconds: 1 }, 'x')).toBe('Demasiados intentos. Espere 1 segundo e inténtelo de nuevo.');
    expect(formatError('deadline_passed', { deadline: '2026-12-07T03:30:00Z', timeZone: 'America/New_York' }, 'x')).toContain('6 de diciembre de 2026');
  });

  it('says why a page that was away too long starts again, and tells it apart from another conflict', async () => {
    await i18n.changeLanguage('pt');
    expect(formatError('conflict', { reason: 'writer_lapsed' }, 'x')).toMatch(/^Esta página ficou ausente/);
    expect(formatError('conflict', {}, 'x')).toMatch(/^Alguém alterou isto/);
  });

  it('falls back to the server message for a code it does not know', async () => {
    await i18n.changeLanguage('fr');
    expect(formatError('something_new', {}, 'The server says so.')).toBe('The server says so.');
  });
});

describe('search ignores accents and case in every language', () => {
  it('finds Secretaría from Secretaria and the reverse', () => {
    expect(matchesSearch('la Secretaría General', 'secretaria')).toBe(true);
    expect(matchesSearch('the Secretariat', 'SECRETARÍA')).toBe(true);
    expect(matchesSearch('Seguridad', 'securite')).toBe(false);
    expect(matchesSearch('Sécurité hémisphérique', 'securite HEMI')).toBe(true);
    expect(matchesSearch('Segurança', 'seguranca')).toBe(true);
  });
});

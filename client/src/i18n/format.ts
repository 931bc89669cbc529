import { formatSponsors } from '@omnibus/shared/brackets';
import { i18n, currentLanguage } from './i18n';
import type { Language } from './languages';

/** The committee's time zone: every date and time in the room is read there, whatever the browser's. */
let committeeTimeZone = 'America/New_York';

export function setCommitteeTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    committeeTimeZone = timeZone;
  } catch {
    // An unknown zone name keeps the previous one rather than breaking every date on screen.
  }
}

export function getCommitteeTimeZone(): string {
  return committeeTimeZone;
}

/** BCP 47 tags for Intl: the regional form a delegate of the hemisphere expects. */
const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-419', fr: 'fr-CA', pt: 'pt-BR' };

export function localeOf(lang: Language = currentLanguage()): string {
  return LOCALES[lang];
}

type Instant = Date | string | number;

/**
 * Intl formatters are costly to build and free to reuse: one per locale and options. A room in
 * Spanish draws a sponsor list for every bracket of every paragraph that changes.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) => formatter('dt', locale, options, () => new Intl.DateTimeFormat(locale, options));

function asDate(value: Instant): Date {
  return value instanceof Date ? value : new Date(value);
}

export interface FormatOptions {
  lang?: Language;
  timeZone?: string;
}

/** "6 de diciembre de 2026": the day in the committee's zone. */
export function formatDate(value: Instant, options: FormatOptions & { style?: 'long' | 'medium' | 'short' | 'full' } = {}): string {
  return dateTimeFormat(localeOf(options.lang), { dateStyle: options.style ?? 'long', timeZone: options.timeZone ?? committeeTimeZone }).format(asDate(value));
}

/** Date and time in the committee's zone; `zone: true` adds the zone's name, as a deadline needs. */
export function formatDateTime(value: Instant, options: FormatOptions & { zone?: boolean } = {}): string {
  const timeZone = options.timeZone ?? committeeTimeZone;
  const date = asDate(value);
  const locale = localeOf(options.lang);
  if (!options.zone) return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  return dateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'long',
  }).format(date);
}

/** Time of day only, in the committee's zone. */
export function formatTime(value: Instant, options: FormatOptions = {}): string {
  return dateTimeFormat(localeOf(options.lang), { timeStyle: 'short', timeZone: options.timeZone ?? committeeTimeZone }).format(asDate(value));
}

export function formatNumber(value: number, options: { lang?: Language } & Intl.NumberFormatOptions = {}): string {
  const { lang, ...rest } = options;
  const locale = localeOf(lang);
  return formatter('n', locale, rest, () => new Intl.NumberFormat(locale, rest)).format(value);
}

/**
 * Delegation codes as a list in the person's language: "CH, MEX y US", "CH, MEX et US". English
 * keeps the negotiation notation's own form, "CH, MEX and US".
 */
export function formatSponsorList(codes: readonly string[], lang: Language = currentLanguage()): string {
  if (lang === 'en' || codes.length <= 1) return formatSponsors(codes);
  const locale = localeOf(lang);
  return formatter('list', locale, {}, () => new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' })).format(codes);
}

/** Used by i18next's interpolation formats so catalogues can write {{when, datetime}}. */
export function registerFormatters(): void {
  const formatter = i18n.services.formatter;
  if (!formatter) return;
  formatter.add('date', (value: Instant, lng) => formatDate(value, { lang: (lng ?? 'en') as Language }));
  formatter.add('datetime', (value: Instant, lng) => formatDateTime(value, { lang: (lng ?? 'en') as Language }));
  formatter.add('deadline', (value: Instant, lng) => formatDateTime(value, { lang: (lng ?? 'en') as Language, zone: true }));
  formatter.add('time', (value: Instant, lng) => formatTime(value, { lang: (lng ?? 'en') as Language }));
}
registerFormatters();

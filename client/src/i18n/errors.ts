import type { TFunction } from 'i18next';
import { formatDateTime, formatNumber } from './format';
import { currentLanguage, i18n } from './i18n';

type Details = Record<string, unknown>;

function asDetails(details: unknown): Details {
  return typeof details === 'object' && details !== null && !Array.isArray(details) ? (details as Details) : {};
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * A refusal in the person's language, built from the error code and its details. In English the
 * server's own sentence is the most precise and is shown as is; a code the catalogue does not
 * know falls back to it in every language.
 */
export function formatError(code: string, details: unknown, serverMessage: string, t: TFunction = i18n.t): string {
  const lang = currentLanguage();
  if (lang === 'en' && serverMessage !== '') return serverMessage;
  const d = asDetails(details);
  const key = specificKey(code, d);
  if (!key) return serverMessage;
  const values = interpolations(d);
  // With the count, so a plural key (wait_one / wait_other) is found.
  if (!i18n.exists(key, { ns: 'errors', lng: lang, ...values })) return serverMessage;
  return t(key, { ns: 'errors', ...values });
}

/** The catalogue key for a code, refined by what the details say. */
function specificKey(code: string, d: Details): string | null {
  switch (code) {
    case 'deadline_passed':
      return str(d.deadline) && d.reason !== 'phase' ? 'deadline_passed.at' : 'deadline_passed.phase';
    case 'cap_exceeded':
      return num(d.limit) !== undefined && num(d.used) !== undefined ? 'cap_exceeded.counted' : 'cap_exceeded.generic';
    case 'rate_limited':
      return num(d.retryAfterSeconds) !== undefined ? 'rate_limited.wait' : 'rate_limited.generic';
    case 'label_taken':
      return str(d.label) ? 'label_taken.label' : 'label_taken.generic';
    case 'conflict':
      return d.reason === 'writer_lapsed' ? 'writer_lapsed' : 'conflict';
    case 'bad_response':
      return num(d.status) !== undefined ? 'bad_response.status' : 'bad_response.generic';
    default:
      return /^[a-z_]+$/.test(code) ? code : null;
  }
}

function interpolations(d: Details): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const deadline = str(d.deadline);
  if (deadline) out.deadline = formatDateTime(deadline, { zone: true, ...(str(d.timeZone) ? { timeZone: str(d.timeZone) } : {}) });
  if (str(d.phase)) out.phase = i18n.t(`phase.${str(d.phase)}`, { ns: 'errors', defaultValue: str(d.phase) });
  const limit = num(d.limit);
  const used = num(d.used);
  if (limit !== undefined) {
    out.count = limit;
    out.limit = formatNumber(limit);
  }
  if (used !== undefined) out.used = formatNumber(used);
  if (str(d.key)) out.key = str(d.key);
  const seconds = num(d.retryAfterSeconds);
  if (seconds !== undefined) {
    out.count = seconds;
    out.seconds = formatNumber(seconds);
  }
  if (str(d.label)) out.label = str(d.label);
  const status = num(d.status);
  if (status !== undefined) out.status = status;
  return out;
}

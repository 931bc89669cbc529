/** The interface languages of the room: the OAS official languages. */
export const LANGUAGES = ['en', 'es', 'fr', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, as a language menu shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  pt: 'Português',
};

export const FALLBACK_LANGUAGE: Language = 'en';
export const STORAGE_KEY = 'omnibus.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's languages the room speaks ("es-MX" → "es"), or null. */
export function bestMatch(preferred: readonly string[]): Language | null {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return null;
}

function savedChoice(): Language | null {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : null;
  } catch {
    return null;
  }
}

/** The person's saved choice, else the browser's best match, else English. */
export function detectLanguage(): Language {
  const nav = globalThis.navigator;
  const preferred = nav ? (nav.languages?.length ? nav.languages : [nav.language]) : [];
  return savedChoice() ?? bestMatch(preferred.filter(Boolean)) ?? FALLBACK_LANGUAGE;
}

export function saveChoice(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing without storage: the choice lasts for this page only.
  }
}

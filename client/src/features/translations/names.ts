import type { LanguageCode } from '@omnibus/shared';
import { currentLanguage, localeOf } from '../../i18n';

/** A language named in the interface language: "inglés" in Spanish, "anglais" in French. */
export function languageName(code: LanguageCode | string): string {
  try {
    return new Intl.DisplayNames([localeOf(currentLanguage())], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Who may edit translations: the language services and the secretariat (the server decides again). */
export function canTranslate(role: string): boolean {
  return role === 'translator' || role === 'secretariat';
}

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

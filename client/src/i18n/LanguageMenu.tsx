import { useTranslation } from 'react-i18next';
import { chooseLanguage } from './i18n';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from './languages';

/** The interface language; the choice is remembered on this browser. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation('common');
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <label className="language-menu">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        value={current}
        aria-label={t('language.label')}
        onChange={(e) => {
          if (isLanguage(e.target.value)) void chooseLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {LANGUAGE_NAMES[lng]}
          </option>
        ))}
      </select>
    </label>
  );
}

// Omnibus speaks the four OAS languages through i18next, chosen for its namespaces: one catalogue
// per feature folder (locales/<lang>/<feature>.json), so strings of different features never share a file.
export { I18nextProvider, Trans, useTranslation } from 'react-i18next';
export { i18n, createI18n, chooseLanguage, currentLanguage } from './i18n';
export { LANGUAGES, LANGUAGE_NAMES, bestMatch, detectLanguage, isLanguage, type Language } from './languages';
export { formatDate, formatDateTime, formatNumber, formatSponsorList, formatTime, getCommitteeTimeZone, localeOf, setCommitteeTimeZone } from './format';
export { formatError } from './errors';
export { foldForSearch, matchesSearch } from './search';
export { LanguageMenu } from './LanguageMenu';
export { useT } from './useT';

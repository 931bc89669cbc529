import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FALLBACK_LANGUAGE, detectLanguage, isLanguage, saveChoice, type Language } from './languages';
import { NAMESPACES, resources } from './resources';

/** Keys asked for that no catalogue has ("ns:key"); the component tests fail on any. */
export const missingKeys: string[] = [];

/** A ready i18next instance; synchronous because every catalogue is bundled. */
export function createI18n(lng: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: ['en', 'es', 'fr', 'pt'],
    ns: NAMESPACES,
    defaultNS: 'common',
    fallbackNS: 'common',
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;" in the room.
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (_lngs, ns, key) => {
      if (missingKeys.length < 100) missingKeys.push(`${ns}:${key}`);
    },
  });
  return instance;
}

/** The room's instance: the person's language, detected once at start. */
export const i18n = createI18n(detectLanguage());

function reflectInDocument(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
reflectInDocument(i18n.language);
i18n.on('languageChanged', reflectInDocument);

/** Switches the interface language and remembers the choice for the next visit. */
export async function chooseLanguage(lng: Language): Promise<void> {
  saveChoice(lng);
  await i18n.changeLanguage(lng);
}

export function currentLanguage(instance: I18n = i18n): Language {
  const lng = instance.resolvedLanguage ?? instance.language;
  return isLanguage(lng) ? lng : FALLBACK_LANGUAGE;
}

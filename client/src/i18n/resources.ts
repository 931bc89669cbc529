import type { Resource } from 'i18next';
import { LANGUAGES } from './languages';

// Every catalogue is bundled with the client (no HTTP backend): locales/<lang>/<namespace>.json.
// One namespace per feature folder, so a new namespace is a new file and nothing here changes.
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

export const resources: Resource = {};
export const NAMESPACES: string[] = [];

for (const [path, catalogue] of Object.entries(files)) {
  const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match) continue;
  const [, lang, ns] = match as unknown as [string, string, string];
  if (!(LANGUAGES as readonly string[]).includes(lang)) continue;
  (resources[lang] ??= {})[ns] = catalogue;
  if (!NAMESPACES.includes(ns)) NAMESPACES.push(ns);
}

/**
 * Text folded for searching in any of the room's languages: case and accents ignored, so
 * "Secretaria" finds "Secretaría" and "securite" finds "Sécurité".
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase('en');
}

/** Whether `haystack` contains `needle`, ignoring case and accents. */
export function matchesSearch(haystack: string, needle: string): boolean {
  const n = foldForSearch(needle.trim());
  return n === '' || foldForSearch(haystack).includes(n);
}

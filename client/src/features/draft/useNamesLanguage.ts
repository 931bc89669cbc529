import { useReading } from '../translations/reading';

/**
 * The language the committee's names follow on screen: the reading language while a translation
 * is being read, so headings match the text under them; otherwise none (the interface language).
 */
export function useNamesLanguage(): string | null {
  const reading = useReading();
  return reading && reading.lang !== reading.original ? reading.lang : null;
}

import { useTranslation } from 'react-i18next';

/** The translation function of one feature's namespace, falling back to `common`. */
export function useT(ns: string) {
  return useTranslation([ns, 'common']).t;
}

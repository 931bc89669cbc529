import type { AmendmentView, ParagraphStatus, ParagraphView } from '@omnibus/shared';
import { isInPlay } from '@omnibus/shared/domain';
import { foldForSearch } from '../../i18n/search';

/**
 * How the draft screen sorts and filters paragraphs. Who may do what is no business of this file:
 * the server sends it with each view (`actions`, decided by server/src/access/access.policy.ts).
 */
const OPEN_STATUSES: readonly ParagraphStatus[] = ['pending', 'held', 'deferred'];

export const isOpen = (p: Pick<ParagraphView, 'status'>): boolean => OPEN_STATUSES.includes(p.status);

export const openAmendments = (p: ParagraphView): AmendmentView[] => p.amendments.filter((a) => a.status === 'proposed');

/** Whether the person's delegation sponsors the paragraph or one of its open amendments. */
export function involvesDelegation(p: ParagraphView, code: string): boolean {
  return p.sponsors.includes(code) || openAmendments(p).some((a) => a.sponsors.includes(code));
}

export interface Filters {
  withAmendments: boolean;
  mine: boolean;
  showClosed: boolean;
  query: string;
}

export const NO_FILTERS: Filters = { withAmendments: false, mine: false, showClosed: false, query: '' };

/** `shown` is the paragraph's text in the reading language when that is not the original: searched too. */
export function matches(p: ParagraphView, f: Filters, delegation: string | null, shown?: string | null): boolean {
  if (!f.showClosed && !isInPlay(p.status)) return false;
  if (f.withAmendments && openAmendments(p).length === 0) return false;
  if (f.mine && (delegation === null || !involvesDelegation(p, delegation))) return false;
  // Accents and case ignored, so "Secretaria" finds "Secretaría" in any of the four languages.
  const q = foldForSearch(f.query.trim());
  if (q !== '') {
    const haystack = foldForSearch([p.label, p.compiled, shown ?? '', ...(p.literals ?? []).map((l) => l.text)].join(' '));
    if (!haystack.includes(q)) return false;
  }
  return true;
}

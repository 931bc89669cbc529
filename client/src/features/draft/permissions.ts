import type { AmendmentView, ParagraphStatus, ParagraphView, UserView } from '@omnibus/shared';
import { isInPlay } from '@omnibus/shared/domain';
import { foldForSearch } from '../../i18n/search';

/**
 * What the screen offers to whom. The server decides every request again (server/src/access); these
 * only keep people from being offered buttons that would be refused.
 */
const OPEN_STATUSES: readonly ParagraphStatus[] = ['pending', 'held', 'deferred'];

export const isOpen = (p: Pick<ParagraphView, 'status'>): boolean => OPEN_STATUSES.includes(p.status);

/** Observers read; language services translate through their own screen and do not touch the original. */
export function canAddParagraphs(user: UserView): boolean {
  return user.role !== 'observer' && user.role !== 'translator';
}

/** A new paragraph's sponsors edit its words themselves; every other delegation brackets them. */
export function canAmend(user: UserView, p: ParagraphView): boolean {
  if (user.role !== 'delegate' || user.delegation === null || !isOpen(p)) return false;
  return p.origin !== 'delegation' || !p.sponsors.includes(user.delegation);
}

/** A delegation may ask to join the sponsors of another delegation's open new paragraph, once. */
export function canAskToCosponsor(user: UserView, p: ParagraphView): boolean {
  const own = user.delegation;
  if (user.role !== 'delegate' || own === null || p.origin !== 'delegation' || !isOpen(p)) return false;
  return !p.sponsors.includes(own) && !p.invited.includes(own) && !(p.requested ?? []).includes(own);
}

const DRAFTERS: readonly UserView['role'][] = ['chair', 'vice_chair', 'secretariat'];

/** Who may change a paragraph's own text (and a mandates paragraph's literals): the drafters for the Chair's text, the sponsors for a delegation's proposal. */
export function canEditText(user: UserView, p: ParagraphView): boolean {
  if (!isOpen(p)) return false;
  if (p.origin === 'delegation') return user.role === 'delegate' && user.delegation !== null && p.sponsors.includes(user.delegation);
  return DRAFTERS.includes(user.role);
}

/** The proposer is listed first among the sponsors. */
export function proposedAmendment(user: UserView, a: AmendmentView): boolean {
  return user.delegation !== null && a.sponsors[0] === user.delegation;
}

export function proposedParagraph(user: UserView, p: ParagraphView): boolean {
  return user.delegation !== null && p.origin === 'delegation' && p.sponsors[0] === user.delegation;
}

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

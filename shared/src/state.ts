import type { ParagraphOrigin, ParagraphState } from './domain';

/**
 * The methodology's classification: a paragraph proposed by delegations is new; a paragraph of the
 * Chair's draft (or an entity's proposal) is amended while any delegation's amendment to it is open,
 * and in consensus otherwise.
 */
export function paragraphState(origin: ParagraphOrigin, openAmendments: number): ParagraphState {
  if (origin === 'delegation') return 'new';
  return openAmendments > 0 ? 'amended' : 'consensus';
}

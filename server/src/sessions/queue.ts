import { DraftView, ParagraphStatus, QUEUE_GROUPS, Tally } from '@omnibus/shared';

export type QueueGroup = (typeof QUEUE_GROUPS)[number];

export interface QueueCandidate {
  paragraphId: string;
  group: QueueGroup;
  returning: boolean;
}

/** Paragraphs a session considers: still in play and not yet approved. */
const DECIDABLE: readonly ParagraphStatus[] = ['pending', 'held', 'deferred'];

export function isDecidable(status: ParagraphStatus): boolean {
  return DECIDABLE.includes(status);
}

/**
 * The seed's order of consideration: "the Chair will first submit … the paragraphs that in
 * principle enjoy consensus. Thereafter, the paragraphs with proposed amendments …, followed by
 * the new paragraphs sent by delegations", each group in document order. Paragraphs held for
 * informal consultations or deferred by an earlier session come back into their group.
 */
export function buildQueue(draft: DraftView, exclude: ReadonlySet<string>): QueueCandidate[] {
  const groups: Record<QueueGroup, QueueCandidate[]> = { consensus: [], amended: [], new: [] };
  for (const s of draft.sections) {
    for (const p of s.paragraphs) {
      if (!isDecidable(p.status) || exclude.has(p.id)) continue;
      groups[p.state].push({ paragraphId: p.id, group: p.state, returning: p.status !== 'pending' });
    }
  }
  return QUEUE_GROUPS.flatMap((g) => groups[g]);
}

/** The running tally over the paragraphs in play: "47 of 118 approved". */
export function tallyOf(statuses: readonly ParagraphStatus[]): Tally {
  const count = (s: ParagraphStatus) => statuses.filter((x) => x === s).length;
  const deleted = count('deleted') + count('withdrawn');
  const total = statuses.length - deleted;
  const approved = count('approved');
  return {
    approved,
    total,
    held: count('held'),
    deferred: count('deferred'),
    pending: count('pending'),
    deleted,
    text: `${approved} of ${total} approved`,
  };
}

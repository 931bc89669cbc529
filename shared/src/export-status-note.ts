/**
 * The line a compilation text prints under each paragraph, "(amended; held in brackets)", so that
 * a reader sees where the paragraph stands and an import of the text restores its status.
 */
import { PARAGRAPH_STATES, PARAGRAPH_STATUSES, ParagraphState, ParagraphStatus } from './domain';

const STATUS_WORDS: Record<ParagraphStatus, string> = {
  pending: 'pending',
  approved: 'approved',
  held: 'held in brackets',
  deferred: 'deferred',
  deleted: 'deleted',
  withdrawn: 'withdrawn',
};

export function statusWords(status: ParagraphStatus): string {
  return STATUS_WORDS[status];
}

export function formatStatusNote(state: ParagraphState, status: ParagraphStatus): string {
  return `(${state}; ${STATUS_WORDS[status]})`;
}

const NOTE = new RegExp(
  `^\\((${PARAGRAPH_STATES.join('|')}); (${PARAGRAPH_STATUSES.map((s) => STATUS_WORDS[s]).join('|')})\\)$`,
  'i',
);

export function parseStatusNote(line: string): { state: ParagraphState; status: ParagraphStatus } | null {
  const m = NOTE.exec(line.trim());
  if (!m) return null;
  const state = PARAGRAPH_STATES.find((s) => s === m[1]?.toLowerCase());
  const status = PARAGRAPH_STATUSES.find((s) => STATUS_WORDS[s] === m[2]?.toLowerCase());
  return state && status ? { state, status } : null;
}

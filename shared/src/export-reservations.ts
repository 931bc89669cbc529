/** Reservations (a delegation's footnote to an approved paragraph) as the exports print them. */
import type { ParagraphView, ReservationNote } from './domain';
import { MEMBER_STATES, delegationName, findMemberState } from './delegations';

export function reservationsOf(p: ParagraphView): ReservationNote[] {
  // Snapshots published before reservations existed have no such field.
  return (p.reservations ?? []).filter((r) => r.text.trim() !== '');
}

/** "Mexico: …" — the footnote names the state whose reservation it is, unless its text already does. */
export function reservationFootnote(r: Pick<ReservationNote, 'delegation' | 'text'>): string {
  const name = delegationName(r.delegation) ?? r.delegation;
  const text = r.text.trim();
  // A text that itself opens with "Chile: " keeps the prefix, or reading it back would take that for ours.
  return text.toLowerCase().includes(name.toLowerCase()) && namedPrefix(text) === null ? text : `${name}: ${text}`;
}

function namedPrefix(text: string): string | null {
  const colon = text.indexOf(': ');
  return colon > 0 ? (findMemberState(text.slice(0, colon))?.code ?? null) : null;
}

/**
 * The reservation a footnote printed by `reservationFootnote` holds: "Mexico: text" names its
 * delegation before the colon; otherwise the first member state the text names is the one whose
 * reservation it is. Null delegation when the footnote names none.
 */
export function parseReservationFootnote(footnote: string): { delegation: string | null; text: string } {
  const text = footnote.trim();
  const named = namedPrefix(text);
  if (named !== null) return { delegation: named, text: text.slice(text.indexOf(': ') + 2).trim() };
  const lower = text.toLowerCase();
  let best: { code: string; at: number } | null = null;
  for (const state of MEMBER_STATES) {
    const at = lower.indexOf(state.name.toLowerCase());
    if (at >= 0 && (best === null || at < best.at)) best = { code: state.code, at };
  }
  return { delegation: best?.code ?? null, text };
}

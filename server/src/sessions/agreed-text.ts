import type { AmendmentKind } from '@omnibus/shared';

export interface ApplicableAmendment {
  id: string;
  kind: AmendmentKind;
  start: number;
  end: number;
  text: string;
  alternativeGroup: string | null;
}

export type AgreedTextResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Where an insertion that is not agreed stood between two spaces ("the SMS ␣[CAN: , through …]␣
 * provide"), the base text keeps both; one goes with the bracket, so that no agreed text carries
 * a double space into the record and every export.
 */
function closedGaps(base: string, accepted: readonly ApplicableAmendment[], dropped: readonly ApplicableAmendment[]): ApplicableAmendment[] {
  const gaps = new Map<number, ApplicableAmendment>();
  for (const d of dropped) {
    if (d.start !== d.end || base[d.start - 1] !== ' ' || base[d.start] !== ' ') continue;
    if (accepted.some((a) => a.start <= d.start + 1 && d.start <= a.end)) continue;
    gaps.set(d.start, { id: `gap-${d.start}`, kind: 'delete', start: d.start, end: d.start + 1, text: '', alternativeGroup: null });
  }
  return [...gaps.values()];
}

/**
 * The text once the accepted amendments are written in: insertions at their point, deletions
 * removed, replacements and the chosen alternative in place of their words. Proposals that touch
 * the same words cannot all be agreed at once; the chair then states the agreed text instead.
 * `dropped` are the proposals the decision does not take up: an insertion's double space closes.
 */
export function applyAmendments(base: string, accepted: readonly ApplicableAmendment[], dropped: readonly ApplicableAmendment[] = []): AgreedTextResult {
  const groups = new Set<string>();
  for (const a of accepted) {
    if (a.alternativeGroup === null) continue;
    if (groups.has(a.alternativeGroup)) return { ok: false, reason: 'two alternatives for the same words cannot both be accepted' };
    groups.add(a.alternativeGroup);
  }
  const ordered = [...accepted].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1]!;
    const next = ordered[i]!;
    const touches = next.start < prev.end || (next.start === prev.start && (prev.start === prev.end) === (next.start === next.end));
    if (touches) return { ok: false, reason: 'the accepted amendments change the same words' };
  }
  let text = base;
  const edits = [...ordered, ...closedGaps(base, ordered, dropped)].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const a of edits.reverse()) {
    const replacement = a.kind === 'delete' ? '' : a.text;
    text = text.slice(0, a.start) + replacement + text.slice(a.end);
  }
  return { ok: true, text };
}

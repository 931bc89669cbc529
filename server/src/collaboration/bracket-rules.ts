import {
  BASE_SPAN,
  CollabRefusal,
  DeltaProjection,
  LIMITS,
  ParagraphOrigin,
  ParagraphStatus,
  ProjectedBracket,
  newBracketRefusal,
  paragraphTextProblem,
  spanRefusal,
} from '@omnibus/shared';
import { MUTABLE_STATUSES, denialReason, paragraphEditRights } from '../access/access.policy';
import type { Actor } from '../auth/actor';

/** What the server knows about a paragraph when it judges an edit to its text. */
export interface ParagraphFacts {
  id: string;
  label: string;
  status: ParagraphStatus;
  origin: ParagraphOrigin;
  /** Delegation codes sponsoring a delegation's new paragraph. */
  sponsors: string[];
}

export interface EditJudge {
  actor: Actor;
  committeeId: string;
  /** Delegation ids by code, to ask the access policy in its own terms. */
  delegationIds: ReadonlyMap<string, string>;
  /** Every amendment id the draft has ever had, so a new bracket cannot reuse one. */
  isKnownAmendment(id: string): boolean;
}

export type EditVerdict =
  | { ok: true; created: ProjectedBracket[] }
  | { ok: false; reason: CollabRefusal; message: string; amendmentId?: string };

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const refuse = (reason: CollabRefusal, message: string, amendmentId?: string): EditVerdict =>
  amendmentId === undefined ? { ok: false, reason, message } : { ok: false, reason, message, amendmentId };

function sameBracket(a: ProjectedBracket, b: ProjectedBracket): boolean {
  return a.kind === b.kind && a.sponsors.join(',') === b.sponsors.join(',') && a.alternativeGroup === b.alternativeGroup && a.alternativeNumber === b.alternativeNumber;
}

/**
 * Whether `actor` may turn a paragraph's text from `before` into `after`. Attribution is the
 * server's: a bracket keeps its kind and sponsors, only its sponsors change its words, nobody
 * removes one (withdrawal and the chair's decisions go through the API), and a new bracket is
 * proposed in the actor's own delegation's name alone. The access policy gives the rights and
 * shared/src/edit-rules.ts (which the live editor runs on every keystroke too) applies them; the
 * policy's sentences explain a refusal.
 */
export function judgeParagraphEdit(p: ParagraphFacts, before: DeltaProjection, after: DeltaProjection, judge: EditJudge): EditVerdict {
  if (!after.ok) return refuse('bracket_malformed', `Paragraph ${p.label}: ${after.problem}.`, after.amendmentId);
  if (!before.ok) {
    // The stored text is already inconsistent (it can only come from concurrent edits on two instances): judge on the result alone.
    return judgeParagraphEdit(p, { ok: true, base: after.base, brackets: after.brackets }, after, judge);
  }
  if (!MUTABLE_STATUSES.includes(p.status)) {
    return refuse('paragraph_closed', `Paragraph ${p.label} is ${p.status}; its text can no longer change.`);
  }
  const proposedLength = after.brackets.reduce((n, b) => n + b.text.length, 0);
  if (after.base.length > LIMITS.paragraphText || proposedLength > LIMITS.paragraphText) {
    return refuse('oversized', `Paragraph ${p.label} would exceed ${LIMITS.paragraphText} characters of text or of proposals.`);
  }
  if (CONTROL_CHARS.test(after.base) || after.brackets.some((b) => CONTROL_CHARS.test(b.text))) {
    return refuse('control_characters', `Paragraph ${p.label}: control characters have no place in a resolution.`);
  }
  // Every character is scanned on every keystroke (a linear pass), but whether a bracket's edges split
  // a character (a grapheme segmentation each) is asked only of brackets that are new or moved: with the
  // base text unchanged, the others were judged when they were written, and a paragraph may hold dozens.
  const baseChanged = before.base !== after.base;
  const beforeById = new Map(before.brackets.map((b) => [b.id, b]));
  const moved = (b: ProjectedBracket) => {
    const was = beforeById.get(b.id);
    return baseChanged || was === undefined || was.start !== b.start || was.end !== b.end || was.text !== b.text;
  };
  const unsafe = paragraphTextProblem(after.base, after.brackets, moved);
  if (unsafe !== null) return refuse('control_characters', `Paragraph ${p.label}: ${unsafe}.`);
  const { actor, committeeId } = judge;
  const ids = (codes: readonly string[]) => codes.map((c) => judge.delegationIds.get(c)).filter((x): x is string => x !== undefined);
  const sponsorIds = ids(p.sponsors);
  const rights = paragraphEditRights(actor, committeeId, { origin: p.origin, status: p.status, sponsorDelegationIds: sponsorIds });
  if (before.base !== after.base && spanRefusal(rights, BASE_SPAN) !== null) {
    const denied = denialReason(actor, { action: 'paragraph.edit', committeeId, origin: p.origin, sponsorDelegationIds: sponsorIds });
    return refuse('base_text', `Paragraph ${p.label}: ${denied ?? ''} Type inside a bracket of your delegation, or start a new one.`);
  }
  const afterById = new Map(after.brackets.map((b) => [b.id, b]));
  for (const b of before.brackets) {
    const a = afterById.get(b.id);
    if (!a) {
      return refuse(
        'bracket_removed',
        `Paragraph ${p.label}: the bracket of ${b.sponsors.join(', ')} cannot be removed by editing; its sponsors withdraw it, or the chair records a decision.`,
        b.id,
      );
    }
    if (!sameBracket(a, b)) {
      return refuse('bracket_forged', `Paragraph ${p.label}: who sponsors a bracket and what kind it is are kept by the server and cannot be edited.`, b.id);
    }
    if ((a.text !== b.text || a.words !== b.words) && spanRefusal(rights, { kind: 'bracket', sponsors: b.sponsors }) !== null) {
      const denied = denialReason(actor, { action: 'amendment.edit', committeeId, sponsorDelegationIds: ids(b.sponsors) });
      return refuse('bracket_foreign', `Paragraph ${p.label}: ${denied ?? ''}`, b.id);
    }
  }
  const beforeIds = new Set(before.brackets.map((b) => b.id));
  const created = after.brackets.filter((b) => !beforeIds.has(b.id));
  for (const b of created) {
    const refusal = newBracketRefusal(rights, b.sponsors);
    if (refusal === 'bracket_not_allowed') {
      const denied = denialReason(actor, { action: 'amendment.create', committeeId });
      return refuse('bracket_not_allowed', `Paragraph ${p.label}: ${denied ?? ''}`, b.id);
    }
    if (refusal === 'bracket_forged') {
      return refuse(
        'bracket_forged',
        `A new bracket is proposed in your delegation's name only (${actor.delegationCode ?? 'none'}); invite co-sponsors through the API, and they join when they accept.`,
        b.id,
      );
    }
    if (judge.isKnownAmendment(b.id)) return refuse('bracket_forged', `Bracket id ${b.id} is already taken; a new bracket needs a fresh UUID.`, b.id);
  }
  return { ok: true, created };
}

import { z } from 'zod';
import { AMENDMENT_KINDS, PARAGRAPH_KINDS } from './domain';
import { describeUnsafeCharacter, findUnsafeCharacter, type TextRules } from './text-hygiene';

/** Limits every input must respect; the server refuses anything larger with a clear error. */
export const LIMITS = {
  paragraphText: 10_000,
  literalText: 4_000,
  literals: 26,
  cosponsors: 34,
  title: 400,
  symbol: 80,
  username: 64,
  password: 200,
} as const;

/**
 * A string free of what can deceive a reader or break a tool (text-hygiene.ts): the issue names
 * the character and its position, and carries them as `params.character` for the error's details.
 * Checked before any trimming, so the position is the one in the text as sent.
 */
export const cleanString = (rules: TextRules = {}) =>
  z.string().superRefine((s, ctx) => {
    const found = findUnsafeCharacter(s, rules);
    if (found !== null) ctx.addIssue({ code: 'custom', message: describeUnsafeCharacter(found), params: { character: found } });
  });

/** Resolution text: several lines and tabs allowed, nothing hidden. */
export const resolutionText = (max: number) => cleanString({ newlines: true, tabs: true }).max(max, `must be at most ${max} characters`);

export const delegationCode = z.string().regex(/^[A-Za-z]{2,4}$/, 'must be a delegation code such as MEX or CH');

export const loginRequest = z.strictObject({
  username: cleanString().min(1).max(LIMITS.username),
  password: z.string().min(1).max(LIMITS.password),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const literalInput = z.strictObject({
  label: z.string().regex(/^[a-z]{1,2}$/, 'must be a letter such as a or b').optional(),
  text: resolutionText(LIMITS.literalText).min(1, 'must not be empty'),
});

export const createParagraphRequest = z.strictObject({
  sectionId: z.uuid(),
  kind: z.enum(PARAGRAPH_KINDS),
  text: resolutionText(LIMITS.paragraphText).refine((s) => s.trim().length > 0, 'must not be empty'),
  afterParagraphId: z.uuid().nullable().optional(),
  label: cleanString().min(1).max(40).optional(),
  literals: z.array(literalInput).max(LIMITS.literals).optional(),
  /** Only the caller's own delegation may be named here; others are invited through `cosponsors`. */
  sponsors: z.array(delegationCode).max(LIMITS.cosponsors + 1).optional(),
  cosponsors: z.array(delegationCode).max(LIMITS.cosponsors).optional(),
});
export type CreateParagraphRequest = z.infer<typeof createParagraphRequest>;

export const updateParagraphRequest = z
  .strictObject({
    text: resolutionText(LIMITS.paragraphText).refine((s) => s.trim().length > 0, 'must not be empty').optional(),
    literals: z.array(literalInput).max(LIMITS.literals).optional(),
    version: z.int().positive().optional(),
  })
  .refine((b) => b.text !== undefined || b.literals !== undefined, 'give text or literals to change');
export type UpdateParagraphRequest = z.infer<typeof updateParagraphRequest>;

export const moveParagraphRequest = z.strictObject({
  sectionId: z.uuid(),
  afterParagraphId: z.uuid().nullable().optional(),
});
export type MoveParagraphRequest = z.infer<typeof moveParagraphRequest>;

export const createAmendmentRequest = z.strictObject({
  kind: z.enum(AMENDMENT_KINDS),
  start: z.int().min(0).max(LIMITS.paragraphText),
  end: z.int().min(0).max(LIMITS.paragraphText),
  text: resolutionText(LIMITS.paragraphText).default(''),
  /** For an alternative: the id of an alternative already proposed for the same words. */
  alternativeTo: z.uuid().optional(),
  sponsors: z.array(delegationCode).max(LIMITS.cosponsors + 1).optional(),
  cosponsors: z.array(delegationCode).max(LIMITS.cosponsors).optional(),
});
export type CreateAmendmentRequest = z.infer<typeof createAmendmentRequest>;

export const updateAmendmentRequest = z.strictObject({
  text: resolutionText(LIMITS.paragraphText),
  version: z.int().positive().optional(),
});
export type UpdateAmendmentRequest = z.infer<typeof updateAmendmentRequest>;

export const inviteCosponsorsRequest = z.strictObject({
  cosponsors: z.array(delegationCode).min(1).max(LIMITS.cosponsors),
});

const capLimit = z.int().min(0).max(10_000);
export const capsConfigSchema = z.strictObject({
  preamble: capLimit,
  topicSubstantive: capLimit,
  topicMandates: capLimit,
  entity: capLimit,
  entityMandates: capLimit,
  general: capLimit,
  generalReaffirming: capLimit,
  generalFollowUp: capLimit,
  total: capLimit,
});

export const createDraftRequest = z.strictObject({
  title: cleanString().trim().min(1).max(LIMITS.title),
  symbol: cleanString().trim().min(1).max(LIMITS.symbol),
  caps: capsConfigSchema.partial().optional(),
});
export type CreateDraftRequest = z.infer<typeof createDraftRequest>;

export const updateCapsRequest = capsConfigSchema.partial();

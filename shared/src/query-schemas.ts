/** Query strings of the read endpoints that page or compare. */
import { z } from 'zod';

export const historyQuery = z.strictObject({
  /** The last event id already seen: the page starts after it. */
  after: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  /** Only the events of this paragraph, amendment or section. */
  targetId: z.uuid().optional(),
});

const versionSide = z.union([z.literal('live'), z.uuid()], { message: 'must be a version id or "live"' });
export const redlineQuery = z.strictObject({ from: versionSide, to: versionSide.default('live') });

/** The most paragraphs one call of GET /api/drafts/{id}/paragraphs may ask for. */
export const MAX_PARAGRAPHS_PER_CALL = 200;

/**
 * Which paragraphs of a draft to read: `ids=<uuid>,<uuid>,…`, 1 to 200 of them (counted as written);
 * parsed into the distinct ids in the order first asked.
 */
export const draftParagraphsQuery = z.strictObject({
  ids: z
    .string({ error: 'give the paragraph ids, separated by commas (ids=<uuid>,<uuid>)' })
    .transform((s) => (s.trim() === '' ? [] : s.split(',').map((id) => id.trim())))
    .pipe(
      z
        .array(z.uuid({ error: 'is not a paragraph id (a UUID)' }))
        .min(1, { error: 'give at least one paragraph id' })
        .max(MAX_PARAGRAPHS_PER_CALL, { error: `give at most ${MAX_PARAGRAPHS_PER_CALL} paragraph ids in one call` }),
    )
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
});

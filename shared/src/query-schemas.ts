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

import type { z } from 'zod';

/**
 * One documented endpoint. Adding an endpoint to the API description is adding one of these to a
 * table (API_OPERATIONS, or a feature's own table spread into it); the route-drift test fails
 * until the table and the controllers agree.
 */
export interface ApiOperation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI template with the controller's own parameter names: '/api/sessions/{id}/queue/{paragraphId}/skip'. */
  path: string;
  summary: string;
  /** JSON request body, the same schema the controller validates with. */
  body?: z.ZodType;
  /** A body that is not JSON, by media type (an imported document). */
  rawBody?: Record<string, z.ZodType>;
  /** The query string, the same schema the controller validates with. */
  query?: z.ZodObject;
  /** Path parameters that are not entity ids (every other `{name}` is documented as a UUID). */
  params?: Record<string, z.ZodType>;
  /** Success status. */
  ok: number;
  /** The success body as JSON … */
  response?: z.ZodType;
  /** … and/or, for files and feeds, by media type (at least one of the two, unless ok is 204). */
  media?: Record<string, z.ZodType>;
  /** Served without a bearer token. */
  public?: boolean;
  /** Error statuses besides 401 (implied unless public); each answers `Error`. */
  errors?: number[];
}

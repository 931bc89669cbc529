import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@omnibus/shared';
import type { Request, Response } from 'express';
import { AppError, notFound } from './app-error';
import { httpStatusFor } from './http-status';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Seconds a client should wait before trying again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Turns whatever was thrown into `{ error, message, details? }` with the fitting status. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    const outage = isDatabaseOutage(exception);
    const body = outage ? databaseAway() : hideForeignObjects(this.toBody(exception), req);
    const status = httpStatusFor(body.error);
    if (outage) this.logger.warn(`${req.method} ${req.path}: the database is not reachable (${describe(exception)})`);
    else if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    const retryAfter = retryAfterOf(body, status);
    if (retryAfter !== null) res.setHeader('Retry-After', String(retryAfter));
    res.status(status).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppError) {
      return exception.details === undefined
        ? { error: exception.code, message: exception.message }
        : { error: exception.code, message: exception.message, details: exception.details };
    }
    const parserError = exception as BodyParserError;
    if (parserError?.type === 'entity.parse.failed') {
      return { error: 'invalid_json', message: 'The request body is not valid JSON.' };
    }
    if (parserError?.type === 'entity.too.large') {
      return { error: 'payload_too_large', message: 'The request body is larger than the 256 kB the API accepts.' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = codeForStatus(status);
      const message = status === 404 ? 'No such endpoint. The API is described at /api/docs.' : exception.message;
      return { error: code, message };
    }
    return { error: 'internal', message: 'Something went wrong on the server; the change was not made. Try again.' };
  }
}

function databaseAway(): ErrorBody {
  return {
    error: 'unavailable',
    message: `The database is not reachable right now; nothing was changed. Try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds.`,
  };
}

// Connection-level failures (node-postgres / Node sockets) and PostgreSQL's own "not now" codes:
// admin or crash shutdown (57P01–57P03), connection exceptions (08…), too many connections (53300).
const OUTAGE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// TypeORM's word for a connection that died mid-transaction (pg dropped it when the socket closed).
const OUTAGE_NAMES = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);
const OUTAGE_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to/i;

/** Whether `exception` says the database is away (rather than that the request or the code is wrong). */
export function isDatabaseOutage(exception: unknown): boolean {
  for (let e: unknown = exception, depth = 0; e !== null && typeof e === 'object' && depth < 4; depth += 1) {
    const err = e as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown };
    const code = typeof err.code === 'string' ? err.code : '';
    if (typeof err.name === 'string' && OUTAGE_NAMES.has(err.name)) return true;
    if (OUTAGE_ERRNOS.has(code) || /^(08|57P0[1-3]$|53300$)/.test(code)) return true;
    if (typeof err.message === 'string' && OUTAGE_MESSAGES.test(err.message)) return true;
    e = err.driverError ?? err.cause;
  }
  return false;
}

function describe(exception: unknown): string {
  const e = exception as { code?: string; message?: string } | null;
  return [e?.code, e?.message].filter(Boolean).join(': ') || String(exception);
}

/** Where the first id of a route's path names what the request is about, and how a 404 calls it. */
const ROUTE_RESOURCES: Record<string, string> = {
  drafts: 'draft',
  paragraphs: 'paragraph',
  amendments: 'amendment',
  sessions: 'approval session',
  consultations: 'informal consultation',
  silence: 'silence procedure',
  sponsorships: 'invitation',
  versions: 'version',
};

/**
 * A 404 must not tell a caller anything about objects beyond their reach: one that names an id the
 * caller never sent (another committee's draft behind its paragraph) becomes the 404 of the object
 * the route addresses, word for word what an unknown id gets.
 */
function hideForeignObjects(body: ErrorBody, req: Request): ErrorBody {
  if (body.error !== 'not_found') return body;
  const named = (body.details as { id?: unknown } | undefined)?.id;
  if (typeof named !== 'string') return body;
  const sent = `${req.originalUrl ?? req.url} ${req.body === undefined ? '' : JSON.stringify(req.body)}`;
  if (sent.includes(named)) return body;
  const match = /^\/api\/([a-z-]+)\/([^/?]+)/.exec(req.path);
  const resource = match ? ROUTE_RESOURCES[match[1]!] : undefined;
  if (!match || resource === undefined) return { error: 'not_found', message: 'Nothing exists at this address, or you may not see it.' };
  const e = notFound(resource, decodeURIComponent(match[2]!).slice(0, 80));
  return { error: 'not_found', message: e.message, details: e.details };
}

/** Seconds a client should wait: every 429 and 503 says it; `details.retryAfterSeconds` when the refusal knows. */
function retryAfterOf(body: ErrorBody, status: number): number | null {
  const given = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof given === 'number' && Number.isFinite(given) && given >= 0) return Math.ceil(given);
  if (status === 429) return 60;
  return status === 503 ? DATABASE_RETRY_AFTER_SECONDS : null;
}

function codeForStatus(status: number): ErrorCode {
  if (status === 404) return 'not_found';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'validation_failed';
  return 'internal';
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@omnibus/shared';
import type { Response } from 'express';
import { AppError } from './app-error';
import { httpStatusFor } from './http-status';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Turns whatever was thrown into `{ error, message, details? }` with the fitting status. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    const status = httpStatusFor(body.error);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
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

/** Seconds a client should wait: every 429 says it (so does a 503 that knows); `details.retryAfterSeconds` when the refusal knows. */
function retryAfterOf(body: ErrorBody, status: number): number | null {
  const given = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof given === 'number' && Number.isFinite(given) && given >= 0) return Math.ceil(given);
  return status === 429 ? 60 : null;
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

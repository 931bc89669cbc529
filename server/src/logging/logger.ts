import type { LoggerService } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { AppConfig } from '../config/config';

export type RootLogger = Logger;

/** The header a request id arrives and leaves in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A request id chosen by the caller (a proxy, a test) is kept only when it is a short plain token. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's request id when it is sane, else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * The process's one logger: JSON lines on stdout in production (NODE_ENV=production) for a log
 * collector; readable lines in development when pino-pretty is installed (a development
 * dependency, never needed in production), JSON otherwise. The level is LOG_LEVEL.
 */
export function createRootLogger(config: Pick<AppConfig, 'logging' | 'production'>, destination?: DestinationStream): RootLogger {
  const options: pino.LoggerOptions = {
    level: config.logging.level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Nothing secret reaches a log line, whichever object a caller hands over.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'auth.token', 'token', 'password'], censor: '[redacted]' },
  };
  if (destination) return pino(options, destination);
  if (!config.production && config.logging.level !== 'silent') {
    const pretty = prettyStream();
    if (pretty) return pino(options, pretty);
  }
  return pino(options);
}

/** pino-pretty as a stream in this thread (no worker), when it is installed; null when it is not. */
function prettyStream(): DestinationStream | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (opts: Record<string, unknown>) => DestinationStream;
    return pretty({
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,context,req,res,responseTime,requestId',
      messageFormat: '{if context}[{context}] {end}{msg}{if requestId} ({requestId}){end}',
      singleLine: true,
      sync: true,
    });
  } catch {
    return null;
  }
}

/** A path as logged: without its query, and with the calendar feed's secret key left out. */
export function loggedPath(url: string | undefined): string {
  const path = (url ?? '').split('?')[0] ?? '';
  return path.replace(/(\/calendar\/feed\/)[^/]+/, '$1[key]');
}

/**
 * One line per HTTP request when it is answered: method, path, status, duration and the request
 * id, which is also echoed in the X-Request-Id response header and bound to every line logged
 * while the request is handled.
 */
export function createHttpLogger(root: RootLogger): HttpLogger {
  return pinoHttp({
    logger: root,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
    customLogLevel: (_req, res, err) => (err !== undefined || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res, responseTime) => `${req.method ?? ''} ${loggedPath(req.url)} ${res.statusCode} ${Math.round(responseTime)} ms`,
    customErrorMessage: (req, res, err) => `${req.method ?? ''} ${loggedPath(req.url)} ${res.statusCode} failed: ${err.message}`,
    serializers: {
      req: (req: { method?: string; url?: string; raw?: IncomingMessage }) => ({
        method: req.method,
        path: loggedPath(req.url),
        remoteAddress: req.raw?.socket?.remoteAddress,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  });
}

/** Logs a failure nobody foresaw with its stack, through a Nest logger (which pino carries). */
export function logFailure(logger: Pick<LoggerService, 'error'>, what: string, err: unknown): void {
  if (err instanceof Error && err.stack !== undefined && /\n\s*at /.test(err.stack)) logger.error(`${what}: ${err.message}`, err.stack);
  else logger.error(`${what}: ${err instanceof Error ? err.message : String(err)}`);
}

/** Nest's own start-up chatter (a line per module and route, ~130 lines): worth seeing at debug, not at info. */
const FRAMEWORK_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController', 'NestFactory', 'NestApplication']);

/** The Nest logger the app uses: nestjs-pino's, with Nest's start-up lines moved down to debug. */
export class AppLogger implements LoggerService {
  constructor(private readonly inner: LoggerService & { debug: NonNullable<LoggerService['debug']> }) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) this.inner.debug(message, ...rest);
    else this.inner.log(message, ...rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.inner.error(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.inner.warn(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.inner.debug(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    (this.inner.verbose ?? this.inner.debug).call(this.inner, message, ...rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...rest);
  }
}

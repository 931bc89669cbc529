import { z } from 'zod';
import { parseTrustProxy } from '../auth/guard-config';
import { StartupError } from '../database/startup-error';

/**
 * Every environment variable the server reads, in one place: its type, default, range and meaning.
 * `parseEnvironment` reads them all at once and reports every problem in one error; the README's
 * table of variables is rendered from this list (`variablesTable`, checked by schema.spec.ts).
 * Nothing else in the server reads `process.env`: main.ts hands it here, and the parsed result
 * reaches the modules through Nest (APP_CONFIG).
 */

/** A raw value: unset and the empty string both mean "not set". */
type Raw = string | undefined;

interface Variable<T> {
  /** Turns the raw value into the setting; any issue it raises is reported as `problem`. */
  schema: z.ZodType<T, Raw>;
  /** The README's default column (Markdown). */
  shown: string;
  /** One line for the README's meaning column (Markdown). */
  description: string;
  /** What a valid value is, completing "NAME must be …" (unless the schema says it more precisely), and the README's accepts column. */
  expected: string;
  /** Never echoed back in an error (passwords, secrets). */
  secret?: boolean;
}

function unset(raw: Raw): raw is undefined {
  return raw === undefined || raw === '';
}

/** Turns `parse(raw)` into a zod schema; `parse` returns the setting, or `{ problem }` completing "NAME …". */
function parsed<T>(parse: (raw: string) => T | { problem: string }, fallback: () => T): z.ZodType<T, Raw> {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      if (unset(raw)) return fallback();
      const out = parse(raw);
      if (out !== null && typeof out === 'object' && 'problem' in out) {
        ctx.addIssue({ code: 'custom', message: out.problem });
        return z.NEVER;
      }
      return out as T;
    });
}

/** A number from the environment (whole or not), `min` to `max` inclusive, checked by zod. */
function numeric(whole: boolean, def: number, min: number, max: number, description: string): Variable<number> {
  const check = whole ? z.number().int().min(min).max(max) : z.number().min(min).max(max);
  return {
    schema: z
      .string()
      .optional()
      .transform((raw) => (unset(raw) ? def : Number(raw)))
      .pipe(check),
    shown: String(def),
    description,
    expected: `a ${whole ? 'whole number' : 'number'} between ${min} and ${max}`,
  };
}

const wholeNumber = (def: number, min: number, max: number, description: string) => numeric(true, def, min, max, description);
const decimal = (def: number, min: number, max: number, description: string) => numeric(false, def, min, max, description);

/** Free text, or `fallback` when unset (null: no value). */
function text<T extends string | null>(fallback: () => T, shown: string, description: string): Variable<string | T> {
  return { schema: parsed<string | T>((raw) => raw, fallback), shown, description, expected: 'any text' };
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const PORT_MAX = 65535;

/** A Redis prefix this deployment may use: short, no spaces. */
export function isRedisPrefix(prefix: string): boolean {
  return prefix.length <= 200 && !/\s/.test(prefix);
}

export const VARIABLES = {
  PORT: wholeNumber(3000, 0, PORT_MAX, 'HTTP and socket.io port'),
  HOST: text(
    () => '127.0.0.1',
    '127.0.0.1',
    'address to listen on; any other than a loopback address means no demo accounts unless `OMNIBUS_DEMO_PASSWORD` is set',
  ),
  PUBLIC_URL: {
    schema: parsed((raw) => {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return { problem: `must be an absolute address such as https://omnibus.example.org, got "${raw}"` };
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `must start with https:// or http://, got "${raw}"` };
      return url.href.replace(/\/+$/, '');
    }, () => null),
    shown: 'the address the server answered on',
    description:
      'origin people reach the server at (`https://omnibus.example.org`), used in the addresses it writes (the calendar feed); never taken from the `Host` header',
    expected: 'an absolute http:// or https:// address',
  },
  OMNIBUS_DEMO_PASSWORD: {
    schema: parsed(
      (raw) => (raw.length < 12 ? { problem: 'must be at least 12 characters long: the demo accounts it protects can be reached from other machines' } : raw),
      () => null,
    ),
    shown: '(none: `demo`, loopback only)',
    description: 'password of the demo accounts when they are seeded',
    expected: 'at least 12 characters long',
    secret: true,
  },
  CHROMIUM_PATH: text(() => '/usr/bin/chromium', '`/usr/bin/chromium`', 'the Chromium that lays out PDF exports'),
  DATABASE_URL: text(() => null, '(embedded)', 'PostgreSQL to use; without it the server starts an embedded one'),
  OMNIBUS_DATA_DIR: text(() => null, '`.data`', 'where the embedded PostgreSQL keeps its data'),
  EMBEDDED_PG_PORT: wholeNumber(54329, 0, PORT_MAX, 'port of the embedded PostgreSQL'),
  TOKEN_SECRET: {
    schema: parsed((raw) => (raw.length < 32 ? { problem: 'must be at least 32 characters long' } : raw), () => null),
    shown: 'generated, stored in the database',
    description: 'HMAC secret for sign-in tokens (≥ 32 characters); instances share it',
    expected: 'at least 32 characters long',
    secret: true,
  },
  TOKEN_TTL_SECONDS: wholeNumber(30 * 60, 0, PORT_MAX, 'lifetime of one sign-in token; a tab in use renews it before it expires (`POST /api/auth/refresh`)'),
  SESSION_MAX_SECONDS: decimal(12 * 3600, 60, 30 * 24 * 3600, 'longest a sign-in session lasts however often it is renewed'),
  SESSION_CHECK_MS: decimal(2000, 100, 60_000, 'how often open sockets\' sessions are checked against the database (signed out, disabled, lapsed)'),
  TRUST_PROXY: {
    schema: parsed((raw) => {
      try {
        return parseTrustProxy(raw);
      } catch {
        return { problem: `must be true, false, a number of proxies, or addresses and subnets separated by commas, got "${raw.trim()}"` };
      }
    }, () => false as boolean | number | string),
    shown: '(none: trust nobody)',
    description:
      'whose `X-Forwarded-For` to believe for the client\'s address: `loopback`, addresses or subnets (`10.0.0.0/8,127.0.0.1`), a number of proxies, or `true`; set it only behind a reverse proxy that overwrites the header',
    expected: 'true, false, a number of proxies, or addresses and subnets separated by commas',
  },
  SOCKET_SEND_BUFFER_BYTES: decimal(8 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024, 'unread outgoing bytes a socket may hold before it is dropped as a reader that does not read'),
  COLLAB_UPDATES_PER_SECOND: decimal(50, 1, 100_000, 'co-editing updates one connection may send per second, sustained'),
  COLLAB_UPDATE_BURST: decimal(200, 1, 1_000_000, 'co-editing updates one connection may send at once'),
  COLLAB_SYNCS_PER_SECOND: decimal(0.5, 0.01, 1000, 'sync requests (each answered with the whole draft) one connection may send per second, sustained'),
  COLLAB_SYNC_BURST: decimal(5, 1, 1_000_000, 'sync requests one connection may send at once'),
  PDF_RENDER_CONCURRENCY: decimal(2, 1, 64, 'PDFs printed at once'),
  PDF_RENDER_QUEUE: decimal(8, 0, 1000, 'PDFs that may wait for a turn; beyond, 503 with `Retry-After`'),
  REDIS_URL: text(() => null, '(none: one instance)', 'Redis through which several instances share drafts (`docker compose` sets it)'),
  REDIS_PREFIX: {
    schema: parsed((raw) => (isRedisPrefix(raw) ? raw : { problem: `must be at most 200 characters without spaces, got "${raw}"` }), () => null),
    shown: '`omnibus:<database name>`',
    description: 'prefix of this deployment\'s Redis keys and channels; instances share work only within one prefix',
    expected: 'at most 200 characters without spaces',
  },
  OMNIBUS_SEED: text(() => 'on', 'on', '`off` skips the demo seed'),
  METRICS_TOKEN: text(
    () => null,
    '(none: this machine only)',
    'bearer token a scraper sends for `GET /api/metrics` (Prometheus text); without it only requests made on this machine directly are served, never ones a proxy relays',
  ),
  COLLAB_BATCH_FREE_UP_TO: wholeNumber(50, 0, 100_000, 'people a co-editing room holds before it paces its batches (docs/realtime.md)'),
  COLLAB_BATCH_MS_PER_PERSON: decimal(0.38, 0, 10, 'milliseconds per person a big room waits between two batches'),
  COLLAB_BATCH_MAX_MS: wholeNumber(40, 0, 1_000, 'longest a big room waits between two batches'),
  COLLAB_AWARENESS_MS_PER_PERSON: decimal(10, 0, 100, 'milliseconds per person between two presence (cursor) messages of a big room'),
  COLLAB_AWARENESS_EVERY_MS: wholeNumber(100, 10, 5_000, 'how often a room sends the presence (cursors) it collected'),
  COLLAB_AWARENESS_MAX_MS: wholeNumber(1_000, 10, 10_000, 'the longest gap between two presence messages a big room may reach'),
  COLLAB_PROJECT_EVERY_MS: wholeNumber(
    1000,
    20,
    60_000,
    'how often co-edited paragraphs are written into the paragraph and amendment tables (what the API and exports read)',
  ),
  COLLAB_COMPACT_AFTER_ROWS: wholeNumber(1000, 2, 100_000, 'stored co-editing updates a draft gathers before they are folded into its snapshot'),
  COLLAB_PREPARE_AFTER_MS: wholeNumber(500, 0, 600_000, 'how long after a draft without a live document is made or changed (or after start, for those already there) its document is made, so its first opening loads a stored one'),
  COLLAB_IDLE_CLOSE_MS: wholeNumber(30_000, 0, 3_600_000, 'how long a draft nobody is connected to stays loaded, so a reconnecting client finds it warm'),
  COLLAB_WRITER_LEASE_MS: wholeNumber(
    86_400_000,
    1_000,
    2_592_000_000,
    'how long a Yjs client id stays leased to a page that left without closing (a dropped network, a closed laptop), so it can come back with what it typed meanwhile; after that the id may go to another page of the same account',
  ),
  COLLAB_CATCH_UP_EVERY_MS: wholeNumber(
    2_000,
    50,
    60_000,
    'how often an instance asks PostgreSQL whether it missed a batch another instance wrote (with `REDIS_URL`)',
  ),
  COLLAB_INSTANCE_ID: text(
    () => `${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    'process id and a random suffix',
    'this instance\'s name in logs and in the stored update rows',
  ),
  NODE_ENV: text(() => null, '(development)', '`production`: JSON log lines, no demo seed'),
  LOG_LEVEL: {
    schema: parsed((raw) => {
      const level = raw.trim().toLowerCase();
      return (LOG_LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : { problem: `must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"` };
    }, (): LogLevel => 'info'),
    shown: '`info`',
    description: 'how much the server logs; `info` logs one line per HTTP request',
    expected: `one of ${LOG_LEVELS.join(', ')}`,
  },
  OMNIBUS_LOG: text(() => null, '(none)', '`silent` silences the log whatever `LOG_LEVEL` says (the tests set it)'),
} satisfies Record<string, Variable<unknown>>;

export type VariableName = keyof typeof VARIABLES;

/** The parsed environment: every variable, typed, defaults filled in. */
export type Environment = { [K in VariableName]: (typeof VARIABLES)[K] extends Variable<infer T> ? T : never };

const environmentSchema = z.object(Object.fromEntries(Object.entries(VARIABLES).map(([name, v]) => [name, v.schema])));

/** One or more variables with values the server cannot use; `problems` has one sentence each (printed without a stack). */
export class ConfigError extends StartupError {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? String(problems[0]) : `${problems.length} settings are wrong:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads every variable from `env` (process.env in main.ts, a test's own object elsewhere); throws a ConfigError naming every problem. */
export function parseEnvironment(env: Readonly<Record<string, string | undefined>>): Environment {
  const result = environmentSchema.safeParse(env);
  if (result.success) return result.data as Environment;
  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0]) as VariableName;
    if (problems.has(name)) continue;
    problems.set(name, describeProblem(name, env[name], issue));
  }
  throw new ConfigError([...problems.values()]);
}

function describeProblem(name: VariableName, raw: string | undefined, issue: z.core.$ZodIssue): string {
  const variable: Variable<unknown> = VARIABLES[name];
  if (issue.code === 'custom') return `${name} ${issue.message}`;
  return `${name} must be ${variable.expected}${variable.secret === true ? '' : `, got "${raw}"`}`;
}

/** The README's table of variables, one row per variable, in the order of VARIABLES. */
export function variablesTable(): string {
  const rows = Object.entries(VARIABLES).map(([name, v]: [string, Variable<unknown>]) => `| \`${name}\` | ${v.shown} | ${v.expected} | ${v.description} |`);
  return ['| variable | default | accepts | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

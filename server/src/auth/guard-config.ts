import type { Environment } from '../config/schema';

/**
 * Limits that protect sessions and the server from one client: taken from the parsed configuration
 * (config/schema.ts, README "variables"). Every value has a default that suits one committee on one machine.
 */
export interface GuardConfig {
  /**
   * Express's `trust proxy`: whose `X-Forwarded-For` to believe. False (the default) believes
   * nobody, so every request's address is the TCP peer's; set TRUST_PROXY behind a reverse proxy.
   */
  trustProxy: boolean | number | string;
  /** The longest a session lasts however often it is renewed. */
  sessionMaxSeconds: number;
  /** How often open sockets' sessions are checked against the database (signed out, disabled, expired). */
  sessionCheckMs: number;
  /** Outgoing bytes a socket may have waiting; past it the socket is dropped as a reader that does not read. */
  socketBufferBytes: number;
  /** Co-editing updates one connection may send per second, sustained, and in a burst. */
  updatesPerSecond: number;
  updateBurst: number;
  /** Sync requests (sync step 1, which answers with the whole document) per connection: per second and burst. */
  syncsPerSecond: number;
  syncBurst: number;
  /** PDF renders at once, and how many more may wait for a turn before the server says "busy". */
  pdfConcurrency: number;
  pdfQueue: number;
}

/** `TRUST_PROXY`: unset or `false` trusts nobody; `true`, a hop count, or addresses/subnets (`loopback`, `10.0.0.0/8`, …) as Express reads them. */
export function parseTrustProxy(raw: string | undefined): boolean | number | string {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  if (!/^[\w.:/,\s-]+$/.test(v)) throw new Error(`TRUST_PROXY must be true, false, a number of proxies, or addresses and subnets separated by commas; got "${v}"`);
  return v;
}

/** The guard's part of the parsed environment (config/schema.ts declares the variables, their defaults and ranges). */
export function guardConfigFrom(env: Environment): GuardConfig {
  return {
    trustProxy: env.TRUST_PROXY,
    sessionMaxSeconds: env.SESSION_MAX_SECONDS,
    sessionCheckMs: env.SESSION_CHECK_MS,
    socketBufferBytes: env.SOCKET_SEND_BUFFER_BYTES,
    updatesPerSecond: env.COLLAB_UPDATES_PER_SECOND,
    updateBurst: env.COLLAB_UPDATE_BURST,
    syncsPerSecond: env.COLLAB_SYNCS_PER_SECOND,
    syncBurst: env.COLLAB_SYNC_BURST,
    pdfConcurrency: env.PDF_RENDER_CONCURRENCY,
    pdfQueue: env.PDF_RENDER_QUEUE,
  };
}

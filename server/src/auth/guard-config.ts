/**
 * Limits that protect sessions and the server from one client: read from the environment once per
 * app (README, "variables"). Every value has a default that suits one committee on one machine.
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

function num(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number between ${min} and ${max}, got "${raw}"`);
  return n;
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

export function loadGuardConfig(env: NodeJS.ProcessEnv = process.env): GuardConfig {
  return {
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    sessionMaxSeconds: num(env, 'SESSION_MAX_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    sessionCheckMs: num(env, 'SESSION_CHECK_MS', 2000, 100, 60_000),
    socketBufferBytes: num(env, 'SOCKET_SEND_BUFFER_BYTES', 8 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
    updatesPerSecond: num(env, 'COLLAB_UPDATES_PER_SECOND', 50, 1, 100_000),
    updateBurst: num(env, 'COLLAB_UPDATE_BURST', 200, 1, 1_000_000),
    syncsPerSecond: num(env, 'COLLAB_SYNCS_PER_SECOND', 0.5, 0.01, 1000),
    syncBurst: num(env, 'COLLAB_SYNC_BURST', 5, 1, 1_000_000),
    pdfConcurrency: num(env, 'PDF_RENDER_CONCURRENCY', 2, 1, 64),
    pdfQueue: num(env, 'PDF_RENDER_QUEUE', 8, 0, 1000),
  };
}

/**
 * `npm run bench:handoff`: what one round trip to PostgreSQL costs the store stage, on an idle
 * machine and on one whose cores are busy with other programs, the way the benchmark's clients keep
 * them busy. The statement is a batch's in miniature (raise a head counter, insert a ~1 kB row, one
 * commit and WAL flush) in a scratch table of a database of its own.
 *
 * Three figures per load:
 * - `round trip`: one statement after another, the time of each;
 * - `sequential`: updates arriving at random (175 a second, a 35-editor room) written as a room
 *   writes them today (what arrives while a batch is written waits and goes in the next one), from
 *   arrival to commit;
 * - `pipelined`: the same arrivals, each batch sent at once on a pipelined connection (up to 4 in
 *   flight) instead of waiting for the previous commit.
 *
 * Prints p50 / p90 / p99 (ms) for each. Set BENCH_DATABASE_ADMIN_URL as for bench:realtime.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { Client } from 'pg';
import { dropDatabase, ensureDatabase, withDatabase } from '../../server/src/database/database-url';
import { percentile } from '../decision/stats';

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROUND_TRIPS = 2_000;
const ARRIVALS_PER_S = 175;
const WINDOW_MS = 8_000;
const IN_FLIGHT = 4;

const STATEMENT = {
  name: 'handoff_batch',
  text: `WITH s AS (UPDATE handoff_head SET seq = seq + 1 WHERE id = 1 RETURNING seq)
         INSERT INTO handoff_row (seq, payload) SELECT seq, $1 FROM s RETURNING seq`,
};

const row = (bytes: number) => ({ ...STATEMENT, values: [Buffer.alloc(bytes, 7)] });

function figures(ms: number[]): string {
  return `${percentile(ms, 50).toFixed(2)} / ${percentile(ms, 90).toFixed(2)} / ${percentile(ms, 99).toFixed(2)}`;
}

async function roundTrips(url: string): Promise<number[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    for (let i = 0; i < 200; i++) await c.query(row(1_000));
    const out: number[] = [];
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const t0 = performance.now();
      await c.query(row(1_000));
      out.push(performance.now() - t0);
    }
    return out;
  } finally {
    await c.end();
  }
}

/** Updates arriving at random; `pipelined` sends each gathered batch at once, otherwise one batch at a time. */
async function arrivals(url: string, pipelined: boolean): Promise<number[]> {
  const c = new Client({ connectionString: url, pipeline: pipelined } as ConstructorParameters<typeof Client>[0]);
  await c.connect();
  const waits: number[] = [];
  let open: number[] = [];
  let inFlight = 0;
  const send = (): void => {
    if (open.length === 0 || inFlight >= (pipelined ? IN_FLIGHT : 1)) return;
    const batch = open;
    open = [];
    inFlight++;
    void c.query(row(300 * batch.length)).then(() => {
      inFlight--;
      const t = performance.now();
      for (const at of batch) waits.push(t - at);
      send();
    });
  };
  try {
    const end = performance.now() + WINDOW_MS;
    await new Promise<void>((resolve) => {
      const next = (): void => {
        if (performance.now() > end) return resolve();
        open.push(performance.now());
        send();
        setTimeout(next, (-Math.log(1 - Math.random()) * 1000) / ARRIVALS_PER_S);
      };
      next();
    });
    while (inFlight > 0 || open.length > 0) await new Promise((r) => setTimeout(r, 20));
    return waits;
  } finally {
    await c.end();
  }
}

/** A busy loop in a process of its own, as another program on the machine. */
function busyLoop(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

async function main(): Promise<void> {
  const name = `omnibus_handoff_${process.pid}`;
  await dropDatabase(ADMIN_URL, name);
  await ensureDatabase(ADMIN_URL, name);
  const url = withDatabase(ADMIN_URL, name);
  const setup = new Client({ connectionString: url });
  await setup.connect();
  await setup.query(`CREATE TABLE handoff_head (id int PRIMARY KEY, seq bigint NOT NULL)`);
  await setup.query(`INSERT INTO handoff_head VALUES (1, 0)`);
  await setup.query(`CREATE TABLE handoff_row (seq bigint PRIMARY KEY, payload bytea NOT NULL)`);
  await setup.end();
  const loads = [0, 1, 2];
  process.stdout.write(`A batch-sized commit on PostgreSQL, p50 / p90 / p99 (ms); "busy": programs spinning on the machine's ${cpus().length} cores\n\n`);
  process.stdout.write('| busy loops | round trip | sequential, arrival to commit | pipelined, arrival to commit |\n| --- | --- | --- | --- |\n');
  try {
    for (const busy of loads) {
      const loops = Array.from({ length: busy }, busyLoop);
      try {
        await new Promise((r) => setTimeout(r, 500));
        const rt = await roundTrips(url);
        const seq = await arrivals(url, false);
        const pipe = await arrivals(url, true);
        process.stdout.write(`| ${busy} | ${figures(rt)} | ${figures(seq)} | ${figures(pipe)} |\n`);
      } finally {
        for (const l of loops) l.kill('SIGKILL');
      }
    }
  } finally {
    await dropDatabase(ADMIN_URL, name);
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

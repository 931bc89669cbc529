import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { firstUnreachable, startEmbeddedPostgres } from '../../server/src/database/embedded-postgres';
import { StartupError } from '../../server/src/database/startup-error';

/** A start that cannot succeed says why in one sentence a person can act on (never "undefined"). */
jest.setTimeout(180_000);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function tempDir(mode: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omnibus-start-'));
  fs.chmodSync(dir, mode);
  return dir;
}

it('finds the first folder another user may not enter', () => {
  const closed = tempDir(0o700);
  const open = tempDir(0o755);
  try {
    const stranger = { uid: 54_321, gid: 54_321 };
    expect(firstUnreachable(path.join(closed, 'data', 'postgres'), stranger)).toBe(closed);
    expect(firstUnreachable(path.join(open, 'data', 'postgres'), stranger)).toBeNull();
    const owner = fs.statSync(closed);
    expect(firstUnreachable(path.join(closed, 'data'), { uid: owner.uid, gid: owner.gid })).toBeNull();
  } finally {
    fs.rmSync(closed, { recursive: true, force: true });
    fs.rmSync(open, { recursive: true, force: true });
  }
});

it('a port another program holds: one sentence naming EMBEDDED_PG_PORT', async () => {
  const holder = net.createServer();
  await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
  const port = (holder.address() as net.AddressInfo).port;
  const dataDir = tempDir(0o755);
  try {
    const started = startEmbeddedPostgres({ dataDir, port });
    await expect(started).rejects.toThrow(StartupError);
    await expect(started).rejects.toThrow(`Port ${port} is already taken by another program, so the embedded PostgreSQL cannot listen on it; set EMBEDDED_PG_PORT to a free port.`);
  } finally {
    holder.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

it(isRoot ? 'as root, a chosen data folder the postgres user cannot enter: one sentence naming OMNIBUS_DATA_DIR' : 'as another user, PostgreSQL runs as that user and needs no folder check', async () => {
  const closed = tempDir(0o700);
  try {
    const started = startEmbeddedPostgres({ dataDir: path.join(closed, 'data'), port: 1 });
    if (isRoot) {
      await expect(started).rejects.toThrow(
        `The embedded PostgreSQL runs as the system user "postgres" (PostgreSQL refuses to run as root), and that user cannot enter ${closed}; set OMNIBUS_DATA_DIR to a folder it can reach (e.g. /var/lib/omnibus) or set DATABASE_URL.`,
      );
    } else {
      // Port 1 is privileged: the start fails on listening, not on the folder.
      await expect(started).rejects.toThrow(StartupError);
      await expect(started).rejects.not.toThrow(/cannot enter/);
    }
  } finally {
    fs.rmSync(closed, { recursive: true, force: true });
  }
});

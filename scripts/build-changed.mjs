#!/usr/bin/env node
// Builds only the workspaces whose sources changed since their last successful build (`npm start`
// runs this): each build leaves a fingerprint of its inputs (every file's path, size and mtime)
// in its output folder, and an unchanged fingerprint skips the build. `npm run build` builds all.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.build-stamp';
const common = ['tsconfig.base.json', 'package-lock.json'];

const workspaces = [
  { name: 'shared', output: 'shared/dist', inputs: ['shared/src', 'shared/package.json', 'shared/tsconfig.build.json', ...common] },
  {
    name: 'server',
    output: 'server/dist',
    inputs: ['server/src', 'migrations', 'shared/src', 'server/package.json', 'server/tsconfig.build.json', ...common],
  },
  {
    name: 'client',
    output: 'client/dist',
    inputs: ['client/src', 'client/index.html', 'client/vite.config.ts', 'client/package.json', 'client/tsconfig.json', 'shared/src', ...common],
  },
];

const isTest = (name) => /\.(spec|test)\.tsx?$/.test(name);

function collect(path, out) {
  const full = join(root, path);
  if (!existsSync(full)) return;
  const st = statSync(full);
  if (st.isDirectory()) {
    for (const entry of readdirSync(full)) if (entry !== 'node_modules' && entry !== 'dist') collect(join(path, entry), out);
  } else if (!isTest(path)) {
    out.push(`${path}:${st.size}:${Math.trunc(st.mtimeMs)}`);
  }
}

function fingerprint(inputs) {
  const lines = [];
  for (const input of inputs) collect(input, lines);
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

let failed = false;
for (const ws of workspaces) {
  const stampFile = join(root, ws.output, STAMP);
  const before = fingerprint(ws.inputs);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === before) {
    process.stdout.write(`${ws.name}: up to date (no source changed since its last build)\n`);
    continue;
  }
  const t0 = Date.now();
  process.stdout.write(`${ws.name}: building…\n`);
  const r = spawnSync('npm', ['run', 'build', '-w', ws.name], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    process.stderr.write(`${ws.name}: the build failed (above); fix it and run npm start again.\n`);
    failed = true;
    break;
  }
  writeFileSync(stampFile, `${before}\n`);
  process.stdout.write(`${ws.name}: built in ${((Date.now() - t0) / 1000).toFixed(1)} s (${relative(root, join(root, ws.output))})\n`);
}
process.exit(failed ? 1 : 0);

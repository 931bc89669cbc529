#!/usr/bin/env node
// Runs every suite (Jest for shared, server, end-to-end and browser tests; Vitest for the client
// components) and ends with one line summing them all: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { provision } from './test-prerequisites.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'test', 'artifacts');
const extra = process.argv.slice(2);

// The whole run needs Chromium, LibreOffice and poppler-utils; a chosen subset may not.
if (extra.length === 0) {
  const stop = provision(root);
  if (stop !== null) {
    process.stdout.write(`${stop}\n`);
    process.exit(1);
  }
}
mkdirSync(artifacts, { recursive: true });

function run(name, command, args, resultFile) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  let passed = 0;
  let failed = 0;
  if (existsSync(resultFile)) {
    const json = JSON.parse(readFileSync(resultFile, 'utf8'));
    passed = json.numPassedTests ?? 0;
    failed = (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
  }
  // A runner that died before writing results, or exited non-zero with no failed test, still fails.
  if (r.status !== 0 && failed === 0) failed = 1;
  process.stdout.write(`${name}: ${passed} passed, ${failed} failed\n`);
  return { passed, failed };
}

const jestOut = join(artifacts, 'jest-results.json');
const suites = [
  run('jest', 'npx', ['jest', '--ci', '--json', `--outputFile=${jestOut}`, ...extra], jestOut),
];
if (existsSync(join(root, 'client', 'vitest.config.ts')) || existsSync(join(root, 'client', 'vite.config.ts'))) {
  const vitestOut = join(artifacts, 'vitest-results.json');
  const hasClientTests = spawnSync('sh', ['-c', `ls client/src/**/*.test.ts* client/src/*/*/*.test.ts* 2>/dev/null | head -1`], { cwd: root, encoding: 'utf8' }).stdout.trim();
  if (hasClientTests && extra.length === 0) {
    suites.push(run('vitest (client)', 'npx', ['vitest', 'run', '--root', 'client', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestOut}`], vitestOut));
  }
}
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);

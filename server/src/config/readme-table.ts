import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './config';
import { variablesTable } from './schema';

/**
 * The README's table of environment variables is rendered from the schema (config/schema.ts) between
 * these two markers: `npm run docs:config` rewrites it, and schema.spec.ts fails when it is stale.
 */
export const README_PATH = path.join(REPO_ROOT, 'README.md');
const START = '<!-- variables: generated from server/src/config/schema.ts by `npm run docs:config` -->';
const END = '<!-- end of variables -->';

/** The table as the README has it, or null when the markers are missing. */
export function readmeTable(readme: string): string | null {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END, start);
  if (start < 0 || end < 0) return null;
  return readme.slice(start + START.length, end).trim();
}

/** The names a Markdown table documents: the back-quoted names that open its rows. */
export function documentedNames(table: string): string[] {
  return [...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1] as string);
}

/** `readme` with its table replaced by the schema's. */
export function withSchemaTable(readme: string): string {
  if (readmeTable(readme) === null) throw new Error(`README.md has no table markers; put the lines\n${START}\n${END}\nwhere the table goes`);
  const start = readme.indexOf(START) + START.length;
  return `${readme.slice(0, start)}\n${variablesTable()}\n${readme.slice(readme.indexOf(END, start))}`;
}

if (require.main === module) {
  fs.writeFileSync(README_PATH, withSchemaTable(fs.readFileSync(README_PATH, 'utf8')));
  process.stdout.write(`Wrote the table of variables into ${README_PATH}\n`);
}

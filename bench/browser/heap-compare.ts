/**
 * Compares two heap snapshots (as `BENCH_BROWSER_HEAP` writes them): what the second holds beyond
 * the first, by constructor (objects, closures, Blink's native objects) or by kind (code, strings,
 * arrays), largest difference first. For instance the typing tab against the fresh tab:
 *
 *   npx ts-node --transpile-only -P bench/tsconfig.json bench/browser/heap-compare.ts \
 *     <dir>/fresh-tab.heapsnapshot <dir>/typing-tab.heapsnapshot [rows]
 *
 * A snapshot of a 100 MB heap is ~300 MB of JSON: give Node room (NODE_OPTIONS=--max-old-space-size=8000).
 */
import * as fs from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

interface Tally {
  count: number;
  bytes: number;
}

/** Self sizes summed by constructor (objects, closures, native) or by node type (the rest). */
function tally(file: string): { byName: Map<string, Tally>; total: number } {
  const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const [width, typeAt, nameAt, sizeAt] = [fields.length, fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const byName = new Map<string, Tally>();
  let total = 0;
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + typeAt] as number] as string;
    const size = s.nodes[i + sizeAt] as number;
    const key = type === 'object' || type === 'closure' || type === 'native' ? `${type}: ${(s.strings[s.nodes[i + nameAt] as number] ?? '').slice(0, 80)}` : type;
    const t = byName.get(key) ?? { count: 0, bytes: 0 };
    t.count++;
    t.bytes += size;
    byName.set(key, t);
    total += size;
  }
  return { byName, total };
}

function main(): void {
  const [first, second, rows = '30'] = process.argv.slice(2);
  if (!first || !second) {
    process.stderr.write('usage: heap-compare.ts <first.heapsnapshot> <second.heapsnapshot> [rows]\n');
    process.exit(1);
  }
  const a = tally(first);
  const b = tally(second);
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
  process.stdout.write(`snapshot totals: ${mb(a.total)} MB → ${mb(b.total)} MB\n\n| Δ kB | Δ count | count (first → second) | constructor or kind |\n| ---: | ---: | --- | --- |\n`);
  const none: Tally = { count: 0, bytes: 0 };
  const diff = [...new Set([...a.byName.keys(), ...b.byName.keys()])].map((key) => {
    const x = a.byName.get(key) ?? none;
    const y = b.byName.get(key) ?? none;
    return { key, bytes: y.bytes - x.bytes, count: y.count - x.count, counts: `${x.count} → ${y.count}` };
  });
  diff.sort((p, q) => Math.abs(q.bytes) - Math.abs(p.bytes));
  for (const d of diff.slice(0, Number(rows))) process.stdout.write(`| ${(d.bytes / 1024).toFixed(0)} | ${d.count} | ${d.counts} | ${d.key.replace(/\|/g, '\\|')} |\n`);
}

main();

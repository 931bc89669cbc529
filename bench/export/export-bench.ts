/**
 * `npm run bench:export`: how long exporting a 130-paragraph draft takes, per format, against a
 * reference measured in the same run: the `docx` package writing the same paragraphs as plain
 * Word paragraphs (no styles, numbering, header or footnotes), the floor any DOCX export pays.
 * Then the same DOCX export end to end over HTTP from a real server on PostgreSQL, when one
 * answers on 127.0.0.1:5432 (or TEST_DATABASE_URL). Prints a table; writes bench/results/.
 */
import '../../test/support/resolve-shared';
import { DocModel, buildCompilationModel, buildConsensusModel, compileParagraph } from '@omnibus/shared';
import { Document, Packer, Paragraph } from 'docx';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../../server/src/config/config';
import { PdfRenderer } from '../../server/src/documents/export/pdf-renderer';
import { renderAkn } from '../../server/src/documents/export/render-akn';
import { renderDocx } from '../../server/src/documents/export/render-docx';
import { renderHtml } from '../../server/src/documents/export/render-html';
import { renderMarkdown } from '../../server/src/documents/export/render-markdown';
import { renderText } from '../../server/src/documents/export/render-text';
import { sampleDraft } from '../../server/src/documents/export/sample-draft';
import { httpExportTimes } from './http-export';

const TARGET_MS = 300;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

interface Row {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  bytes: number;
}

function stats(name: string, times: number[], bytes: number): Row {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { name, runs: times.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN, bytes };
}

async function measure(name: string, runs: number, fn: () => Promise<Buffer | string> | Buffer | string): Promise<Row> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const out = await fn();
    times.push(performance.now() - t0);
    bytes = Buffer.byteLength(out);
  }
  return stats(name, times, bytes);
}

/** The reference: the same words as bare Word paragraphs. */
function plainDocx(draft: ReturnType<typeof sampleDraft>): Promise<Buffer> {
  const paragraphs = draft.sections.flatMap((s) =>
    s.paragraphs.map((p) => new Paragraph(`${p.label}. ${compileParagraph({ text: p.text, sponsors: p.origin === 'delegation' ? p.sponsors : [], amendments: p.amendments })}`)),
  );
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

async function main(): Promise<void> {
  const draft = sampleDraft();
  const date = '2022-03-15';
  const paragraphs = draft.sections.reduce((n, s) => n + s.paragraphs.length, 0);
  const characters = draft.sections.reduce((n, s) => n + s.paragraphs.reduce((m, p) => m + p.compiled.length, 0), 0);
  const model = (view: 'compilation' | 'consensus'): DocModel =>
    view === 'compilation' ? buildCompilationModel(draft, { date }) : buildConsensusModel(draft, { date });
  const rows: Row[] = [];
  rows.push(await measure('reference: plain docx of the same text', RUNS, () => plainDocx(draft)));
  rows.push(await measure('docx compilation text (model + render)', RUNS, () => renderDocx(model('compilation'))));
  rows.push(await measure('docx consensus draft (model + render)', RUNS, () => renderDocx(model('consensus'))));
  rows.push(await measure('html compilation text', RUNS, () => renderHtml(model('compilation'))));
  rows.push(await measure('markdown compilation text', RUNS, () => renderMarkdown(model('compilation'))));
  rows.push(await measure('akoma ntoso compilation text', RUNS, () => renderAkn(model('compilation'))));
  rows.push(await measure('plain text compilation text', RUNS, () => renderText(model('compilation'))));
  const pdf = new PdfRenderer(loadConfig(process.env));
  try {
    rows.push(await measure('pdf compilation text (warm chromium)', 5, () => pdf.render(renderHtml(model('compilation')), 'letter')));
  } catch (err) {
    process.stdout.write(`pdf skipped: ${err instanceof Error ? err.message : String(err)}\n`);
  } finally {
    await pdf.onModuleDestroy();
  }
  const http = await httpExportTimes(RUNS);
  if (http.ok) rows.push(stats('docx compilation over HTTP (server + PostgreSQL)', http.times, http.bytes));
  else process.stdout.write(`HTTP measurement skipped: ${http.reason}\n`);

  const reference = rows[0]!;
  process.stdout.write(`\nExport of a generated draft: ${paragraphs} paragraphs, ${characters} characters of negotiation text\n\n`);
  process.stdout.write(`${'what'.padEnd(52)} ${'runs'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'bytes'.padStart(8)} ${'p50/ref'.padStart(8)}\n`);
  for (const r of rows) {
    process.stdout.write(
      `${r.name.padEnd(52)} ${String(r.runs).padStart(5)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${String(r.bytes).padStart(8)} ${(r.p50 / reference.p50).toFixed(2).padStart(8)}\n`,
    );
  }
  const docx = rows.filter((r) => r.name.startsWith('docx'));
  const worst = Math.max(...docx.map((r) => r.p95));
  process.stdout.write(`\nDOCX p95 worst ${worst.toFixed(1)} ms against the ${TARGET_MS} ms target: ${worst <= TARGET_MS ? 'met' : 'NOT met'}\n`);
  const dir = path.resolve(__dirname, '../results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `export-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), paragraphs, characters, targetMs: TARGET_MS, rows }, null, 2));
  process.stdout.write(`Results written to ${path.relative(process.cwd(), file)}\n`);
  if (worst > TARGET_MS) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

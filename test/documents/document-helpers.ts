import { DOCX_MEDIA_TYPE, type DraftView } from '@omnibus/shared';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { TestServer } from '../support/test-server';

export const CICTE_SEED = path.resolve(__dirname, '../../server/seed-data/cicte-proposal-omnibus.txt');
/** Real resolutions, verbatim (sources in the folder's README). */
export const CORPUS = path.resolve(__dirname, '../fixtures/resolutions');
export const corpusText = (file: string): string => fs.readFileSync(path.join(CORPUS, file), 'utf8');
/** Caps with room for any real resolution of the corpus. */
export const ROOMY_CAPS = { preamble: 40, topicSubstantive: 40, topicMandates: 40, entity: 40, entityMandates: 40, general: 40, generalReaffirming: 40, generalFollowUp: 40, total: 1000 };
/** Files the tests produce, kept for a person to open (ignored by git with the other artifacts). */
export const ARTIFACTS = path.resolve(__dirname, '../artifacts/documents');

export interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
  json: unknown;
}

export async function download(t: TestServer, urlPath: string, token: string): Promise<Download> {
  const res = await fetch(`${t.url}${urlPath}`, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await res.arrayBuffer());
  let json: unknown = null;
  if ((res.headers.get('content-type') ?? '').startsWith('application/json')) json = JSON.parse(body.toString('utf8'));
  return { status: res.status, headers: res.headers, body, json };
}

/** Posts a document as the raw request body, as the import endpoints take it. */
export async function upload(t: TestServer, urlPath: string, token: string, body: Buffer | string, type = 'text/plain; charset=utf-8') {
  const res = await fetch(`${t.url}${urlPath}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const text = await res.text();
  return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as any };
}

export const docxType = DOCX_MEDIA_TYPE;

export async function newDraft(t: TestServer, token: string, symbol: string): Promise<DraftView> {
  const res = await t.api<DraftView>('POST', '/api/drafts', { token, body: { title: 'Advancing Hemispheric Security: A Multidimensional Approach', symbol } });
  if (res.status !== 201 && res.status !== 200) throw new Error(`draft not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function getDraft(t: TestServer, token: string, id: string): Promise<DraftView> {
  const res = await t.api<DraftView>('GET', `/api/drafts/${id}`, { token });
  if (res.status !== 200) throw new Error(`draft ${id}: ${res.status}`);
  return res.body;
}

export function saveArtifact(name: string, data: Buffer | string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  fs.writeFileSync(file, data);
  return file;
}

function which(command: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * LibreOffice from Debian's packages (libreoffice-writer-nogui). A machine without it fails the
 * test with the package to install: a DOCX that no office suite has opened is not tested.
 */
export function libreOffice(): string {
  const found = which('soffice') ?? which('libreoffice');
  if (!found) throw new Error('LibreOffice is not installed: apt-get install -y libreoffice-writer-nogui (CI installs the packages named in .ci/apt-packages.txt)');
  return found;
}

export function pdfToText(pdf: string): string {
  if (!which('pdftotext')) throw new Error('pdftotext is not installed: apt-get install -y poppler-utils (CI installs the packages named in .ci/apt-packages.txt)');
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

/**
 * Converts a DOCX with headless LibreOffice into a temporary folder and returns the PDF's path.
 * Asynchronous on purpose: a conversion takes seconds, and blocking the test process that long lets
 * the server's keep-alive timer and the next request race for the same pooled connection.
 */
export async function convertWithLibreOffice(docx: Buffer, name: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omnibus-lo-'));
  const input = path.join(dir, name);
  fs.writeFileSync(input, docx);
  // A profile of its own, so a LibreOffice already running for the user does not swallow the job.
  await promisify(execFile)(libreOffice(), [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
    timeout: 120_000,
  });
  const pdf = input.replace(/\.docx$/, '.pdf');
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${name}`);
  return pdf;
}

/** Words compared without the layout's line breaks, hyphenation and spacing. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

// What the browser and export tests need from the system, found or provisioned before they run:
// Chromium (browser tests, PDF export), LibreOffice (opening exported DOCX), poppler-utils
// (reading PDFs back) and Liberation Serif (the metric twin of Times New Roman, the documents' face:
// without it pages break elsewhere than in the offices that print them). As root with apt-get, the missing packages are installed from
// .ci/apt-packages.txt, as `playwright install-deps` does; otherwise one sentence names the command.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasFont(family) {
  if (!onPath('fc-list')) return false;
  const r = spawnSync('fc-list', [family], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

export function missingPrerequisites() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const missing = [];
  if (!executable(chromium)) missing.push(`Chromium (${chromium})`);
  if (!onPath('soffice') && !onPath('libreoffice')) missing.push('LibreOffice (soffice)');
  if (!onPath('pdftoppm') || !onPath('pdftotext')) missing.push('poppler-utils (pdftoppm, pdftotext)');
  if (!hasFont('Liberation Serif')) missing.push('the Liberation Serif font (fonts-liberation2)');
  return missing;
}

/** Returns null when everything is there (perhaps after installing it), else the sentence to stop with. */
export function provision(root) {
  const missing = missingPrerequisites();
  if (missing.length === 0) return null;
  const packages = readFileSync(join(root, '.ci', 'apt-packages.txt'), 'utf8').split(/\s+/).filter(Boolean);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? '' : 'sudo ';
  const command = `${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(' ')}`;
  if (!isRoot || !onPath('apt-get')) {
    return `The tests need ${missing.join(', ')}, which this machine lacks: install them with "${command}" (Debian/Ubuntu; or set CHROMIUM_PATH) and run npm test again.`;
  }
  process.stdout.write(`Installing what the tests need and this machine lacks (${missing.join(', ')}): ${command}\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...packages]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) return `Installing the test prerequisites failed (apt-get ${args[0]} above); run "${command}" by hand and run npm test again.`;
  }
  const still = missingPrerequisites();
  return still.length === 0 ? null : `After installing ${packages.join(', ')}, still missing: ${still.join(', ')}; set CHROMIUM_PATH or install them, then run npm test again.`;
}

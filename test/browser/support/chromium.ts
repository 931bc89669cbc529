import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../../../server/src/config/config';
import { CHROMIUM_ARGS } from '../../../server/src/documents/export/chromium-options';

/** The Chromium the server would use: CHROMIUM_PATH, or the schema's default. */
export const CHROMIUM_PATH = loadConfig({ CHROMIUM_PATH: process.env.CHROMIUM_PATH }).chromium.path;

/**
 * Debian's Chromium, never a downloaded browser. A missing one fails the run (in CI and out of
 * it): a browser test that quietly skips proves nothing.
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: run "apt-get update && apt-get install -y chromium" (or set CHROMIUM_PATH). Browser tests never skip.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

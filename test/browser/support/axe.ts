import * as fs from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (every WCAG 2.1 A/AA rule and best practice) on the page as it stands; the violations, each with its first targets. */
export async function axeViolations(page: Page): Promise<{ violations: AxeViolation[]; passes: number }> {
  // Evaluated through the DevTools protocol rather than as an inline <script>, which the client's
  // Content-Security-Policy (script-src 'self') rightly refuses.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<any> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations', 'passes'] });
    return {
      passes: result.passes.length as number,
      violations: result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n: any) => String(n.target)) })),
    };
  });
}

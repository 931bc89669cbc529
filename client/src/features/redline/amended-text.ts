import type { AmendmentView } from '@omnibus/shared';

/**
 * The paragraph as it would read if every open amendment were agreed: the first alternative of each
 * group, and amendments overlapping an earlier one left out (they are listed, not applied).
 */
export function amendedText(base: string, amendments: readonly AmendmentView[]): { text: string; skipped: number } {
  const open = amendments
    .filter((a) => a.status === 'proposed' && (a.kind !== 'alternative' || (a.alternativeNumber ?? 1) === 1))
    .sort((x, y) => x.start - y.start || x.end - y.end);
  let out = '';
  let cursor = 0;
  let skipped = 0;
  for (const a of open) {
    if (a.start < cursor) {
      skipped += 1;
      continue;
    }
    out += base.slice(cursor, a.start);
    out += a.kind === 'delete' ? '' : a.text;
    cursor = a.kind === 'insert' ? a.start : a.end;
  }
  return { text: out + base.slice(cursor), skipped };
}

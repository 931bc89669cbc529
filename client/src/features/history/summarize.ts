/** The fields of a history row worth telling a person about, in the order they read best. */
const FIELDS = ['text', 'agreedText', 'status', 'label', 'sponsors', 'decision', 'leadDelegation', 'reason', 'note'] as const;

export interface FieldChange {
  field: (typeof FIELDS)[number];
  before: string | null;
  after: string | null;
}

function show(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(String).join(', ');
  if (typeof v === 'object') return null;
  return String(v as string | number | boolean);
}

function field(o: unknown, key: string): unknown {
  return typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[key] : undefined;
}

/** What a history row changed, field by field: only fields that differ (or that the row sets). */
export function summarize(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of FIELDS) {
    const b = show(field(before, f));
    const a = show(field(after, f));
    if (b === a || (b === null && a === null)) continue;
    out.push({ field: f, before: b, after: a });
  }
  return out;
}

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

/** Fields a row may set without having had them before (a decision names its outcome). */
const SET_BY_ACTION: readonly string[] = ['decision', 'leadDelegation', 'agreedText', 'reason', 'note'];

const isObject = (o: unknown): o is Record<string, unknown> => typeof o === 'object' && o !== null;

/**
 * What a history row changed, field by field. A creation (nothing before) tells what it set; any
 * other row tells the fields it changed and the outcomes it recorded, never a field it simply
 * does not repeat.
 */
export function summarize(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of FIELDS) {
    const b = show(field(before, f));
    const a = show(field(after, f));
    if (a === null || b === a) continue;
    const creation = !isObject(before);
    if (creation ? f === 'label' : b === null && !SET_BY_ACTION.includes(f)) continue;
    out.push({ field: f, before: b, after: a });
  }
  return out;
}

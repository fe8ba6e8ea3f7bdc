/** One changed (or shown) field of an audit entry. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * before/after of an audit entry → one row per top-level field (changed fields first).
 * Non-object values become a single row named "".
 */
export function diffEntries(before: unknown, after: unknown): FieldChange[] {
  if (!isPlainObject(before) && !isPlainObject(after)) {
    if (before === null && after === null) return [];
    if (before === undefined && after === undefined) return [];
    return [{ field: '', before, after, changed: !same(before, after) }];
  }
  const b = isPlainObject(before) ? before : {};
  const a = isPlainObject(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = fields.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: !same(b[field], a[field]),
  }));
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}

/** A value as short text: strings as they are, the rest as JSON; undefined as ''. */
export function showValue(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

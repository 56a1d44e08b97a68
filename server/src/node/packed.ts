/**
 * A compact form of the core's plain data for the persisted index: an array of
 * objects becomes a table of columns (a `Map` holding the keys, the row count and
 * one column per key), and a column of small integers an `Int32Array`. V8's
 * serializer then writes each key once instead of once per object, and integer
 * columns as raw bytes, so the index is smaller and reads back faster.
 *
 * Plain data (objects, arrays, strings, numbers, booleans) never holds a `Map` or a
 * typed array, so both mark packed values unambiguously. A property whose value is
 * `undefined` comes back absent, as it would through JSON.
 */

const KEYS = 'k';
const ROWS = 'n';
const COLUMNS = 'c';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function isInt32(v: unknown): v is number {
  return typeof v === 'number' && (v | 0) === v && !Object.is(v, -0);
}

/** The packed form of plain data (see the file comment). */
export function pack(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length > 1 && value.every(isPlainObject)) return table(value);
    if (value.length > 1 && value.every(isInt32)) return Int32Array.from(value);
    return value.map(pack);
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = pack(value[key]);
    return out;
  }
  return value;
}

function table(rows: Record<string, unknown>[]): Map<string, unknown> {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  const columns = keys.map((key) => pack(rows.map((row) => row[key])));
  return new Map<string, unknown>([
    [KEYS, keys],
    [ROWS, rows.length],
    [COLUMNS, columns],
  ]);
}

/** The plain data that `pack` was given (absent for `undefined` properties). */
export function unpack(value: unknown): unknown {
  if (value instanceof Map) return untable(value);
  if (value instanceof Int32Array) return Array.from(value);
  if (Array.isArray(value)) return value.map(unpack);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = unpack(value[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  return value;
}

function untable(t: Map<string, unknown>): Record<string, unknown>[] {
  const keys = t.get(KEYS);
  const count = t.get(ROWS);
  const columns = t.get(COLUMNS);
  if (!Array.isArray(keys) || typeof count !== 'number' || !Array.isArray(columns) || columns.length !== keys.length) throw new Error('malformed table');
  const plain = columns.map((c) => {
    const column = unpack(c);
    if (!Array.isArray(column) || column.length !== count) throw new Error('malformed column');
    return column;
  });
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const v = plain[k]![i];
      if (v !== undefined) row[keys[k] as string] = v;
    }
    rows.push(row);
  }
  return rows;
}

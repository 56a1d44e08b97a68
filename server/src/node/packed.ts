/**
 * A compact form of the core's plain data for the persisted index, column by
 * column as in Apache Arrow:
 * - an array of objects becomes a table: the keys once, the row count, one column per key;
 * - a column of small integers becomes an `Int32Array` (written as raw bytes);
 * - a column of strings that repeat (URIs, codes) becomes a dictionary: the
 *   distinct strings once and an `Int32Array` of indexes;
 * - a column of arrays becomes a list: their lengths and their items, packed as one.
 * V8's serializer then writes each key and each repeated string once, and the index
 * is smaller and reads back with fewer allocations.
 *
 * Packed nodes are `Map`s tagged by kind; plain data (objects, arrays, strings,
 * numbers, booleans) never holds a `Map` or a typed array, so the tags are
 * unambiguous. A property whose value is `undefined` comes back absent, as it
 * would through JSON.
 */

const KIND = 't';
const TABLE = 'table';
const DICTIONARY = 'dict';
const LIST = 'list';

type Node = Map<string, unknown>;

function node(kind: string, fields: Record<string, unknown>): Node {
  return new Map<string, unknown>([[KIND, kind], ...Object.entries(fields)]);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function isInt32(v: unknown): v is number {
  return typeof v === 'number' && (v | 0) === v && !Object.is(v, -0);
}

/** The packed form of plain data (see the file comment). */
export function pack(value: unknown): unknown {
  if (Array.isArray(value)) return packArray(value);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = pack(value[key]);
    return out;
  }
  return value;
}

function packArray(value: unknown[]): unknown {
  if (value.length > 1) {
    if (value.every(isPlainObject)) return table(value);
    if (value.every(isInt32)) return Int32Array.from(value);
    if (value.every((v) => typeof v === 'string')) {
      const distinct = new Map<string, number>();
      const indexes = Int32Array.from(value, (s) => {
        let i = distinct.get(s);
        if (i === undefined) distinct.set(s, (i = distinct.size));
        return i;
      });
      if (distinct.size * 2 <= value.length) return node(DICTIONARY, { strings: [...distinct.keys()], indexes });
      return value;
    }
    if (value.every((v) => Array.isArray(v))) {
      const lists = value as unknown[][];
      return node(LIST, { lengths: Int32Array.from(lists, (l) => l.length), items: packArray(lists.flat(1)) });
    }
  }
  return value.map(pack);
}

function table(rows: Record<string, unknown>[]): Node {
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
  const columns = keys.map((key) => packArray(rows.map((row) => row[key])));
  return node(TABLE, { keys, count: rows.length, columns });
}

/** The plain data that `pack` was given (absent for `undefined` properties); throws on anything malformed. */
export function unpack(value: unknown): unknown {
  if (value instanceof Map) return unpackNode(value);
  if (value instanceof Int32Array) return Array.from(value);
  if (Array.isArray(value)) return unpackArray(value);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key === '__proto__') throw new Error('malformed object');
      const v = unpack(value[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  return value;
}

/** An array's elements unpacked; the array itself when none needs it (strings, numbers). */
function unpackArray(value: unknown[]): unknown[] {
  for (const v of value) if (typeof v === 'object' && v !== null) return value.map(unpack);
  return value;
}

function unpackNode(n: Node): unknown[] {
  const kind = n.get(KIND);
  if (kind === TABLE) return untable(n);
  if (kind === DICTIONARY) {
    const strings = n.get('strings');
    const indexes = n.get('indexes');
    if (!Array.isArray(strings) || !(indexes instanceof Int32Array)) throw new Error('malformed dictionary');
    return Array.from(indexes, (i) => {
      if (i < 0 || i >= strings.length) throw new Error('malformed dictionary');
      return strings[i] as unknown;
    });
  }
  if (kind === LIST) {
    const lengths = n.get('lengths');
    const items = column(n.get('items'));
    if (!(lengths instanceof Int32Array)) throw new Error('malformed list');
    const out: unknown[][] = new Array(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i]!;
      if (length < 0 || at + length > items.length) throw new Error('malformed list');
      out[i] = Array.prototype.slice.call(items, at, at + length);
      at += length;
    }
    if (at !== items.length) throw new Error('malformed list');
    return out;
  }
  throw new Error('unknown packed node');
}

/** A column as something indexable: typed arrays and plain columns as they are, packed nodes unpacked. */
function column(c: unknown): ArrayLike<unknown> {
  if (c instanceof Int32Array) return c;
  if (c instanceof Map) return unpackNode(c);
  if (Array.isArray(c)) return unpackArray(c);
  throw new Error('malformed column');
}

function untable(t: Node): Record<string, unknown>[] {
  const keys = t.get('keys');
  const count = t.get('count');
  const columns = t.get('columns');
  if (
    !Array.isArray(keys) ||
    !keys.every((k) => typeof k === 'string' && k !== '__proto__') ||
    !isInt32(count) ||
    count < 0 ||
    !Array.isArray(columns) ||
    columns.length !== keys.length
  )
    throw new Error('malformed table');
  const plain = columns.map((c) => {
    const col = column(c);
    if (col.length !== count) throw new Error('malformed column');
    return col;
  });
  const rows: Record<string, unknown>[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const v = plain[k]![i];
      if (v !== undefined) row[keys[k] as string] = v;
    }
    rows[i] = row;
  }
  return rows;
}

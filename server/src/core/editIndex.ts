/**
 * Candidate generation for "did you mean": finds every name within a few edits
 * (optimal string alignment distance) of a query without comparing it with every
 * name. Two exact filters, each where it is cheap:
 *
 * - short names (symmetric delete): a name within k edits of the query shares with
 *   it a string reachable by at most k deletions on each side (a substitution or a
 *   transposition is one deletion on each side, an insertion one on one side). Each
 *   name is indexed under its variants with up to two deletions.
 * - long names (partition, as in Pass-Join): a name cut into 2k + 2 pieces keeps two
 *   pieces intact under k edits (an edit spoils at most two, a transposition across
 *   a cut), each found in the query shifted by at most k. Each name is indexed under
 *   its six pieces; the query looks its substrings up near each piece's place, and
 *   only names found by two different pieces are compared, once their character
 *   counts are within 2k of the query's (`countsWithin`: names in one folder share the
 *   pieces of its path).
 *
 * Tables hold 32-bit hashes, not strings: a collision only adds a candidate, and
 * every candidate is verified with the bounded distance, so answers are exact.
 */

import { finish } from './steps.js';

/** The largest edit bound the tables serve. */
export const MAX_EDITS = 2;
/** Queries up to this length use the deletion table, longer ones the piece table. */
export const SHORT_QUERY = 13;
const SHORT_NAME = SHORT_QUERY + MAX_EDITS;
const LONG_NAME = SHORT_QUERY + 1 - MAX_EDITS;
const PIECES = 2 * MAX_EDITS + 2;
const BASE = 0x01000193;

let powers = new Uint32Array([1]);
function power(n: number): number {
  if (n >= powers.length) {
    const next = new Uint32Array(Math.max(n + 1, powers.length * 2));
    next.set(powers);
    for (let i = powers.length; i < next.length; i++) next[i] = Math.imul(next[i - 1]!, BASE) >>> 0;
    powers = next;
  }
  return powers[n]!;
}

/** Prefix hashes of `s`: the hash of `s.slice(a, b)` is `sub(p, a, b)`. */
export function prefixHashes(s: string): Uint32Array {
  const p = new Uint32Array(s.length + 1);
  for (let i = 0; i < s.length; i++) p[i + 1] = (Math.imul(p[i]!, BASE) + s.charCodeAt(i)) >>> 0;
  return p;
}

function sub(p: Uint32Array, a: number, b: number): number {
  return (p[b]! - Math.imul(p[a]!, power(b - a))) >>> 0;
}

/** The hash of `x + y` from the hashes of `x` and `y`. */
function concat(hx: number, hy: number, lengthY: number): number {
  return (Math.imul(hx, power(lengthY)) + hy) >>> 0;
}

/** Mixes a hash with small integers (a length, a piece number) into one 32-bit key. */
function mix(h: number, tag: number): number {
  let x = (h ^ Math.imul(tag + 1, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The keys `deletionKeys` writes, reused from call to call (grown as needed). */
let deletions = new Uint32Array(256);

/**
 * The key of every variant of `s` with at most `k` (≤ 2) deletions, written into the
 * module's `deletions` array: returns how many. (No callback per key: a query's lookups
 * stay one function V8 compiles once, not one per closure it is handed.)
 */
function deletionKeys(s: string, k: number): number {
  const n = s.length;
  const count = 1 + (k >= 1 ? n : 0) + (k >= 2 ? (n * (n - 1)) / 2 : 0);
  if (deletions.length < count) deletions = new Uint32Array(count);
  const p = prefixHashes(s);
  let at = 0;
  deletions[at++] = mix(p[n]!, n);
  if (k < 1) return at;
  for (let i = 0; i < n; i++) {
    deletions[at++] = mix(concat(sub(p, 0, i), sub(p, i + 1, n), n - i - 1), n - 1);
    if (k < 2) continue;
    for (let j = i + 1; j < n; j++) {
      const left = concat(sub(p, 0, i), sub(p, i + 1, j), j - i - 1);
      deletions[at++] = mix(concat(left, sub(p, j + 1, n), n - j - 1), n - 2);
    }
  }
  return at;
}

/**
 * The ids a query's keys found, each with a tag (the piece or the length that found it), in the order
 * found: one buffer for every query, emptied by each (`clear`).
 */
export class Found {
  ids = new Int32Array(256);
  tags = new Int32Array(256);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(id: number, tag: number): void {
    if (this.length === this.ids.length) {
      const ids = new Int32Array(this.length * 2);
      const tags = new Int32Array(this.length * 2);
      ids.set(this.ids);
      tags.set(this.tags);
      this.ids = ids;
      this.tags = tags;
    }
    this.ids[this.length] = id;
    this.tags[this.length++] = tag;
  }
}

/** Where piece `j` of a name of length `length` starts, and its length. */
function piece(length: number, j: number): { start: number; size: number } {
  const start = Math.floor((j * length) / PIECES);
  return { start, size: Math.floor(((j + 1) * length) / PIECES) - start };
}

/** Names whose table entries are computed between two yields of a table built in steps. */
const NAMES_PER_STEP = 100;
/** Table entries placed between two yields of a table built in steps. */
const ENTRIES_PER_STEP = 1 << 16;
/** Bits of a table's filter per entry: about one key in 16 that no name has passes it. */
const FILTER_BITS_PER_KEY = 16;

/**
 * A set of 32-bit keys that may answer yes wrongly, never no: one bit per slot, about 16
 * slots per key, set at each key's high bits (the tables bucket by the low ones). About
 * one key in 16 that was never added passes.
 */
class KeyFilter {
  private readonly bits: Uint32Array;
  private readonly shift: number;

  constructor(keys: number) {
    let slots = 32;
    while (slots < keys * FILTER_BITS_PER_KEY && slots < 1 << 30) slots *= 2;
    this.bits = new Uint32Array(slots / 32);
    this.shift = 32 - Math.log2(slots);
  }

  add(key: number): void {
    const slot = key >>> this.shift;
    this.bits[slot >>> 5]! |= 1 << (slot & 31);
  }

  /** False when `key` was never added. */
  mayHold(key: number): boolean {
    const slot = key >>> this.shift;
    return (this.bits[slot >>> 5]! & (1 << (slot & 31))) !== 0;
  }
}

/**
 * Ids by 32-bit key, bucketed by the key's low bits: the keys and ids of a bucket lie
 * together in two arrays, so a lookup reads one short run (a binary search over a large
 * sorted array would miss the cache at every step), and building is two linear passes
 * (count, then place), with no sort.
 */
class PairTable {
  private constructor(
    /** Keys in bucket order; `ids[i]` is the id stored under `keys[i]`. */
    private readonly keys: Uint32Array,
    private readonly ids: Int32Array,
    /** Where each bucket's run starts in `keys`/`ids`; bucket `b` ends where `b + 1` starts. */
    private readonly starts: Uint32Array,
    private readonly mask: number,
    /** Most keys a query asks for are in no name: one read of this small filter answers for them, not two of the larger arrays. */
    private readonly filter: KeyFilter,
  ) {}

  /** The table of `keys[i]` → `ids[i]`, built in steps of `ENTRIES_PER_STEP` entries (a caller may yield between them). */
  static *steps(keys: Uint32Array, ids: Int32Array): Generator<void, PairTable> {
    let capacity = 16;
    while (capacity < keys.length) capacity *= 2;
    const mask = capacity - 1;
    const starts = new Uint32Array(capacity + 1);
    for (let i = 0; i < keys.length; i++) {
      starts[(keys[i]! & mask) + 1]!++;
      if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    }
    for (let b = 0; b < capacity; b++) {
      starts[b + 1]! += starts[b]!;
      if (b % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    }
    yield;
    const next = starts.slice(0, capacity);
    yield;
    const bucketKeys = new Uint32Array(keys.length);
    const bucketIds = new Int32Array(keys.length);
    yield;
    for (let i = 0; i < keys.length; i++) {
      const at = next[keys[i]! & mask]!++;
      bucketKeys[at] = keys[i]!;
      bucketIds[at] = ids[i]!;
      if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    }
    const filter = new KeyFilter(keys.length);
    yield;
    for (let i = 0; i < keys.length; i++) {
      filter.add(keys[i]!);
      if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    }
    return new PairTable(bucketKeys, bucketIds, starts, mask, filter);
  }

  /** Adds to `found` every id stored under `key`, tagged `tag`. */
  collect(key: number, tag: number, found: Found): void {
    if (!this.filter.mayHold(key)) return;
    const b = key & this.mask;
    for (let i = this.starts[b]!, end = this.starts[b + 1]!; i < end; i++) if (this.keys[i] === key) found.push(this.ids[i]!, tag);
  }
}

/** A 32-bit key for `s.slice(0, length)` from the prefix hashes of `s` (equal strings, equal keys). */
export function prefixKey(p: Uint32Array, length: number): number {
  return mix(p[length]!, length);
}

/** Names by the key of their whole self (`prefixKey` at full length): finds the names a query starts with. */
export function buildWholeTable(names: readonly string[]): PairTable {
  return finish(wholeTableSteps(names));
}

/** `buildWholeTable` in steps. */
export function* wholeTableSteps(names: readonly string[]): Generator<void, PairTable> {
  const keys = new Uint32Array(names.length);
  const ids = new Int32Array(names.length);
  for (let id = 0; id < names.length; id++) {
    const s = names[id]!;
    keys[id] = prefixKey(prefixHashes(s), s.length);
    ids[id] = id;
    if (id % NAMES_PER_STEP === NAMES_PER_STEP - 1) yield;
  }
  return yield* PairTable.steps(keys, ids);
}

/** Which table serves a query of this length. */
export function tableFor(queryLength: number): 'short' | 'long' {
  return queryLength <= SHORT_QUERY ? 'short' : 'long';
}

function shortEntries(length: number): number {
  return length <= SHORT_NAME ? 1 + length + (length * (length - 1)) / 2 : 0;
}

function longEntries(length: number): number {
  return length >= LONG_NAME ? PIECES : 0;
}

/** How many entries each table would hold for these names (the cost of building it). */
export function tableCost(names: readonly string[]): { short: number; long: number } {
  let short = 0;
  let long = 0;
  for (const s of names) {
    short += shortEntries(s.length);
    long += longEntries(s.length);
  }
  return { short, long };
}

/** The deletion table over the names short enough to meet a short query. */
export function buildShortTable(names: readonly string[]): PairTable {
  return finish(shortTableSteps(names));
}

/** `buildShortTable` a few hundred names at a time: a caller that must stay responsive yields between steps. */
export function* shortTableSteps(names: readonly string[]): Generator<void, PairTable> {
  const size = tableCost(names).short;
  const keys = new Uint32Array(size);
  const ids = new Int32Array(size);
  let at = 0;
  for (let id = 0; id < names.length; id++) {
    const s = names[id]!;
    if (s.length <= SHORT_NAME) {
      const count = deletionKeys(s, MAX_EDITS);
      for (let i = 0; i < count; i++) {
        keys[at] = deletions[i]!;
        ids[at++] = id;
      }
    }
    if (id % NAMES_PER_STEP === NAMES_PER_STEP - 1) yield;
  }
  return yield* PairTable.steps(keys, ids);
}

/** The piece table over the names long enough to meet a long query. */
export function buildLongTable(names: readonly string[]): PairTable {
  return finish(longTableSteps(names));
}

/** `buildLongTable` in steps. */
export function* longTableSteps(names: readonly string[]): Generator<void, PairTable> {
  const size = tableCost(names).long;
  const keys = new Uint32Array(size);
  const ids = new Int32Array(size);
  let at = 0;
  for (let id = 0; id < names.length; id++) {
    const s = names[id]!;
    if (s.length >= LONG_NAME) {
      const p = prefixHashes(s);
      for (let j = 0; j < PIECES; j++) {
        const { start, size } = piece(s.length, j);
        keys[at] = mix(sub(p, start, start + size), s.length * PIECES + j);
        ids[at++] = id;
      }
    }
    if (id % NAMES_PER_STEP === NAMES_PER_STEP - 1) yield;
  }
  return yield* PairTable.steps(keys, ids);
}

/** Adds to `found` every id that may lie within `k` edits of a short query (a superset; an id may come more than once). */
export function shortCandidates(table: PairTable, query: string, k: number, found: Found): void {
  const count = deletionKeys(query, Math.min(k, MAX_EDITS));
  for (let i = 0; i < count; i++) table.collect(deletions[i]!, 0, found);
}

/**
 * Adds to `found` every piece of a name that occurs where it may in a long query, as the
 * name's id tagged with the piece. A name within `k` (≤ 2) edits of the query is found by
 * at least `PIECES - 2k` different pieces (`piecesNeeded`); the pieces of one name come
 * together, in increasing order.
 */
export function longCandidates(table: PairTable, query: string, k: number, found: Found): void {
  const n = query.length;
  const p = prefixHashes(query);
  for (let length = Math.max(LONG_NAME, n - k); length <= n + k; length++) {
    const delta = n - length;
    for (let j = 0; j < PIECES; j++) {
      // `piece(length, j)`, without an object per piece.
      const start = Math.floor((j * length) / PIECES);
      const size = Math.floor(((j + 1) * length) / PIECES) - start;
      for (let shift = -k; shift <= k; shift++) {
        // Edits before the piece shift it; the ones after must still make up the lengths.
        if (Math.abs(shift) + Math.abs(delta - shift) > k) continue;
        const at = start + shift;
        if (at < 0 || at + size > n) continue;
        table.collect(mix(sub(p, at, at + size), length * PIECES + j), j, found);
      }
    }
  }
}

/** Character classes a name's counts are kept in (a code unit's class is its low bits). */
const CLASSES = 32;

/**
 * How many characters of each class (code unit mod 32, at most 255) every name holds,
 * `CLASSES` bytes a name. One edit changes these counts by at most two in all (a
 * substitution moves one character between classes, an insertion or a deletion adds or
 * removes one, a transposition none), so names whose counts differ from a query's by more
 * than `2k` in all are more than `k` edits away (`countsWithin`): a test of 32 bytes
 * where names sharing a long folder prefix all pass the piece filter.
 */
export function classCounts(names: readonly string[]): Uint8Array {
  const counts = new Uint8Array(names.length * CLASSES);
  for (let id = 0; id < names.length; id++) countInto(names[id]!, counts, id * CLASSES);
  return counts;
}

/** `classCounts` of one string. */
export function countsOf(s: string): Uint8Array {
  const counts = new Uint8Array(CLASSES);
  countInto(s, counts, 0);
  return counts;
}

function countInto(s: string, counts: Uint8Array, at: number): void {
  for (let i = 0; i < s.length; i++) {
    const c = at + (s.charCodeAt(i) & (CLASSES - 1));
    if (counts[c]! < 255) counts[c]!++;
  }
}

/** False when name `id`'s counts (in `counts`) differ from `query`'s by more than `2k` in all: it is more than `k` edits away. */
export function countsWithin(counts: Uint8Array, id: number, query: Uint8Array, k: number): boolean {
  const at = id * CLASSES;
  let total = 0;
  for (let c = 0; c < CLASSES; c++) {
    const d = counts[at + c]! - query[c]!;
    total += d < 0 ? -d : d;
    if (total > 2 * k) return false;
  }
  return true;
}

/** How many different pieces of a name within `k` edits of a long query occur in it. */
export function piecesNeeded(k: number): number {
  return PIECES - 2 * k;
}

export type { PairTable };

/** The three rows `boundedDistance` computes in, grown as needed (module variables: no closure, no array per call). */
let rowA = new Int32Array(0);
let rowB = new Int32Array(0);
let rowC = new Int32Array(0);

/**
 * The optimal string alignment distance of `a` and `b` (Damerau–Levenshtein where no
 * substring is edited twice) when it is at most `max`, else `max + 1`. Only the band
 * of width 2·max + 1 around the diagonal is computed, after the common prefix and
 * suffix (which change no distance).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  // A common prefix and suffix cost nothing (names in one folder share long ones).
  let from = 0;
  while (from < a.length && from < b.length && a.charCodeAt(from) === b.charCodeAt(from)) from++;
  let endA = a.length;
  let endB = b.length;
  while (endA > from && endB > from && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const n = endA - from;
  const m = endB - from;
  if (n === 0 || m === 0) return Math.max(n, m);
  if (rowA.length < m + 1) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  let before = rowA;
  let previous = rowB;
  let current = rowC;
  for (let j = 0; j <= m; j++) previous[j] = j <= max ? j : over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    current[lo - 1] = lo === 1 && i <= max ? i : over;
    let rowMin = current[lo - 1]!;
    const ai = a.charCodeAt(from + i - 1);
    const aPrev = i > 1 ? a.charCodeAt(from + i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(from + j - 1);
      let v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (j > 1 && ai === b.charCodeAt(from + j - 2) && aPrev === bj) v = Math.min(v, before[j - 2]! + 1);
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) current[hi + 1] = over;
    if (rowMin > max) return over;
    const reused = before;
    before = previous;
    previous = current;
    current = reused;
  }
  return Math.min(previous[m]!, over);
}

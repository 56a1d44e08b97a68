/**
 * "Did you mean …?": the names nearest to an unknown one. A `NameIndex` holds the
 * names of one kind (note names, source ids, attachments, anchors of a source) and
 * answers from tables built the first time they pay (`editIndex.ts`), so a workspace
 * with thousands of unknown names costs milliseconds, not minutes.
 */
import {
  boundedDistance,
  buildLongTable,
  buildShortTable,
  buildWholeTable,
  classCounts,
  countsOf,
  countsWithin,
  Found,
  shortTableSteps,
  longCandidates,
  longTableSteps,
  piecesNeeded,
  prefixHashes,
  prefixKey,
  shortCandidates,
  tableCost,
  tableFor,
  wholeTableSteps,
  type PairTable,
} from './editIndex.js';

/** Comparing one name while scanning costs about as much as this many table entries built. */
const SCAN_TO_BUILD = 4;

/**
 * How many edits a suggestion may be from a name of this length: none under three
 * characters (every name of one or two characters is one edit from `7` or `Rx`: a
 * footnote marker pasted from a web page, `[[7]]`, got "did you mean `a` or `b`?"),
 * 1 for three, else 2. A name that differs only in case or separators is 0 edits away.
 */
export function maxEdits(length: number): number {
  return length < 3 ? 0 : length === 3 ? 1 : 2;
}

/** The form names are compared in: lower case, with `-` and `_` read as spaces (`what-is-it` is `What is it` written as a slug). */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, ' ');
}

/** Damerau–Levenshtein distance (optimal string alignment), case-insensitive, bounded by `max` (over it: `max + 1`). */
export function editDistance(a: string, b: string, max = Infinity): number {
  const bound = Number.isFinite(max) ? max : Math.max(a.length, b.length);
  return boundedDistance(a.toLowerCase(), b.toLowerCase(), bound);
}

/**
 * Names to suggest from. `closest` ranks every name within `maxEdits` of the
 * unknown one by distance, and names it starts with or that start with it (both of
 * three characters or more) as if at the bound; ties go in code-unit order. Names are
 * compared by `nameKey` (so a slug is 0 edits from its heading). Lower-cased
 * duplicates keep their first spelling; empty names are ignored.
 */
export class NameIndex {
  private readonly spellings: string[] = [];
  private readonly lowers: string[] = [];
  /** `nameKey` of each name: what distances, tables and prefixes compare. */
  private readonly keys: string[] = [];
  private readonly idOf = new Map<string, number>();
  /** Names by `prefixKey` of their whole key, to find the names an unknown name starts with without slicing it. */
  private whole: PairTable | undefined;
  private readonly byLength = new Map<number, number[]>();
  private sorted: number[] | undefined;
  private readonly built: { short?: PairTable; long?: PairTable } = {};
  /** Names compared by scanning so far, per table; a table is built once scanning has cost as much. */
  private readonly scanned = { short: 0, long: 0 };
  private cost: { short: number; long: number } | undefined;
  private seen = new Uint32Array(0);
  /** Per name, how many different pieces found it in the current long query, and the last one. */
  private pieces = new Uint8Array(0);
  private lastPiece = new Int8Array(0);
  /** Each key's character counts (`classCounts`), made at the first long query. */
  private counts: Uint8Array | undefined;
  private stamp = 0;

  /**
   * `tables`: `'lazy'` (default) builds a table once scanning has cost as much;
   * `'now'` builds both at once; `'never'` always scans (the plain edit-distance scan).
   */
  constructor(
    candidates: Iterable<string>,
    private readonly tables: 'lazy' | 'now' | 'never' = 'lazy',
  ) {
    for (const name of candidates) {
      const lower = name.toLowerCase();
      if (lower === '' || this.idOf.has(lower)) continue;
      const id = this.lowers.length;
      this.idOf.set(lower, id);
      this.spellings.push(name);
      this.lowers.push(lower);
      const key = nameKey(name);
      this.keys.push(key);
      push(this.byLength, key.length, id);
    }
  }

  /** How many distinct (case-insensitive) names the index holds. */
  get size(): number {
    return this.lowers.length;
  }

  /** Up to `limit` names nearest to `name` (see the class comment), nearest first. */
  closest(name: string, limit = 3): string[] {
    const lower = name.toLowerCase();
    const key = nameKey(name);
    const max = maxEdits(key.length);
    const scored = new Map<number, number>();
    this.withinEdits(key, lower, max, scored);
    if (key.length >= 3) {
      this.startingWith(key, lower, limit, scored, max);
      this.startedBy(key, scored, max);
    }
    return [...scored]
      .sort((x, y) => x[1] - y[1] || this.order(x[0], y[0]))
      .slice(0, limit)
      .map(([id]) => this.spellings[id]!);
  }

  /** Ties: by key, then by lower-cased spelling, in code-unit order. */
  private order(a: number, b: number): number {
    return compare(this.keys[a]!, this.keys[b]!) || compare(this.lowers[a]!, this.lowers[b]!);
  }

  /** Adds to `scored` each name (other than `lower` itself) within `max` edits of `key`, at its distance. */
  private withinEdits(key: string, lower: string, max: number, scored: Map<number, number>): void {
    const which = tableFor(key.length);
    const table = this.table(which, key.length, max);
    if (!table) {
      for (let len = Math.max(0, key.length - max); len <= key.length + max; len++)
        for (const id of this.byLength.get(len) ?? []) this.compare(id, key, lower, max, scored);
      return;
    }
    // The tables give a candidate once per matching key: verify it once per query.
    if (this.seen.length < this.lowers.length) {
      this.seen = new Uint32Array(this.lowers.length);
      this.pieces = new Uint8Array(this.lowers.length);
      this.lastPiece = new Int8Array(this.lowers.length);
    }
    const stamp = (this.stamp = (this.stamp + 1) >>> 0 || 1);
    found.clear();
    if (which === 'short') {
      shortCandidates(table, key, max, found);
      for (let i = 0; i < found.length; i++) {
        const id = found.ids[i]!;
        if (this.seen[id] === stamp) continue;
        this.seen[id] = stamp;
        this.compare(id, key, lower, max, scored);
      }
      return;
    }
    // Long names: compared once found by enough different pieces (a name's pieces come in increasing order)
    // and their character counts are near enough (names in one folder share the pieces of its path).
    const needed = piecesNeeded(max);
    const counts = (this.counts ??= classCounts(this.keys));
    const queryCounts = countsOf(key);
    longCandidates(table, key, max, found);
    for (let i = 0; i < found.length; i++) {
      const id = found.ids[i]!;
      const piece = found.tags[i]!;
      if (this.seen[id] !== stamp) {
        this.seen[id] = stamp;
        this.pieces[id] = 0;
        this.lastPiece[id] = -1;
      }
      if (this.lastPiece[id] === piece) continue;
      this.lastPiece[id] = piece;
      if (++this.pieces[id]! === needed && countsWithin(counts, id, queryCounts, max)) this.compare(id, key, lower, max, scored);
    }
  }

  /** Adds name `id` to `scored` at its distance from `key` when that is at most `max` (and it is not `lower` itself). */
  private compare(id: number, key: string, lower: string, max: number, scored: Map<number, number>): void {
    if (this.lowers[id] === lower) return;
    const d = boundedDistance(key, this.keys[id]!, max);
    if (d <= max) scored.set(id, d);
  }

  /**
   * The table for a query, once scanning would have cost more than building it (a
   * handful of queries scan; thousands use the table); undefined means scan.
   */
  private table(which: 'short' | 'long', length: number, max: number): PairTable | undefined {
    const built = this.built[which];
    if (built || this.tables === 'never') return built;
    let scan = 0;
    for (let len = Math.max(0, length - max); len <= length + max; len++) scan += this.byLength.get(len)?.length ?? 0;
    this.scanned[which] += scan;
    this.cost ??= tableCost(this.keys);
    if (this.tables === 'lazy' && this.scanned[which] * SCAN_TO_BUILD <= this.cost[which]) return undefined;
    const table = which === 'short' ? buildShortTable(this.keys) : buildLongTable(this.keys);
    this.built[which] = table;
    return table;
  }

  /**
   * Builds, a step at a time, every table a lookup will use (as `'now'` would build them at
   * the first lookup): a server that expects thousands of lookups yields between steps
   * instead of stopping for the whole build at the first one. The answers do not change.
   */
  *prepare(): Generator<void> {
    if (this.tables === 'never') return;
    if (!this.built.short) this.built.short = yield* shortTableSteps(this.keys);
    yield;
    if (!this.built.long) this.built.long = yield* longTableSteps(this.keys);
    yield;
    this.counts ??= classCounts(this.keys);
    yield;
    if (!this.whole) this.whole = yield* wholeTableSteps(this.keys);
    yield;
    this.sortedIds();
  }

  /** Adds to `scored`, at `score`, each name not there yet of three characters or more whose key is a proper prefix of `key`. */
  private startedBy(key: string, scored: Map<number, number>, score: number): void {
    const whole = (this.whole ??= buildWholeTable(this.keys));
    const p = prefixHashes(key);
    found.clear();
    // A name of one or two letters starts too many others to suggest (`R` for `Radio Signal`).
    for (let length = 3; length < key.length; length++) whole.collect(prefixKey(p, length), length, found);
    for (let i = 0; i < found.length; i++) {
      const id = found.ids[i]!;
      const length = found.tags[i]!;
      if (this.keys[id]!.length === length && key.startsWith(this.keys[id]!) && !scored.has(id)) scored.set(id, score);
    }
  }

  /** Every name's id, in the order of `order`. */
  private sortedIds(): number[] {
    return (this.sorted ??= this.keys.map((_, id) => id).sort((a, b) => this.order(a, b)));
  }

  /** Adds to `scored`, at `score`, the first `limit` other names whose key starts with `key`. */
  private startingWith(key: string, lower: string, limit: number, scored: Map<number, number>, score: number): void {
    const sorted = this.sortedIds();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[sorted[mid]!]! < key) lo = mid + 1;
      else hi = mid;
    }
    let added = 0;
    for (let i = lo; i < sorted.length && added < limit; i++) {
      const id = sorted[i]!;
      if (!this.keys[id]!.startsWith(key)) break;
      if (this.lowers[id] === lower || scored.has(id)) continue;
      scored.set(id, score);
      added++;
    }
  }
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Up to `limit` of `candidates` close to `name` (see `NameIndex.closest`). */
export function closest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  return new NameIndex(candidates).closest(name, limit);
}

/** What a query's table lookups found (one buffer for all lookups: they never run at once). */
const found = new Found();

const indexes = new WeakMap<object, Map<string, NameIndex>>();

/**
 * The `NameIndex` of the names `owner` stands for (a note's headings, a source's
 * anchors), built once per owner object and `form` (a note's headings as text or as
 * slugs): pass an object that is replaced whenever its names change (a document's index
 * for one version).
 */
export function nameIndexOf(owner: object, names: () => Iterable<string>, form = ''): NameIndex {
  let forms = indexes.get(owner);
  if (!forms) indexes.set(owner, (forms = new Map()));
  let index = forms.get(form);
  if (!index) forms.set(form, (index = new NameIndex(names())));
  return index;
}

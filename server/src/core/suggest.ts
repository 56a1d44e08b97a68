/**
 * "Did you mean …?": the names nearest to an unknown one. A `NameIndex` holds the
 * names of one kind (note names, source ids, attachments, anchors of a source) and
 * answers from tables built the first time they pay (`editIndex.ts`), so a workspace
 * with thousands of unknown names costs milliseconds, not minutes.
 */
import { boundedDistance, buildLongTable, buildShortTable, longCandidates, MAX_IDS, shortCandidates, tableCost, tableFor, type PairTable } from './editIndex.js';

/** How many edits a suggestion may be from a name of this length: 1 up to three characters, else 2. */
export function maxEdits(length: number): number {
  return length <= 3 ? 1 : 2;
}

/** Damerau–Levenshtein distance (optimal string alignment), case-insensitive, bounded by `max` (over it: `max + 1`). */
export function editDistance(a: string, b: string, max = Infinity): number {
  const bound = Number.isFinite(max) ? max : Math.max(a.length, b.length);
  return boundedDistance(a.toLowerCase(), b.toLowerCase(), bound);
}

/**
 * Names to suggest from. `closest` ranks every name within `maxEdits` of the
 * unknown one by distance, and names it starts with or that start with it (three
 * characters or more) as if at the bound; ties go in code-unit order of the
 * lower-cased names. Lower-cased duplicates keep their first spelling; empty names are ignored.
 */
export class NameIndex {
  private readonly spellings: string[] = [];
  private readonly lowers: string[] = [];
  private readonly idOf = new Map<string, number>();
  private readonly byLength = new Map<number, number[]>();
  private sorted: number[] | undefined;
  private readonly built: { short?: PairTable; long?: PairTable } = {};
  /** Names compared by scanning so far, per table; a table is built once scanning has cost as much. */
  private readonly scanned = { short: 0, long: 0 };
  private cost: { short: number; long: number } | undefined;
  private seen = new Uint32Array(0);
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
      const list = this.byLength.get(lower.length);
      if (list) list.push(id);
      else this.byLength.set(lower.length, [id]);
    }
  }

  /** How many distinct (case-insensitive) names the index holds. */
  get size(): number {
    return this.lowers.length;
  }

  /** Up to `limit` names nearest to `name` (see the class comment), nearest first. */
  closest(name: string, limit = 3): string[] {
    const lower = name.toLowerCase();
    const max = maxEdits(lower.length);
    const scored = new Map<number, number>();
    this.withinEdits(lower, max, (id, d) => scored.set(id, d));
    if (lower.length >= 3) {
      this.startingWith(lower, limit, scored, max);
      for (let k = 1; k < lower.length; k++) {
        const id = this.idOf.get(lower.slice(0, k));
        if (id !== undefined && !scored.has(id)) scored.set(id, max);
      }
    }
    return [...scored]
      .sort((x, y) => x[1] - y[1] || compare(this.lowers[x[0]]!, this.lowers[y[0]]!))
      .slice(0, limit)
      .map(([id]) => this.spellings[id]!);
  }

  /** Calls `found` with each other name within `max` edits of `lower`, and its distance. */
  private withinEdits(lower: string, max: number, found: (id: number, distance: number) => void): void {
    const which = tableFor(lower.length);
    const table = this.table(which, lower.length, max);
    const check = (id: number) => {
      const other = this.lowers[id]!;
      if (other === lower) return;
      const d = boundedDistance(lower, other, max);
      if (d <= max) found(id, d);
    };
    if (!table) {
      for (let len = Math.max(0, lower.length - max); len <= lower.length + max; len++) for (const id of this.byLength.get(len) ?? []) check(id);
      return;
    }
    // The tables give each candidate once per matching key: verify it once per query.
    if (this.seen.length < this.lowers.length) this.seen = new Uint32Array(this.lowers.length);
    const stamp = (this.stamp = (this.stamp + 1) >>> 0 || 1);
    const visit = (id: number) => {
      if (this.seen[id] === stamp) return;
      this.seen[id] = stamp;
      check(id);
    };
    if (which === 'short') shortCandidates(table, lower, max, visit);
    else longCandidates(table, lower, max, visit);
  }

  /**
   * The table for a query, once scanning would have cost more than building it (a
   * handful of queries scan; thousands use the table); undefined means scan.
   */
  private table(which: 'short' | 'long', length: number, max: number): PairTable | undefined {
    const built = this.built[which];
    if (built || this.tables === 'never' || this.lowers.length >= MAX_IDS) return built;
    let scan = 0;
    for (let len = Math.max(0, length - max); len <= length + max; len++) scan += this.byLength.get(len)?.length ?? 0;
    this.scanned[which] += scan;
    this.cost ??= tableCost(this.lowers);
    if (this.tables === 'lazy' && this.scanned[which] <= this.cost[which]) return undefined;
    const table = which === 'short' ? buildShortTable(this.lowers) : buildLongTable(this.lowers);
    this.built[which] = table;
    return table;
  }

  /** Adds to `scored`, at `score`, the first `limit` other names that start with `lower`. */
  private startingWith(lower: string, limit: number, scored: Map<number, number>, score: number): void {
    const sorted = (this.sorted ??= this.lowers.map((_, id) => id).sort((a, b) => compare(this.lowers[a]!, this.lowers[b]!)));
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lowers[sorted[mid]!]! < lower) lo = mid + 1;
      else hi = mid;
    }
    let added = 0;
    for (let i = lo; i < sorted.length && added < limit; i++) {
      const id = sorted[i]!;
      if (!this.lowers[id]!.startsWith(lower)) break;
      if (this.lowers[id] === lower || scored.has(id)) continue;
      scored.set(id, score);
      added++;
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Up to `limit` of `candidates` close to `name` (see `NameIndex.closest`). */
export function closest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  return new NameIndex(candidates).closest(name, limit);
}

const indexes = new WeakMap<object, NameIndex>();

/**
 * The `NameIndex` of the names `owner` stands for (a note's headings, a source's
 * anchors), built once per owner object: pass an object that is replaced whenever
 * its names change (a document's index for one version).
 */
export function nameIndexOf(owner: object, names: () => Iterable<string>): NameIndex {
  let index = indexes.get(owner);
  if (!index) indexes.set(owner, (index = new NameIndex(names())));
  return index;
}

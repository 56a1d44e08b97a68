/** "Did you mean …?": the closest names by edit distance. */

/** Damerau–Levenshtein distance (optimal string alignment), case-insensitive, bounded by `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    rows.push(row);
    if (i > 0 && best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/**
 * Names to suggest from, indexed by length and prefix so that a suggestion compares
 * only the names that can be close, not every name in a large workspace.
 */
export class NameIndex {
  private readonly byLength = new Map<number, { name: string; lower: string }[]>();
  /** Lower-cased names, sorted, for prefix ranges; and lower-cased → first spelling. */
  private readonly sorted: string[];
  private readonly spelling = new Map<string, string>();

  constructor(candidates: Iterable<string>) {
    for (const name of candidates) {
      const lower = name.toLowerCase();
      if (this.spelling.has(lower)) continue;
      this.spelling.set(lower, name);
      let list = this.byLength.get(lower.length);
      if (!list) this.byLength.set(lower.length, (list = []));
      list.push({ name, lower });
    }
    this.sorted = [...this.spelling.keys()].sort();
  }

  /**
   * Up to `limit` names close to `name`: within a third of its length (at least 2
   * edits), or sharing a prefix of three or more characters, nearest first.
   */
  closest(name: string, limit = 3): string[] {
    const lower = name.toLowerCase();
    const max = Math.max(2, Math.floor(name.length / 3));
    const scored = new Map<string, number>();
    for (let len = Math.max(0, lower.length - max); len <= lower.length + max; len++) {
      for (const c of this.byLength.get(len) ?? []) {
        if (c.lower === lower) continue;
        const d = editDistance(lower, c.lower, max);
        if (d <= max) scored.set(c.name, d);
      }
    }
    if (lower.length >= 3) {
      // Names that start with `name`: a contiguous range of the sorted names.
      let lo = 0;
      let hi = this.sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.sorted[mid]! < lower) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.sorted.length && this.sorted[i]!.startsWith(lower); i++) {
        const c = this.sorted[i]!;
        if (c !== lower && !scored.has(this.spelling.get(c)!)) scored.set(this.spelling.get(c)!, max);
      }
      // Names that `name` starts with.
      for (let k = 1; k < lower.length; k++) {
        const c = this.spelling.get(lower.slice(0, k));
        if (c !== undefined && !scored.has(c)) scored.set(c, max);
      }
    }
    return [...scored]
      .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
      .slice(0, limit)
      .map(([c]) => c);
  }
}

/** Up to `limit` of `candidates` close to `name` (see `NameIndex.closest`). */
export function closest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  return new NameIndex(candidates).closest(name, limit);
}

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
 * Up to `limit` candidates close to `name`: within a third of its length (at least 2
 * edits), or sharing a prefix of three or more characters, nearest first.
 */
export function closest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const max = Math.max(2, Math.floor(name.length / 3));
  const scored: { c: string; d: number }[] = [];
  const seen = new Set<string>();
  const lower = name.toLowerCase();
  for (const c of candidates) {
    if (seen.has(c) || c.toLowerCase() === lower) continue;
    seen.add(c);
    let d = editDistance(name, c, max);
    if (d > max && lower.length >= 3 && (c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase()))) d = max;
    if (d <= max) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return scored.slice(0, limit).map((s) => s.c);
}

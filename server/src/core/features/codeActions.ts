/** Quick fixes: the fixes carried by the problems under the cursor. */
import type { Fix, Problem, Range } from '../types.js';

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** The fixes of the problems that overlap `range` (restricted to `codes` when given). */
export function codeActions(problems: readonly Problem[], range: Range, codes: readonly string[]): Fix[] {
  const out: Fix[] = [];
  for (const p of problems) {
    if (!p.fixes || !overlaps(p.range, range)) continue;
    if (codes.length > 0 && !codes.includes(p.code)) continue;
    out.push(...p.fixes);
  }
  return out;
}

/**
 * Obsidian comments: `%% … %%`, inline or over several lines and blocks. What they
 * hold is not prose: no links, no citations, no dates. An opening `%%` without a
 * closing one comments out the rest of the note, as Obsidian reads it.
 */
import { spanHolding } from '../text.js';
import type { Span } from '../types.js';

/** The `%% … %%` spans of `text` that start outside `excluded` (code, HTML, front matter). */
export function commentSpans(text: string, excluded: readonly Span[]): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('%%', from);
    if (open < 0) break;
    const ex = spanHolding(excluded, open);
    if (ex) {
      from = ex.end;
      continue;
    }
    const close = text.indexOf('%%', open + 2);
    const end = close < 0 ? text.length : close + 2;
    out.push({ start: open, end });
    from = end;
  }
  return out;
}

/** Two sorted span lists as one sorted list of disjoint spans. */
export function mergeSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  if (b.length === 0) return a as Span[];
  if (a.length === 0) return b as Span[];
  const all = [...a, ...b].sort((x, y) => x.start - y.start);
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

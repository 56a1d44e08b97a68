/** Spans as one typed array (`[start, end, start, end, …]`): cheap to copy between threads. */
import type { Span } from '../core/types.js';

/** Spans in their flat form. */
export function flatSpans(spans: readonly Span[]): Int32Array {
  const out = new Int32Array(spans.length * 2);
  spans.forEach((s, i) => {
    out[2 * i] = s.start;
    out[2 * i + 1] = s.end;
  });
  return out;
}

/** Spans from their flat form. */
export function spansOf(flat: Int32Array): Span[] {
  const out: Span[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ start: flat[i]!, end: flat[i + 1]! });
  return out;
}

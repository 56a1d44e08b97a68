/** Offsets ↔ LSP positions (UTF-16 code units, as LSP and JavaScript strings use). */
import type { Position, Range, Span } from './types.js';

/** Offsets at which each line of `text` starts (`\n`, `\r\n` and `\r` end lines). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // Only `\n` ends a line: found by search rather than character by character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The index of the last of `spans` (sorted by start) that starts at or before `offset`; -1 when none does. */
export function lastStartingAtOrBefore(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/** Whether `span` overlaps one of `sorted` (sorted by start, disjoint). */
export function overlapsOneOf(sorted: readonly Span[], span: Span): boolean {
  // The last one starting before `span` ends has the greatest end of those that do.
  const s = sorted[lastStartingAtOrBefore(sorted, span.end - 1)];
  return s !== undefined && s.end > span.start;
}

/** The one of `spans` (sorted by start, disjoint) that holds `offset`, if any. */
export function spanHolding<S extends Span>(spans: readonly S[], offset: number): S | undefined {
  const s = spans[lastStartingAtOrBefore(spans, offset)];
  return s !== undefined && offset < s.end ? s : undefined;
}

/** The first index in `[lo, hi)` whose value in `sorted` (never decreasing) is at least `value`; `hi` when none is. */
export function firstAtLeast(sorted: ArrayLike<number>, value: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Maps offsets to positions and back for one text. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    this.starts = lineStarts;
  }

  /** Where each line starts; found when first asked (a note with no problem never asks). */
  get lineStarts(): number[] {
    return (this.starts ??= computeLineStarts(this.text));
  }

  /** The position of an offset (clamped into the text). */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo]! };
  }

  /** The offset of a position (clamped into its line and the text). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1]! : this.text.length;
    return Math.max(start, Math.min(start + position.character, next));
  }

  /** The range covering a span. */
  range(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** The 0-based line holding an offset. */
  lineOf(offset: number): number {
    return this.positionAt(offset).line;
  }

  /** The number of lines. */
  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/** `s[from, to)` without the white space at its ends, as a span offset by `base` (empty spans stay where they end). */
export function trimmedSpan(s: string, from: number, to: number, base = 0): Span {
  let a = from;
  let b = to;
  while (a < b && isWhiteSpace(s, a)) a++;
  while (b > a && isWhiteSpace(s, b - 1)) b--;
  return { start: base + a, end: base + b };
}

/** `/\s/.test(s[i])`, without a regular expression for ASCII (scans call it per character). */
export function isWhiteSpace(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(s[i]!);
}

/**
 * The order of two strings by UTF-16 code units, for keys such as codes (`GN001` < `GN010`),
 * where it is `localeCompare`'s order: whose first call builds a collator, a sixth of the
 * tool's start-up.
 */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

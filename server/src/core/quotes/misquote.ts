/**
 * Checking a quotation against its source: the quoted words must occur in the cited
 * passage after normalisation; `…`/`...` stand for omitted words, `[sic]` and
 * bracketed insertions are allowed.
 */
import { normalize, originalSpan, type NormalizedText } from '../normalize.js';
import type { Span } from '../types.js';
import { firstAtLeast } from '../text.js';
import { fuzzyFind } from './fuzzy.js';

/** Quotations in `text[span]`: the words between straight or typographic double quotes. */
export function quotationsIn(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const re = /"([^"\n]{2,600})"|\u201c([^\u201d\n]{2,600})\u201d/g;
  re.lastIndex = span.start;
  const slice = text.slice(0, span.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) {
    const inner = m.index + 1;
    out.push({ start: inner, end: inner + (m[1] ?? m[2])!.length });
  }
  return out;
}

/** The pieces a quotation must contain, in order (ellipses and bracketed insertions split it). */
export function quotePieces(quote: string): string[] {
  // Linear on any input: the separators hold no white space or nested brackets, and
  // trimming is a loop (`\s*…\s*` and `[\s,;:.]+$` backtrack quadratically on long runs).
  return quote
    .split(/\.\.\.|\u2026|\[[^\[\]]*\]/)
    .map((p) => trimPunctuation(normalize(p)))
    .filter((p) => p.length > 0);
}

/** Strips white space, `,`, `;` and `:` at the start, and those and `.` at the end. */
function trimPunctuation(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && /[\s,;:]/.test(s[a]!)) a++;
  while (b > a && /[\s,;:.]/.test(s[b - 1]!)) b--;
  return s.slice(a, b);
}

function flipFirst(s: string): string {
  const c = s[0]!;
  return (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + s.slice(1);
}

/** Whether the quotation's pieces occur, in order, in `scope` (normalised text). */
export function quoteOccurs(scope: string, quote: string): boolean {
  const pieces = quotePieces(quote);
  if (pieces.length === 0) return true;
  let from = 0;
  for (const [i, piece] of pieces.entries()) {
    let at = scope.indexOf(piece, from);
    // A quotation may change the case of its first letter to fit the sentence.
    if (at < 0 && i === 0) at = scope.indexOf(flipFirst(piece), from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

/** The source's closest wording to a quotation, within `scope` (a span of the normalised source). */
export function closestWording(n: NormalizedText, scope: Span, quote: string): { span: Span; similarity: number } | undefined {
  const sub: NormalizedText = { text: n.text.slice(scope.start, scope.end), offsets: n.offsets.slice(scope.start, scope.end + 1) };
  const match = fuzzyFind(sub, quotePieces(quote).join(' '), 0.45);
  if (!match || match.similarity < 0.55) return undefined;
  return { span: { start: match.start, end: match.end }, similarity: match.similarity };
}

/**
 * The normalised span covering an original span: from the first normalised character at
 * or after each end (the extra end entry when none is), found by binary search since the
 * offsets never decrease (a scan from the start was linear in the source per quotation).
 */
export function normalizedSpan(n: NormalizedText, span: Span): Span {
  const last = n.offsets.length - 1;
  const a = firstAtLeast(n.offsets, span.start, 0, last);
  return { start: a, end: firstAtLeast(n.offsets, span.end, a, last) };
}

export { originalSpan };

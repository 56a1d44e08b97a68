/**
 * A line-by-line reading of the Markdown constructs that hide citations (front matter,
 * fenced code, code spans, HTML comments), for text the full parser must not be
 * given: containers nested so deep that parsing them takes seconds to minutes.
 * Linear in the text.
 */
import type { Span } from '../types.js';

/** Containers deeper than this on any line send a note to the lexical reading. */
export const MAX_NESTING = 100;

/**
 * The deepest container nesting on any line, estimated from its prefix: each list
 * marker or `>` counts one, each two columns of indentation count one.
 */
export function maxNesting(text: string, stopAbove = MAX_NESTING): number {
  let deepest = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let depth = 0;
    let columns = 0;
    // Reads the line's prefix of white space, `>` and list markers.
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32) {
        columns++;
        i++;
      } else if (c === 9) {
        columns += 4;
        i++;
      } else if (c === 62 /* > */) {
        depth++;
        i++;
      } else if ((c === 45 || c === 43 || c === 42) /* - + * */ && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        depth++;
        i++;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < n && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 41) /* . ) */ && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) {
          depth++;
          i = j + 1;
        } else break;
      } else break;
    }
    depth += columns >> 1;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > stopAbove) return deepest;
    }
    const nl = text.indexOf('\n', i);
    i = nl < 0 ? n : nl + 1;
  }
  return deepest;
}

/** Spans of front matter, fenced code, code spans and HTML comments, sorted and disjoint. */
export function lexicalExclusions(text: string): { excluded: Span[]; frontMatter?: { value: string; span: Span } } {
  const excluded: Span[] = [];
  let frontMatter: { value: string; span: Span } | undefined;
  let at = 0;
  const fm = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (fm) {
    const close = new RegExp(`^${fm[1] === '---' ? '(?:---|\\.\\.\\.)' : '\\+\\+\\+'}[ \\t]*$`, 'm');
    const rest = text.slice(fm[0].length);
    const m = close.exec(rest);
    if (m) {
      const end = fm[0].length + m.index + m[0].length;
      excluded.push({ start: 0, end });
      if (fm[1] === '---') frontMatter = { value: rest.slice(0, m.index).replace(/\r?\n$/, ''), span: { start: 0, end } };
      at = end;
    }
  }
  let fence: { char: string; length: number; start: number } | undefined;
  let paragraphStart = at;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(at, lineEnd);
    const next = nl < 0 ? text.length : nl + 1;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) {
        excluded.push({ start: fence.start, end: lineEnd });
        fence = undefined;
        paragraphStart = next;
      }
      at = next;
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) {
      inlineSpans(text, paragraphStart, at, excluded);
      fence = { char: open[1]![0]!, length: open[1]!.length, start: at };
      at = next;
      continue;
    }
    // A line that opens with `<!--` (after its container prefix) starts an HTML block,
    // even inside a paragraph: the block runs to the end of the line holding `-->`.
    const comment = at + containerPrefix(line);
    if (text.startsWith('<!--', comment)) {
      inlineSpans(text, paragraphStart, at, excluded);
      const close = text.indexOf('-->', comment + 4);
      const closeLine = close < 0 ? -1 : text.indexOf('\n', close + 3);
      const end = close < 0 || closeLine < 0 ? text.length : closeLine;
      excluded.push({ start: comment, end });
      at = end >= text.length ? text.length : end + 1;
      paragraphStart = at;
      continue;
    }
    if (line.trim() === '') {
      inlineSpans(text, paragraphStart, at, excluded);
      paragraphStart = next;
    }
    at = next;
  }
  if (fence) excluded.push({ start: fence.start, end: text.length });
  else inlineSpans(text, paragraphStart, text.length, excluded);
  excluded.sort((a, b) => a.start - b.start);
  return frontMatter ? { excluded: disjoint(excluded), frontMatter } : { excluded: disjoint(excluded) };
}

/** The length of a line's prefix of up to three spaces, `>` markers and list markers. */
function containerPrefix(line: string): number {
  const m = /^(?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))*[ \t]*/.exec(line);
  return m ? m[0].length : 0;
}

/**
 * Where the first run of exactly `run` backticks in `text[from, to)` ends (the end of a
 * code span opened by a run of that length), or -1 when there is none.
 */
export function closingRun(text: string, from: number, to: number, run: number): number {
  let search = from;
  while (search < to) {
    const t = text.indexOf('`', search);
    if (t < 0 || t >= to) break;
    let e = t;
    while (e < to && text.charCodeAt(e) === 96) e++;
    if (e - t === run) return e;
    search = e;
  }
  return -1;
}

/** Code spans and HTML comments within one paragraph `text[from, to)`. */
function inlineSpans(text: string, from: number, to: number, out: Span[]): void {
  // Run lengths known to have no closing run further on: not searched for again.
  const unclosed = new Set<number>();
  let i = from;
  while (i < to) {
    const tick = text.indexOf('`', i);
    const comment = text.indexOf('<!--', i);
    const nextTick = tick < 0 || tick >= to ? -1 : tick;
    const nextComment = comment < 0 || comment >= to ? -1 : comment;
    if (nextTick < 0 && nextComment < 0) return;
    if (nextComment >= 0 && (nextTick < 0 || nextComment < nextTick)) {
      // A comment may run past the paragraph; it ends at `-->` or at the end of the text.
      const close = text.indexOf('-->', nextComment + 4);
      const end = close < 0 ? text.length : close + 3;
      out.push({ start: nextComment, end });
      i = end;
      continue;
    }
    let runEnd = nextTick;
    while (runEnd < to && text.charCodeAt(runEnd) === 96) runEnd++;
    const run = runEnd - nextTick;
    // The closing run has exactly the same length; without one the backticks are literal.
    const closed = unclosed.has(run) ? -1 : closingRun(text, runEnd, to, run);
    if (closed < 0) {
      unclosed.add(run);
      i = runEnd;
      continue;
    }
    out.push({ start: nextTick, end: closed });
    i = closed;
  }
}

function disjoint(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

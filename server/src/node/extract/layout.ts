/**
 * From positioned text (what pdf.js reads off each page) to readable text: lines by
 * baseline, two-column pages read column by column, running headers and footers
 * (the same line at the top or bottom of most pages) left out, paragraphs by spacing
 * and indentation, words hyphenated at line ends joined, ligatures spelt out.
 * Pure functions over plain data, so they are tested without PDFs.
 */
import type { ExtractedDocument, Span } from '../../core/types.js';

/** One run of text as pdf.js places it: baseline origin, advance width and font size, in PDF points. */
export interface PdfTextItem {
  str: string;
  x: number;
  /** The baseline, measured up from the bottom of the page. */
  y: number;
  width: number;
  size: number;
}

export interface PdfPageText {
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** A bookmark: its title, 1-based page, depth (1 at the top). */
export interface PdfOutlineEntry {
  title: string;
  page: number;
  level: number;
}

/** What the layout did, for the log and the measurements in the README. */
export interface LayoutStats {
  pages: number;
  twoColumnPages: number;
  headerFooterLines: number;
  hyphenJoins: number;
  hyphenKept: number;
  /** A few joins as `head-|tail → word`, to check by hand (the README's measurements). */
  hyphenSamples: string[];
  /** A few of the lines left out as running headers and footers. */
  runningSamples?: string[];
}

interface Line {
  y: number;
  size: number;
  x0: number;
  x1: number;
  items: PdfTextItem[];
  text: string;
}

/** Lines of the top and bottom of a page looked at as running headers and footers. */
const EDGE_LINES = 2;
/** A line repeated at a page edge on this share of pages (and at least 3) is a running header or footer. */
const RUNNING_SHARE = 0.4;
/** The share of a two-column page's lines that may cross its gutter (title, authors, abstract, wide figures). */
const GUTTER_CROSSING = 0.35;
const LIGATURES: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/** Spells out ligature characters and drops zero-width ones; no-break spaces become spaces. */
export function normalizeGlyphs(s: string): string {
  return s
    .replace(/[\ufb00-\ufb06]/g, (c) => LIGATURES[c]!)
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\u00a0/g, ' ');
}

/** Groups a page's items into lines, top to bottom, each sorted left to right. */
export function groupLines(items: readonly PdfTextItem[]): Line[] {
  const sorted = items
    .filter((i) => i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: PdfTextItem[] }[] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - item.y) <= 0.4 * Math.min(last.size, item.size || last.size)) last.items.push(item);
    else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  return lines.map((l) => makeLine(l.items));
}

function makeLine(items: PdfTextItem[]): Line {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let text = '';
  let end = -Infinity;
  for (const item of sorted) {
    const gap = item.x - end;
    const str = normalizeGlyphs(item.str);
    // pdf.js leaves the space between words to the gap when a PDF draws words one by one.
    if (text !== '' && gap > 0.15 * item.size && !/\s$/.test(text) && !/^\s/.test(str)) text += ' ';
    text += str;
    end = Math.max(end, item.x + item.width);
  }
  const sizes = sorted.map((i) => i.size).sort((a, b) => a - b);
  return {
    y: Math.max(...sorted.map((i) => i.y)),
    size: sizes[sizes.length >> 1] ?? 0,
    x0: sorted[0]?.x ?? 0,
    x1: end,
    items: sorted,
    text: text.replace(/\s+/g, ' ').trim(),
  };
}

/**
 * A line's key for finding repeats across pages: its words (numbers and spacing do not
 * count) and where it stands on the page.
 */
function runningKey(line: Line): string {
  const text = ROMAN.test(line.text) ? '#' : line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  return `${Math.round(line.y / 4)}\u0000${text}`;
}

/** A line that is only a roman numeral (front matter's page numbers). */
const ROMAN = /^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;

function romanValue(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  const t = s.toLowerCase();
  for (let i = 0; i < t.length; i++) {
    const a = v[t[i]!]!;
    const b = v[t[i + 1]!] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}

/** The numbers of a line: its digits, or the value of a roman numeral. */
function numbersOf(text: string): number[] {
  return ROMAN.test(text) ? [romanValue(text)] : (text.match(/\d+/g) ?? []).map(Number);
}

/**
 * True when the numbers of a repeated line change as page numbers do: each one the same
 * on every page, or going up by one a page ("Page 3 of 10"). A table's total at the
 * foot of several pages changes otherwise, and is text.
 */
function numbersLikePageNumbers(found: readonly { page: number; line: Line }[]): boolean {
  const numbers = found.map((f) => numbersOf(f.line.text));
  const width = numbers[0]?.length ?? 0;
  for (let k = 0; k < width; k++) {
    const same = numbers.every((n) => n[k] === numbers[0]![k]);
    const offset = numbers[0]![k]! - found[0]!.page;
    const counting = numbers.every((n, i) => n[k]! - found[i]!.page === offset);
    if (!same && !counting) return false;
  }
  return true;
}

/**
 * The lines of each page that are running headers or footers: among the top and bottom
 * lines of a page, those whose key repeats at an edge on at least 40% of pages (and 3)
 * with numbers that behave as page numbers. A bare page number is such a line too
 * (its key is `#`); a lone number or letter that does not count with the pages (an
 * axis label, a variable) is text.
 */
export function runningLines(pages: readonly Line[][]): Set<Line> {
  const out = new Set<Line>();
  const byKey = new Map<string, { page: number; line: Line }[]>();
  pages.forEach((lines, page) => {
    const top = lines.slice(0, EDGE_LINES);
    const bottom = lines.slice(Math.max(EDGE_LINES, lines.length - EDGE_LINES));
    const seen = new Set<string>();
    for (const line of [...top, ...bottom]) {
      const key = runningKey(line);
      if (seen.has(key)) continue;
      seen.add(key);
      const list = byKey.get(key) ?? [];
      list.push({ page, line });
      byKey.set(key, list);
    }
  });
  const needed = Math.max(3, Math.ceil(RUNNING_SHARE * pages.length));
  for (const found of byKey.values()) {
    if (found.length >= needed && numbersLikePageNumbers(found)) for (const f of found) out.add(f.line);
  }
  return out;
}

/** The gutter of a two-column page (an x range no line crosses, with text on both sides), if any. */
export function findGutter(lines: readonly Line[], width: number): { from: number; to: number } | undefined {
  if (lines.length < 6 || !(width > 0)) return undefined;
  const bins = Math.ceil(width);
  const cover = new Int32Array(bins + 1);
  for (const line of lines) {
    // Word gaps are bridged; a gutter is wider than any word space.
    let runStart = line.items[0]!.x;
    let runEnd = runStart;
    const mark = (a: number, b: number) => {
      for (let x = Math.max(0, Math.floor(a)); x <= Math.min(bins, Math.ceil(b)); x++) cover[x]!++;
    };
    for (const item of line.items) {
      if (item.x - runEnd > 0.8 * item.size) {
        mark(runStart, runEnd);
        runStart = item.x;
      }
      runEnd = Math.max(runEnd, item.x + item.width);
    }
    mark(runStart, runEnd);
  }
  const lo = Math.floor(width * 0.3);
  const hi = Math.ceil(width * 0.7);
  // A title page's title, authors and abstract cross the gutter: up to a third of the lines may.
  let least = Infinity;
  for (let x = lo; x <= hi; x++) least = Math.min(least, cover[x]!);
  if (least > Math.max(1, Math.floor(lines.length * GUTTER_CROSSING))) return undefined;
  // The gutter is where coverage is least; the ragged ends of lines beside it are not.
  const allowed = least + Math.max(1, Math.floor(lines.length * 0.05));
  const runs: { from: number; to: number }[] = [];
  let start = -1;
  for (let x = lo; x <= hi + 1; x++) {
    const open = x <= hi && cover[x]! <= allowed;
    if (open && start < 0) start = x;
    if (!open && start >= 0) {
      if (x - 1 - start >= 3) runs.push({ from: start, to: x - 1 });
      start = -1;
    }
  }
  const centre = (r: { from: number; to: number }) => Math.abs((r.from + r.to) / 2 - width / 2);
  return runs.sort((a, b) => centre(a) - centre(b)).find((r) => isGutter(lines, r));
}

/**
 * True when `run` separates two columns: lines that cross it stand above or below the
 * columns (a title block, a wide figure at the foot), hardly ever between their lines
 * (as body text does between the rows of a table or the lines of an equation on a
 * one-column page), and each side holds a quarter of the lines.
 */
function isGutter(lines: readonly Line[], run: { from: number; to: number }): boolean {
  const crosses = lines.map((l) => l.items.some((i) => i.x < run.to && i.x + i.width > run.from));
  const first = crosses.indexOf(false);
  const last = crosses.lastIndexOf(false);
  if (first < 0) return false;
  let inside = 0;
  for (let i = first; i <= last; i++) if (crosses[i]) inside++;
  if (inside > Math.max(1, lines.length * 0.1)) return false;
  const clear = lines.filter((_, i) => !crosses[i]);
  const left = clear.filter((l) => l.items.some((i) => i.x + i.width <= run.from + 1)).length;
  const right = clear.filter((l) => l.items.some((i) => i.x >= run.to - 1)).length;
  return left >= lines.length * 0.25 && right >= lines.length * 0.25;
}

/**
 * A two-column page's lines in reading order: between lines that cross the gutter (a
 * title, a wide figure), the left column top to bottom, then the right column.
 */
export function readingOrder(lines: readonly Line[], gutter: { from: number; to: number }): Line[][] {
  const streams: Line[][] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  const flush = () => {
    if (left.length) streams.push(left);
    if (right.length) streams.push(right);
    left = [];
    right = [];
  };
  const middle = (gutter.from + gutter.to) / 2;
  for (const line of lines) {
    const l = line.items.filter((i) => i.x + i.width / 2 < middle);
    const r = line.items.filter((i) => i.x + i.width / 2 >= middle);
    const crosses = line.items.some((i) => i.x < gutter.from - 1 && i.x + i.width > gutter.to + 1);
    if (crosses) {
      flush();
      streams.push([line]);
      continue;
    }
    if (l.length) left.push(makeLine(l));
    if (r.length) right.push(makeLine(r));
  }
  flush();
  return streams;
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) * q)]!;
}

/** The font size of most of the text (sizes weighted by characters). */
function weightedMedianSize(lines: readonly Line[]): number {
  const bySize = new Map<number, number>();
  let total = 0;
  for (const l of lines) {
    bySize.set(l.size, (bySize.get(l.size) ?? 0) + l.text.length);
    total += l.text.length;
  }
  let seen = 0;
  for (const [size, n] of [...bySize].sort((a, b) => a[0] - b[0])) {
    seen += n;
    if (seen * 2 >= total) return size;
  }
  return 0;
}

/** Splits a stream of lines (one column) into paragraphs by spacing, size and first-line indentation. */
export function paragraphs(stream: readonly Line[]): Line[][] {
  const gaps: number[] = [];
  for (let i = 1; i < stream.length; i++) {
    const gap = stream[i - 1]!.y - stream[i]!.y;
    if (gap > 0) gaps.push(gap);
  }
  // The usual spacing: a low quantile, as paragraph gaps are the wider, rarer ones.
  const spacing = quantile(gaps, 0.25);
  const left = Math.min(...stream.map((l) => l.x0));
  const right = Math.max(...stream.map((l) => l.x1));
  const out: Line[][] = [];
  let current: Line[] = [];
  for (let i = 0; i < stream.length; i++) {
    const line = stream[i]!;
    const prev = stream[i - 1];
    if (prev && startsParagraph(prev, line, spacing, left, right)) {
      out.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length) out.push(current);
  return out;
}

/** True when `next` (the first line of a column) goes on with the sentence `prev` (the last line of the column before) left open. */
function continues(prev: Line, next: Line): boolean {
  if (Math.abs(prev.size - next.size) > 0.15 * Math.max(prev.size, next.size)) return false;
  return !/[.!?:;"”’)]$/.test(prev.text) || /^\p{Ll}/u.test(next.text);
}

function startsParagraph(prev: Line, line: Line, spacing: number, left: number, right: number): boolean {
  const gap = prev.y - line.y;
  if (gap <= 0 || (spacing > 0 && gap > spacing * 1.4)) return true;
  if (Math.abs(prev.size - line.size) > 0.15 * Math.max(prev.size, line.size)) return true;
  const em = line.size || 10;
  // First-line indentation after a line that ended short of the margin.
  const indented = line.x0 - left > 0.8 * em && prev.x0 - left < 0.5 * em;
  const prevShort = right - prev.x1 > 2 * em;
  return indented && (prevShort || /[.!?:"”)]$/.test(prev.text));
}

const HYPHENS = new Set(['-', '\u00ad', '\u2010']);
const LETTER = /^\p{L}$/u;

/**
 * The word a line ends with before a hyphen (`infor-` → `infor`), if it ends so. Read
 * backwards from the end: the expression `/(\p{L}+)-$/` retried from every letter took
 * 21 s on a line of 150,000 letters.
 */
function lineEndHyphenHead(line: string): string | undefined {
  if (!HYPHENS.has(line[line.length - 1] ?? '')) return undefined;
  let start = line.length - 1;
  while (start > 0) {
    const low = line.charCodeAt(start - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && start >= 2 ? 2 : 1;
    if (!LETTER.test(line.slice(start - width, start))) break;
    start -= width;
  }
  return start < line.length - 1 ? line.slice(start, line.length - 1) : undefined;
}
const WORD_START = /^([\p{L}\p{N}]+)([^\s]*)\s*/u;

/** Joins words hyphenated at line ends within one paragraph; counts what it did. */
export function joinHyphenation(lines: string[], vocabulary: Vocabulary, stats: LayoutStats): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    const head = lineEndHyphenHead(out[i]!);
    const next = head === undefined ? null : WORD_START.exec(out[i + 1]!);
    if (head === undefined || !next) continue;
    const tail = next[1]!;
    const soft = out[i]!.endsWith('\u00ad');
    const lowercase = /^\p{Ll}/u.test(tail);
    // A hyphen kept where the text writes the compound with one, or before a capital or digit.
    const keep = !soft && (!lowercase || vocabulary.keepsHyphen(head, tail));
    out[i] = out[i]!.slice(0, -1) + (keep ? '-' : '') + tail + next[2]!;
    out[i + 1] = out[i + 1]!.slice(next[0].length);
    if (keep) stats.hyphenKept++;
    else stats.hyphenJoins++;
    if (stats.hyphenSamples.length < 40) stats.hyphenSamples.push(`${head}-|${tail} → ${keep ? `${head}-${tail}` : head + tail}`);
    if (out[i + 1] === '') {
      out.splice(i + 1, 1);
      i--;
    }
  }
  return out;
}

/** The words of a document as written inside lines, to decide what a hyphen at a line end was. */
export class Vocabulary {
  private readonly words = new Set<string>();
  constructor(lines: Iterable<string>) {
    for (const line of lines) {
      // A line's first and last words may be the halves of a hyphenated word: they are not evidence.
      const words = line.toLowerCase().match(/[\p{L}]+(?:-[\p{L}]+)*/gu) ?? [];
      for (let i = 1; i + 1 < words.length; i++) {
        const w = words[i]!;
        this.words.add(w);
        // The parts of a compound are words too (`trade-off` has `trade` and `off`).
        if (w.includes('-')) for (const part of w.split('-')) this.words.add(part);
      }
    }
  }
  /**
   * True when a hyphen at a line end belongs to a compound: the text writes `head-tail`
   * with its hyphen and never `headtail`; or, when it writes neither, both halves are
   * words of the text of three letters or more (`data-smoothing`, `trade-off`), where a
   * word split by hyphenation leaves a fragment (`infor-mation`, `de-sign`).
   */
  keepsHyphen(head: string, tail: string): boolean {
    const h = head.toLowerCase();
    const t = tail.toLowerCase();
    if (this.words.has(h + t)) return false;
    if (this.words.has(`${h}-${t}`)) return true;
    return h.length >= 3 && t.length >= 3 && this.words.has(h) && this.words.has(t);
  }
}

/** A heading line's text: short, no final `.`, `,` or `;`, with a letter. */
function headingLike(text: string): boolean {
  return text.split(/\s+/).length <= 12 && !/[.,;]$/.test(text) && /\p{L}/u.test(text) && text.length <= 150;
}

/** Lays out a PDF's pages as one text with page spans, headings (the outline, else clear heading lines) and statistics. */
export function layoutPdf(
  input: readonly PdfPageText[],
  outline: readonly PdfOutlineEntry[] = [],
): Pick<ExtractedDocument, 'text' | 'pages' | 'headings'> & { stats: LayoutStats } {
  const stats: LayoutStats = {
    pages: input.length,
    twoColumnPages: 0,
    headerFooterLines: 0,
    hyphenJoins: 0,
    hyphenKept: 0,
    hyphenSamples: [],
  };
  const pageLines = input.map((p) => groupLines(p.items));
  const running = runningLines(pageLines);
  stats.headerFooterLines = running.size;
  stats.runningSamples = [...new Set([...running].map((l) => l.text))].slice(0, 12);
  const body = pageLines.map((lines) => lines.filter((l) => !running.has(l)));
  const vocabulary = new Vocabulary(body.flat().map((l) => l.text));
  const bodySize = weightedMedianSize(body.flat());
  let text = '';
  const pages: Span[] = [];
  const headings: ExtractedDocument['headings'] = [];
  const candidates: { start: number; end: number; text: string; size: number }[] = [];
  body.forEach((lines, p) => {
    if (p > 0) text += '\n\n';
    const start = text.length;
    const gutter = findGutter(lines, input[p]!.width);
    if (gutter) stats.twoColumnPages++;
    const streams = gutter ? readingOrder(lines, gutter) : lines.length ? [lines] : [];
    const paras: Line[][] = [];
    for (const stream of streams) {
      const found = paragraphs(stream);
      // A paragraph that runs on from the foot of one column to the head of the next is one paragraph.
      const last = paras[paras.length - 1];
      if (last && found[0] && continues(last[last.length - 1]!, found[0][0]!)) last.push(...found.shift()!);
      paras.push(...found);
    }
    const blocks = paras.map((para) => ({
      lines: joinHyphenation(
        para.map((l) => l.text),
        vocabulary,
        stats,
      ),
      size: para[0]!.size,
    }));
    blocks.forEach((b, i) => {
      if (i > 0) text += '\n\n';
      const at = text.length;
      text += b.lines.join('\n');
      if (b.lines.length === 1 && headingLike(b.lines[0]!) && bodySize > 0 && b.size >= bodySize * 1.2)
        candidates.push({ start: at, end: text.length, text: b.lines[0]!, size: b.size });
    });
    pages.push({ start, end: text.length });
  });
  if (outline.length > 0) headings.push(...outlineHeadings(text, pages, outline));
  else {
    const sizes = [...new Set(candidates.map((c) => c.size))].sort((a, b) => b - a);
    for (const c of candidates) headings.push({ start: c.start, end: c.end, text: c.text, level: Math.min(6, sizes.indexOf(c.size) + 1) });
  }
  return { text, pages, headings, stats };
}

/** Places each bookmark on its page: at its title where the page shows it, else at the page's first line. */
function outlineHeadings(text: string, pages: readonly Span[], outline: readonly PdfOutlineEntry[]): ExtractedDocument['headings'] {
  const out: ExtractedDocument['headings'] = [];
  for (const entry of outline) {
    const page = pages[entry.page - 1];
    const title = entry.title.replace(/\s+/g, ' ').trim().slice(0, 300);
    if (!page || !title) continue;
    const pageText = text.slice(page.start, page.end);
    const at = findLoose(pageText, title);
    if (at) out.push({ start: page.start + at.start, end: page.start + at.end, text: title, level: entry.level });
    else {
      const nl = pageText.indexOf('\n');
      out.push({ start: page.start, end: nl < 0 ? page.end : page.start + nl, text: title, level: entry.level });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Finds `needle` in `hay` ignoring case and runs of white space. */
function findLoose(hay: string, needle: string): Span | undefined {
  const pattern = needle
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const m = new RegExp(pattern, 'iu').exec(hay);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

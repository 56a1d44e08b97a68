/**
 * Indexes a source: paragraphs (`pN`), headings (Markdown `#` headings, or
 * plain-text heading lines), title and date. A line scan, not a syntax tree:
 * sources are read far more often than they change, and only need blocks.
 */
import type { Block, DocumentDate, Heading, SourceIndex } from '../types.js';
import { computeLineStarts } from '../text.js';
import { withoutSourceExtension } from '../formats.js';
import { baseName } from '../workspace.js';
import { atxHeading } from './atxHeading.js';
import { findFullDate, frontMatterDate, isDateOnlyLine } from './docDate.js';
import { blankLineBlocks, topDateLine } from './note.js';
import { SlugCounter } from './slug.js';
import { extended } from '../extended.js';

/** The source id and stem of a source file name (`002_a3f2.txt` → `002`, `002_a3f2`). */
export function sourceNames(uri: string): { id: string; stem: string } {
  const stem = withoutSourceExtension(baseName(uri));
  const underscore = stem.indexOf('_');
  const id = (underscore > 0 ? stem.slice(0, underscore) : stem).toLowerCase();
  return { id, stem };
}

/**
 * A plain-text heading line: a one-line paragraph of at most 12 words that does not
 * end in `.`, `,` or `;` (SPEC §2).
 */
export function isHeadingLine(block: string): boolean {
  if (block.includes('\n')) return false;
  const t = block.trim();
  if (t === '' || /[.,;]$/.test(t)) return false;
  return t.split(/\s+/).length <= 12;
}

/**
 * A heading line read as plain text (sources, the link hover's preview lines): its
 * level and text. Two differences from a note's headings, kept from the expression
 * this reading once was: a line that holds another line break (CR, U+2028, U+2029)
 * is no heading, and a heading of nothing but `#`s (`# ###`) keeps them as its text,
 * where CommonMark reads an empty heading.
 */
export function headingLine(line: string): { level: number; text: string } | undefined {
  const h = atxHeading(line);
  if (!h || /[\r\u2028\u2029]/.test(line)) return undefined;
  return { level: h.level, text: h.span.start < h.span.end ? h.text : line.slice(h.afterOpening).trim() };
}

/** ATX headings of a Markdown source, skipping fenced code. */
function markdownHeadings(
  text: string,
  lineStarts: readonly number[],
): { start: number; end: number; text: string; level: number; line: number }[] {
  const out: { start: number; end: number; text: string; level: number; line: number }[] = [];
  let fence: string | undefined;
  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line]!;
    const next = line + 1 < lineStarts.length ? lineStarts[line + 1]! : text.length;
    const content = text.slice(start, next).replace(/\r?\n$/, '');
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(content);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1]![0]!.repeat(fenceMatch[1]!.length);
      else if (content.trim().startsWith(fence)) fence = undefined;
      continue;
    }
    if (fence) continue;
    const h = headingLine(content);
    if (h) out.push({ start, end: start + content.length, text: h.text, level: h.level, line });
  }
  return out;
}

/** Indexes one source. Never throws. */
export function parseSource(uri: string, text: string, version = 0): SourceIndex {
  const { id, stem } = sourceNames(uri);
  const lineStarts = computeLineStarts(text);
  const paragraphs: Block[] = blankLineBlocks(text);
  const slugs = new SlugCounter();
  const isMarkdown = /\.md$/i.test(uri);
  let headings: Heading[];
  let date: DocumentDate | undefined;
  if (isMarkdown) {
    headings = markdownHeadings(text, lineStarts).map((h) => extended(h, { slug: slugs.next(h.text) }));
    date = frontMatterDate(text, frontMatterEnd(text)) ?? topDateLine(text, frontMatterEnd(text));
  } else {
    headings = [];
    for (const p of paragraphs) {
      const block = text.slice(p.start, p.end);
      if (!isHeadingLine(block)) continue;
      // A line that is only a date is the document's date line, not a heading.
      if (isDateOnlyLine(block)) continue;
      headings.push({
        start: p.start,
        end: p.end,
        text: block.trim(),
        level: 1,
        slug: slugs.next(block.trim()),
        line: lineOf(lineStarts, p.start),
      });
    }
    date = topDateLine(text, 0);
  }
  const source: SourceIndex = { uri, id, stem, version, text, headings, paragraphs, lineStarts };
  const title = isMarkdown ? (frontMatterTitle(text) ?? headings[0]?.text ?? firstLine(text)) : (headings[0]?.text ?? firstLine(text));
  if (title) source.title = title;
  if (!date && source.title) {
    // "Biden – Putin video summit, December 7, 2021": the title states the date.
    const titleAt = text.indexOf(source.title);
    const found = findFullDate(source.title);
    if (found && titleAt >= 0)
      date = {
        text: source.title.slice(found.start, found.end),
        span: { start: titleAt + found.start, end: titleAt + found.end },
        iso: found.iso,
      };
  }
  if (date) source.date = date;
  return source;
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first non-empty line that is not just a date. */
function firstLine(text: string): string | undefined {
  for (const line of text.split(/\r?\n/, 20)) {
    const t = line.replace(/^#+\s*/, '').trim();
    if (t && !isDateOnlyLine(t)) return t.length > 120 ? t.slice(0, 117) + '…' : t;
  }
  return undefined;
}

function frontMatterEnd(text: string): number {
  const m = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? m[0].length : 0;
}

/**
 * The `title:` line of the front matter, one quotation mark trimmed from each end. Read
 * line by line: the regular expression it replaces backtracked quadratically on
 * `title: a`, a long run of spaces, then `b` (10 s at 100 KB).
 */
function frontMatterTitle(text: string): string | undefined {
  const end = frontMatterEnd(text);
  if (!end) return undefined;
  for (const line of text.slice(0, end).split('\n')) {
    if (!line.startsWith('title')) continue;
    const rest = line.slice(5).trimStart();
    if (!rest.startsWith(':')) continue;
    let value = rest.slice(1).trim();
    if (value.startsWith('"') || value.startsWith("'")) value = value.slice(1);
    if (value.endsWith('"') || value.endsWith("'")) value = value.slice(0, -1);
    return value || undefined;
  }
  return undefined;
}

/** Indexes a note: its links and citations with their paragraphs, headings, block ids, title, date. */
import type { Block, Citation, DocumentDate, Heading, NoteIndex, Span } from '../types.js';
import { lastStartingAtOrBefore, LineIndex, spanHolding, trimmedSpan } from '../text.js';
import { baseName } from '../workspace.js';
import { atxOpening } from './atxHeading.js';
import { readBlocks } from './blocks.js';
import { findBlockIds } from './blockIds.js';
import { scanCitations, type RawCitation } from './citations.js';
import { commentSpans, mergeSpans } from './comments.js';
import { mathSpans } from './math.js';
import { fileNameDate, findFullDate, isDateOnlyLine, labelledDate } from './docDate.js';
import { lexicalExclusions, MAX_NESTING, maxNesting } from './lexical.js';
import { definitionLinks, scanMarkdownLinks } from './mdLinks.js';
import { propertyLinks } from './propertyLinks.js';
import { markdownLinkTexts, SlugCounter } from './slug.js';
import { markdownStructure, type Structure } from './tree.js';
import { plainScalar, yamlValue } from './yaml.js';

/** The stem of a note's file name (`minds suffer.md` → `minds suffer`). */
export function noteStem(uri: string): string {
  return baseName(uri).replace(/\.md$/i, '');
}

/** Where the lexical reading's lines start: after any line break, as `^` in a multiline expression. */
const LINE_BREAK = /[\n\r\u2028\u2029]/g;

/**
 * What the lexical reading finds, for text the parser is not given (see `lexical.ts`).
 * Exported for its property test. Its headings differ from CommonMark's where the parser's reading is out of reach
 * anyway (containers nested too deep): the `#`s must be followed by a space or a tab
 * (a lone `#` is no heading), the heading runs to the next LF, and every trailing
 * `#`, space and tab is cut (`# C#` reads "C").
 */
export function lexicalStructure(text: string): Structure {
  const { excluded, frontMatter } = lexicalExclusions(text);
  const out: Structure = { excluded, blocks: [], headings: [] };
  if (frontMatter) out.frontMatter = frontMatter;
  let e = 0;
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const lineEnd = nl < 0 ? text.length : nl;
    const atx = atxOpening(text, start, lineEnd);
    const blankAfter = atx !== undefined && /[ \t]/.test(text.charAt(atx.afterOpening));
    if (!atx || !blankAfter) {
      LINE_BREAK.lastIndex = start;
      start = LINE_BREAK.exec(text) ? LINE_BREAK.lastIndex : text.length;
      continue;
    }
    const span = { start, end: lineEnd };
    start = lineEnd + 1;
    while (e < excluded.length && excluded[e]!.end <= span.start) e++;
    if (excluded[e] && excluded[e]!.start <= span.start) continue;
    let from = atx.afterOpening;
    while (text[from] === ' ' || text[from] === '\t') from++;
    let end = lineEnd;
    while (end > from && ' \t#'.includes(text[end - 1]!)) end--;
    out.headings.push({ span, text: text.slice(from, end).trim(), level: atx.level });
  }
  return out;
}

/**
 * The note's Markdown structure: read line by line where that reading is exact (most
 * notes), else by the Markdown parser, else — for containers nested too deep for the
 * parser to finish — by the lexical reading.
 */
export function noteStructure(text: string): Structure {
  const fast = readBlocks(text);
  if (fast) return fast;
  if (maxNesting(text) <= MAX_NESTING) {
    try {
      return markdownStructure(text);
    } catch {
      // fall through to the lexical reading
    }
  }
  return lexicalStructure(text);
}

/** Paragraphs as blank-line separated blocks (the same numbering sources use). */
export function blankLineBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const push = (s: number, e: number) => {
    const { start: a, end: b } = trimmedSpan(text, s, e);
    if (b > a) blocks.push({ start: a, end: b, index: blocks.length + 1 });
  };
  let start = 0;
  let lineStart = 0;
  let blankRun = -1; // where the current run of blank lines began (its preceding line break)
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const end = nl < 0 ? text.length : nl;
    // Blank: spaces and tabs only, and at most a `\r` before the line break.
    const last = end > lineStart && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    let blank = true;
    for (let i = lineStart; i < last; i++) {
      const ch = text.charCodeAt(i);
      if (ch !== 32 && ch !== 9) {
        blank = false;
        break;
      }
    }
    if (blank && lineStart > 0 && nl >= 0) {
      if (blankRun < 0) blankRun = lineStart - 1;
    } else if (!blank && blankRun >= 0) {
      push(start, blankRun);
      start = lineStart;
      blankRun = -1;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  push(start, text.length);
  return blocks;
}

/**
 * The top-level `title:` and `date:` lines alone, when every other top-level key's
 * value starts on a line of its own or is plain (so those two lines are read as the
 * YAML parser reads them); '' otherwise.
 */
function wantedLines(value: string): string {
  const lines = value.split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (WANTED_KEY.test(line)) kept.push(line);
    // Anything but a key, a list item, an indented continuation or a comment: let the parser decide.
    else if (!/^(?:[A-Za-z_][\w-]*[ \t]*:(?:[ \t].*)?|[ \t]+.*|-(?:[ \t].*)?|#.*|[ \t]*)\r?$/.test(line)) return '';
  }
  return kept.join('\n');
}

/**
 * Front matter made only of `key: value` lines whose values are plain or quoted on the
 * line, read without the YAML parser (most notes' front matter; parsing it with `yaml`
 * cost more than the Markdown). Undefined when any line needs the real parser.
 */
function simpleFrontMatter(value: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const line of value.split('\n')) {
    if (/^\s*(#.*)?\r?$/.test(line)) continue;
    const m = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]([^\r]*)/.exec(line);
    const v = m?.[2]!.trim();
    if (!m || !v) return undefined;
    const scalar = v.startsWith('"') || v.startsWith("'") ? quotedScalar(v) : plainScalar(v);
    if (scalar === undefined || m[1]! in out) return undefined;
    out[m[1]!] = scalar;
  }
  return out;
}

/**
 * A quoted scalar closed on its line, as YAML reads it: `"…"` without escapes (a `\`
 * goes to the parser), `'…'` with `''` for a quote; after it only a comment. The Web
 * Clipper writes every title so: 3,400 of the 3,800 real notes whose title or date
 * went to the YAML parser.
 */
function quotedScalar(v: string): string | undefined {
  const quote = v[0]!;
  let content = '';
  let i = 1;
  for (;;) {
    const close = v.indexOf(quote, i);
    if (close < 0) return undefined;
    content += v.slice(i, close);
    i = close + 1;
    if (quote === "'" && v[i] === "'") {
      content += "'";
      i++;
      continue;
    }
    break;
  }
  // An escape, or a character YAML refuses or folds, is the parser's to read.
  if ((quote === '"' && content.includes('\\')) || /[\x00-\x08\x0a-\x1f\x7f]/.test(content)) return undefined;
  return /^(?:[ \t]+#.*)?$/.test(v.slice(i)) ? content : undefined;
}

/** Front matter keys the index reads. */
const WANTED_KEY = /^(?:title|date)[ \t]*:/m;

function frontMatterFields(fm: { value: string; span: Span } | undefined, text: string): { title?: string; date?: DocumentDate } {
  // Most front matter (tags, aliases, lists) says nothing the index reads: not parsed at all.
  if (!fm || !WANTED_KEY.test(fm.value)) return {};
  let data: unknown = simpleFrontMatter(fm.value);
  if (data === undefined) {
    // '' when a line needs the parser: read as it stands, '' held no title or date at all.
    const wanted = wantedLines(fm.value);
    data = wanted ? simpleFrontMatter(wanted) : undefined;
  }
  if (data === undefined) {
    try {
      data = yamlValue(fm.value);
    } catch {
      return {};
    }
  }
  if (!data || typeof data !== 'object') return {};
  const d = data as Record<string, unknown>;
  const out: { title?: string; date?: DocumentDate } = {};
  if (typeof d.title === 'string' && d.title.trim()) out.title = d.title.trim();
  const rawDate = d.date instanceof Date ? d.date.toISOString().slice(0, 10) : typeof d.date === 'string' ? d.date : undefined;
  if (rawDate) {
    const lineMatch = /^date\s*:\s*(.*)$/m.exec(text.slice(fm.span.start, fm.span.end));
    const start = lineMatch ? fm.span.start + lineMatch.index + lineMatch[0].length - lineMatch[1]!.length : fm.span.start;
    const found = findFullDate(rawDate);
    out.date = { text: rawDate, span: { start, end: start + (lineMatch?.[1]?.trimEnd().length ?? 0) } };
    if (found) out.date.iso = found.iso;
  }
  return out;
}

/** True when `span` overlaps one of the sorted, disjoint `spans`. */
function overlapsAny(spans: readonly Span[], span: Span): boolean {
  const i = lastStartingAtOrBefore(spans, span.end - 1);
  const s = spans[i];
  return s !== undefined && s.end > span.start;
}

/** Every link of a note, in document order: wiki links, Markdown links, definitions, property links. */
function allLinks(text: string, s: Structure, excluded: readonly Span[]): RawCitation[] {
  const wiki = scanCitations(text, excluded);
  // A Markdown link overlapping a wiki link (`[[x [a](b)` unclosed) is part of that one.
  const markdown = text.includes('](') ? scanMarkdownLinks(text, s.blocks, excluded).filter((m) => !overlapsAny(wiki, m)) : [];
  const defs = s.definitions ? definitionLinks(text, s.definitions) : [];
  const props = s.frontMatter ? propertyLinks(text, s.frontMatter.span) : [];
  if (markdown.length === 0 && defs.length === 0 && props.length === 0) return wiki;
  return [...props, ...wiki, ...markdown, ...defs].sort((a, b) => a.start - b.start);
}

/** Indexes one note. Never throws: unparsable Markdown yields what could be read. */
export function parseNote(uri: string, text: string, version = 0): NoteIndex {
  const s = noteStructure(text);
  const comments = text.includes('%%') ? commentSpans(text, s.excluded) : [];
  const withComments = mergeSpans(s.excluded, comments);
  const excluded = text.includes('$') ? mergeSpans(withComments, mathSpans(text, withComments)) : withComments;
  // Blank-line paragraphs hold links only where no prose block does (the lexical reading).
  let paragraphs: Block[] | undefined;
  const slugs = new SlugCounter();
  const lines = s.headings.length > 0 ? new LineIndex(text) : undefined;
  const headings: Heading[] = [];
  for (const h of s.headings) {
    if (spanHolding(comments, h.span.start)) continue; // a heading inside a comment
    headings.push({
      start: h.span.start,
      end: h.span.end,
      text: h.text,
      level: h.level,
      slug: slugs.next(markdownLinkTexts(h.text)),
      line: lines!.lineOf(h.span.start),
    });
  }
  const citations = allLinks(text, s, excluded) as Citation[];
  // The links of one prose block share its span, the block's own (a plain span): a vault's
  // ~19 links per note made one each, then a copy per block.
  const spans = new Map<Span, Span>();
  for (const c of citations) {
    // Prose blocks do not nest: one holds the link, or none.
    const prose = spanHolding(s.blocks, c.start);
    if (prose) {
      c.paragraph = prose;
      continue;
    }
    // Blank-line paragraphs carry their number: the links share a plain copy.
    const block = spanHolding((paragraphs ??= blankLineBlocks(text)), c.start);
    let paragraph = block && spans.get(block);
    if (!paragraph) {
      const from = block ?? c;
      paragraph = { start: from.start, end: from.end };
      if (block) spans.set(block, paragraph);
    }
    c.paragraph = paragraph;
  }
  const destinations = citations
    .filter((c) => c.form === 'markdown' || c.form === 'definition')
    .map((c) => ({ start: c.targetSpan.start, end: c.anchorSpan?.end ?? c.targetSpan.end }));
  const fm = frontMatterFields(s.frontMatter, text);
  const note: NoteIndex = {
    uri,
    stem: noteStem(uri),
    version,
    length: text.length,
    citations,
    headings,
    blockIds: findBlockIds(text, excluded),
    prose: proseSpans(text.length, mergeSpans(excluded, destinations)),
  };
  const ids = text.includes('<') ? htmlIds(text) : [];
  if (ids.length > 0) note.htmlIds = ids;
  const title = fm.title ?? headings[0]?.text;
  if (title) note.title = title;
  const date = fm.date ?? topDateLine(text, s.frontMatter?.span.end ?? 0) ?? fileNameDate(uri);
  if (date) note.date = date;
  return note;
}

/** An HTML element's `id` or `name` (`<a id="table-1">`, `<h3 id='x'>`, `<a name=x>`). */
const HTML_ID = /<[a-z][^<>]*?\s(?:id|name)\s*=\s*["']?([^"'<>\s]+)/gi;

/** The ids and names of a note's HTML elements, as a Markdown preview and GitHub give them to fragments. */
function htmlIds(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(HTML_ID)) out.push(m[1]!);
  return out;
}

/** A date-only line is short: longer lines are not searched for one. */
const MAX_DATE_LINE = 120;

/** A date-only line among the first lines after the front matter. */
export function topDateLine(text: string, from: number): DocumentDate | undefined {
  let offset = from;
  for (let i = 0; i < 4 && offset < text.length; i++) {
    const nl = text.indexOf('\n', offset);
    const end = nl < 0 ? text.length : nl;
    const line = end - offset > MAX_DATE_LINE ? '' : text.slice(offset, end).replace(/\r$/, '');
    if (line.trim() !== '') {
      // A date alone ("## June 18, 2024"), or after a label that says it is the document's ("**Date:** …").
      const unmarked = line.replace(/^#+\s*/, '');
      const found = isDateOnlyLine(unmarked) ?? labelledDate(unmarked);
      if (found) {
        const lead = line.length - unmarked.length;
        return { text: line.trim(), span: { start: offset + lead + found.start, end: offset + lead + found.end }, iso: found.iso };
      }
    }
    offset = end + 1;
  }
  return undefined;
}

function proseSpans(length: number, excluded: readonly Span[]): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const e of excluded) {
    if (e.start > at) out.push({ start: at, end: e.start });
    at = Math.max(at, e.end);
  }
  if (at < length) out.push({ start: at, end: length });
  return out;
}

/** Indexes a note: citations with their sentences and paragraphs, headings, title, date. */
import type { Nodes, Root } from 'mdast';
import type { Block, Citation, DocumentDate, Heading, NoteIndex, Span } from '../types.js';
import { lastStartingAtOrBefore, LineIndex } from '../text.js';
import { baseName } from '../workspace.js';
import { scanCitations } from './citations.js';
import { findFullDate, isDateOnlyLine } from './docDate.js';
import { lexicalExclusions, MAX_NESTING, maxNesting } from './lexical.js';
import { parseMarkdown } from './markdown.js';
import { plainStructure } from './plain.js';
import { sentenceAround, sentencesIn } from './sentences.js';
import { SlugCounter } from './slug.js';
import { yamlValue } from './yaml.js';

/** Node types whose text is not prose: citations there are not citations. */
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'definition']);
/** Blocks that hold prose directly: a citation's paragraph is the nearest of these. */
const PROSE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** The stem of a note's file name (`minds suffer.md` → `minds suffer`). */
export function noteStem(uri: string): string {
  return baseName(uri).replace(/\.md$/i, '');
}

export interface Collected {
  excluded: Span[];
  blocks: Span[];
  headings: { span: Span; text: string; level: number }[];
  frontMatter?: { value: string; span: Span };
}

function offsets(node: Nodes): Span | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : { start: s, end: e };
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.type === 'inlineCode' ? node.value : node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/** Walks the tree without recursion (lists nested thousands deep must not overflow the stack). */
function collect(root: Root): Collected {
  const out: Collected = { excluded: [], blocks: [], headings: [] };
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const span = offsets(node);
    if (NOT_PROSE.has(node.type)) {
      if (span) out.excluded.push(span);
      if (node.type === 'yaml' && span && !out.frontMatter) out.frontMatter = { value: (node as { value: string }).value, span };
      continue;
    }
    if (span && PROSE_BLOCKS.has(node.type)) out.blocks.push(span);
    if (node.type === 'heading' && span) out.headings.push({ span, text: plainText(node).trim(), level: node.depth });
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  out.excluded.sort((a, b) => a.start - b.start);
  out.blocks.sort((a, b) => a.start - b.start);
  out.headings.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/** The structure the Markdown parser finds, as the index needs it (exported for the property test). */
export function markdownStructure(text: string): Collected {
  return collect(parseMarkdown(text));
}

/** What the lexical reading finds, for text the parser is not given (see `lexical.ts`). */
function lexicalCollect(text: string): Collected {
  const { excluded, frontMatter } = lexicalExclusions(text);
  const out: Collected = { excluded, blocks: [], headings: [] };
  if (frontMatter) out.frontMatter = frontMatter;
  const atx = /^ {0,3}(#{1,6})[ \t]+([^\n]*)/gm;
  let m: RegExpExecArray | null;
  let e = 0;
  while ((m = atx.exec(text))) {
    const span = { start: m.index, end: m.index + m[0].length };
    while (e < excluded.length && excluded[e]!.end <= span.start) e++;
    if (excluded[e] && excluded[e]!.start <= span.start) continue;
    // The closing `#`s are cut by hand: `/[ \t#]+$/` backtracks quadratically on a long run of ` #`.
    const heading = m[2]!;
    let end = heading.length;
    while (end > 0 && ' \t#'.includes(heading[end - 1]!)) end--;
    out.headings.push({ span, text: heading.slice(0, end).trim(), level: m[1]!.length });
  }
  return out;
}

/** The prose block holding `offset` (blocks sorted by start; prose blocks do not nest). */
function blockAt(blocks: readonly Span[], offset: number): Span | undefined {
  const b = blocks[lastStartingAtOrBefore(blocks, offset)];
  return b && offset < b.end ? b : undefined;
}

/** Paragraphs as blank-line separated blocks (the same numbering sources use). */
export function blankLineBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /\n[ \t]*(?:\r?\n[ \t]*)+/g;
  let start = 0;
  const push = (s: number, e: number) => {
    let a = s;
    let b = e;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) blocks.push({ start: a, end: b, index: blocks.length + 1 });
  };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return blocks;
}

/**
 * Front matter made only of `key: plain value` lines, read without the YAML parser
 * (most notes' front matter; parsing it with `yaml` cost more than the Markdown).
 * Undefined when any line needs the real parser.
 */
function simpleFrontMatter(value: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const line of value.split('\n')) {
    if (/^\s*(#.*)?\r?$/.test(line)) continue;
    const m = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]([^\r]*)/.exec(line);
    const v = m?.[2]!.trim();
    if (!m || !v || /^['"[\]{}&*!|>%@`#,?:-]/.test(v) || /\s#|: /.test(v)) return undefined;
    if (m[1]! in out) return undefined;
    out[m[1]!] = v;
  }
  return out;
}

function frontMatterFields(fm: { value: string; span: Span } | undefined, text: string): { title?: string; date?: DocumentDate } {
  if (!fm) return {};
  let data: unknown = simpleFrontMatter(fm.value);
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

/** Indexes one note. Never throws: unparsable Markdown yields what could be read. */
export function parseNote(uri: string, text: string, version = 0): NoteIndex {
  const plain = plainStructure(text);
  if (plain) return indexNote(uri, text, version, plain);
  let tree: Root | undefined;
  if (maxNesting(text) <= MAX_NESTING) {
    try {
      tree = parseMarkdown(text);
    } catch {
      tree = undefined;
    }
  }
  return indexNote(uri, text, version, tree ? collect(tree) : lexicalCollect(text));
}

/** The note's index from the structure the parser (or a cheaper reading) found. */
function indexNote(uri: string, text: string, version: number, c: Collected): NoteIndex {
  const paragraphs = blankLineBlocks(text);
  const slugs = new SlugCounter();
  const lines = c.headings.length > 0 ? new LineIndex(text) : undefined;
  const headings: Heading[] = c.headings.map((h) => ({
    start: h.span.start,
    end: h.span.end,
    text: h.text,
    level: h.level,
    slug: slugs.next(h.text),
    line: lines!.lineOf(h.span.start),
  }));
  // Sentences are segmented once per paragraph, however many citations it holds.
  const sentencesOf = new Map<number, Span[]>();
  const seen = new Map<number, { from: number; end: number }>();
  const citations: Citation[] = scanCitations(text, c.excluded).map((raw) => {
    const paragraph = blockAt(c.blocks, raw.start) ?? blockAt(paragraphs, raw.start) ?? { start: raw.start, end: raw.end };
    const para = { start: paragraph.start, end: paragraph.end };
    let sentences = sentencesOf.get(para.start);
    if (!sentences) sentencesOf.set(para.start, (sentences = sentencesIn(text, para)));
    return { ...raw, paragraph: para, sentence: sentenceAround(text, para, raw, sentences, seen) };
  });
  const fm = frontMatterFields(c.frontMatter, text);
  const note: NoteIndex = {
    uri,
    stem: noteStem(uri),
    version,
    length: text.length,
    citations,
    headings,
    paragraphs,
    prose: proseSpans(text.length, c.excluded),
  };
  const title = fm.title ?? headings[0]?.text;
  if (title) note.title = title;
  const date = fm.date ?? topDateLine(text, c.frontMatter?.span.end ?? 0);
  if (date) note.date = date;
  return note;
}

/** A date-only line among the first lines after the front matter. */
export function topDateLine(text: string, from: number): DocumentDate | undefined {
  let offset = from;
  for (let i = 0; i < 4 && offset < text.length; i++) {
    const nl = text.indexOf('\n', offset);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(offset, end).replace(/\r$/, '');
    if (line.trim() !== '') {
      const found = isDateOnlyLine(line.replace(/^#+\s*/, ''));
      if (found) {
        const lead = line.length - line.replace(/^#+\s*/, '').length;
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

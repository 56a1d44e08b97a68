/** How a passage is shown to a person: its words in context, its location. */
import { sourceSentencesIn } from '../parse/sentences.js';
import { paragraphsOfPage } from '../anchors.js';
import { lastStartingAtOrBefore } from '../text.js';
import type { Passage, SourceIndex, Span } from '../types.js';
import { escapeMarkdown, shorten } from './locate.js';

const MAX_PASSAGE = 900;
const MAX_CONTEXT = 300;

/** The block (paragraph) holding an offset, if any. */
export function paragraphAt(source: SourceIndex, offset: number): SourceIndex['paragraphs'][number] | undefined {
  return source.paragraphs.find((p) => offset >= p.start && offset < p.end) ?? source.paragraphs.find((p) => p.start >= offset);
}

/** The 1-based page of a PDF holding an offset (undefined for a source without pages). */
export function pageOf(source: SourceIndex, offset: number): number | undefined {
  if (!source.pages || source.pages.length === 0) return undefined;
  return Math.max(0, lastStartingAtOrBefore(source.pages, offset)) + 1;
}

/**
 * Where an offset of a PDF's text stands on its page: the page and the line on it
 * (1-based, counting the page's lines of text; blank lines between paragraphs and
 * the running headers left out of the text do not count). Undefined for other sources.
 */
export function pagePosition(source: SourceIndex, offset: number): { page: number; line: number } | undefined {
  const page = pageOf(source, offset);
  if (page === undefined) return undefined;
  const span = source.pages![page - 1]!;
  const text = source.text;
  let line = 1;
  for (let i = span.start; i < Math.min(offset, span.end); i++) {
    if (text.charCodeAt(i) === 10 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return { page, line };
}

/** `page 12, paragraph 3` (or `pages 12–13`): where a passage stands in a PDF, as `#page=12&p=3` cites it. */
function pdfLocation(source: SourceIndex, passage: Span): string {
  const first = pageOf(source, passage.start)!;
  const last = pageOf(source, Math.max(passage.start, passage.end - 1))!;
  if (first !== last) return `pages ${first}–${last}`;
  const page = source.pages![first - 1]!;
  if (passage.start === page.start && passage.end === page.end) return `page ${first}`;
  const paragraphs = paragraphsOfPage(source, page);
  const k = paragraphs.findIndex((p) => passage.start >= p.start && passage.start < p.end);
  return k >= 0 ? `page ${first}, paragraph ${k + 1}` : `page ${first}`;
}

/** `p7 · L12–14` (a PDF: `page 12, paragraph 3`): where a passage stands in its source. */
export function passageLocation(source: SourceIndex, passage: Span): string {
  if (source.pages) return pdfLocation(source, passage);
  const first = lineOf(source, passage.start) + 1;
  const last = lineOf(source, Math.max(passage.start, passage.end - 1)) + 1;
  const lines = first === last ? `L${first}` : `L${first}–${last}`;
  const pFirst = paragraphAt(source, passage.start)?.index;
  const pLast = paragraphAt(source, Math.max(passage.start, passage.end - 1))?.index;
  const ps = pFirst === undefined ? '' : pFirst === pLast || pLast === undefined ? `p${pFirst}` : `p${pFirst}–p${pLast}`;
  return [ps, lines].filter(Boolean).join(' · ');
}

/** The 0-based line of an offset in a source. */
export function lineOf(source: SourceIndex, offset: number): number {
  const starts = source.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The passage as a Markdown quote: the anchored words in bold, with one sentence of
 * context either side (within its paragraph). All source text is escaped.
 */
export function passageQuote(source: SourceIndex, passage: Passage): string {
  const text = source.text;
  const para = paragraphAt(source, passage.start);
  let before = '';
  let after = '';
  if (para && passage.kind !== 'paragraph' && passage.kind !== 'whole' && passage.kind !== 'page') {
    const sentences = sourceSentencesIn(text, para);
    const first = sentences.findIndex((s) => passage.start < s.end);
    const last = sentences.findIndex((s) => passage.end <= s.end);
    const s0 = sentences[first];
    const s1 = sentences[last === -1 ? sentences.length - 1 : last];
    const prev = first > 0 ? sentences[first - 1] : undefined;
    const next = last >= 0 && last + 1 < sentences.length ? sentences[last + 1] : undefined;
    before = (prev ? text.slice(prev.start, prev.end) + ' ' : '') + (s0 ? text.slice(s0.start, Math.max(s0.start, passage.start)) : '');
    after = (s1 ? text.slice(Math.min(passage.end, s1.end), s1.end) : '') + (next ? ' ' + text.slice(next.start, next.end) : '');
  }
  const words = shorten(text.slice(passage.start, passage.end), MAX_PASSAGE);
  const lead = before.length > MAX_CONTEXT ? '…' + before.slice(before.length - MAX_CONTEXT).replace(/^\S*\s/, '') : before;
  const tail = after.length > MAX_CONTEXT ? after.slice(0, MAX_CONTEXT).replace(/\s\S*$/, '') + '…' : after;
  const bold = words.trim() ? `**${escapeMarkdown(words.replace(/\s+/g, ' ').trim())}**` : '';
  const body = `${escapeMarkdown(lead.replace(/\s+/g, ' ').trimStart())}${bold}${escapeMarkdown(tail.replace(/\s+/g, ' ').trimEnd())}`;
  return '> ' + body;
}

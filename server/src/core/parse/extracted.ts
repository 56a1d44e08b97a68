/**
 * Indexes a source read as extracted text (a PDF, a saved web page): the same
 * `SourceIndex` as a text source — paragraphs, headings, lines over one text — plus
 * its pages or element ids, so every anchor kind and every check works unchanged.
 */
import type { DocumentDate, ExtractedDocument, Heading, SourceIndex, Span } from '../types.js';
import { computeLineStarts, LineIndex } from '../text.js';
import { findFullDate, isDateOnlyLine } from './docDate.js';
import { blankLineBlocks } from './note.js';
import { SlugCounter } from './slug.js';
import { sourceNames } from './source.js';

/** Lines of the first page searched for a date line (a report's title page puts it low). */
const DATE_LINE_SEARCH = 60;

/** Indexes an extracted document as source `uri`. Never throws. */
export function parseExtracted(uri: string, doc: ExtractedDocument, version = 0): SourceIndex {
  const { id, stem } = sourceNames(uri);
  const text = doc.text;
  const lineStarts = computeLineStarts(text);
  const slugs = new SlugCounter();
  const lines = new LineIndex(text, lineStarts);
  const headings: Heading[] = doc.headings
    .filter((h) => h.start >= 0 && h.end <= text.length && h.start <= h.end && h.text.trim() !== '')
    .map((h) => ({
      start: h.start,
      end: h.end,
      text: h.text.trim(),
      level: h.level,
      slug: slugs.next(h.text),
      line: lines.lineOf(h.start),
    }));
  const source: SourceIndex = { uri, id, stem, version, text, headings, paragraphs: blankLineBlocks(text), lineStarts, format: doc.format };
  if (doc.pages) source.pages = doc.pages.map((p) => ({ start: p.start, end: p.end }));
  if (doc.ids && doc.ids.length > 0) source.ids = doc.ids.map((e) => ({ id: e.id, start: e.start, end: e.end }));
  const title = usefulTitle(doc.title) ?? headings[0]?.text ?? firstLine(text);
  if (title) source.title = title;
  const date = dateLine(text, doc.pages?.[0]) ?? metadataDate(doc) ?? titleDate(text, title);
  if (date) source.date = date;
  return source;
}

/** A metadata title worth showing: not empty, not a file name or a word processor's placeholder. */
function usefulTitle(title: string | undefined): string | undefined {
  const t = title?.replace(/^Microsoft (Word|PowerPoint) - /i, '').trim();
  if (!t || /\.(docx?|pdf|indd|tex|rtf|odt|pptx?|qxd)$/i.test(t) || /^(untitled|title|document\d*|none)$/i.test(t)) return undefined;
  return t.length > 200 ? t.slice(0, 199) + '…' : t;
}

function firstLine(text: string): string | undefined {
  for (const line of text.split('\n', 20)) {
    const t = line.trim();
    if (t && !isDateOnlyLine(t)) return t.length > 120 ? t.slice(0, 117) + '…' : t;
  }
  return undefined;
}

/** The first line of the first page that is only a date. */
function dateLine(text: string, firstPage: Span | undefined): DocumentDate | undefined {
  const end = firstPage?.end ?? text.length;
  let offset = firstPage?.start ?? 0;
  for (let i = 0; i < DATE_LINE_SEARCH && offset < end; i++) {
    const nl = text.indexOf('\n', offset);
    const lineEnd = nl < 0 || nl > end ? end : nl;
    const line = text.slice(offset, lineEnd);
    const found = line.trim() ? isDateOnlyLine(line) : undefined;
    if (found) return { text: line.trim(), span: { start: offset + found.start, end: offset + found.end }, iso: found.iso };
    offset = lineEnd + 1;
  }
  return undefined;
}

/** The date the file's metadata states; it stands nowhere in the text, so its span is the start. */
function metadataDate(doc: ExtractedDocument): DocumentDate | undefined {
  return doc.date ? { text: doc.date.text, span: { start: 0, end: 0 }, iso: doc.date.iso } : undefined;
}

/** "Biden – Putin video summit, December 7, 2021": a title that states the date. */
function titleDate(text: string, title: string | undefined): DocumentDate | undefined {
  if (!title) return undefined;
  const found = findFullDate(title);
  const at = text.indexOf(title);
  if (!found || at < 0) return undefined;
  return { text: title.slice(found.start, found.end), span: { start: at + found.start, end: at + found.end }, iso: found.iso };
}

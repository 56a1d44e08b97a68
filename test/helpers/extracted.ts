/**
 * PDFs and web pages in fixture strings, as their extracted form (the core's input),
 * so core tests need no extractor. A `.pdf` fixture's pages are separated by a line
 * holding only `\f`; a `.html` fixture has no pages. In both, a line `# Heading` is a
 * heading (written without the `# `), `{#id}` at the end of a block gives it an `id`
 * (web pages), and leading `%title …` / `%date YYYY-MM-DD` lines are the metadata.
 */
import type { ExtractedDocument } from '../../server/src/core/types.js';

/** The extracted form of a `.pdf` or `.html` fixture body. */
export function extractedFixture(path: string, body: string): ExtractedDocument {
  const format = path.toLowerCase().endsWith('.pdf') ? 'pdf' : 'html';
  const meta: Record<string, string> = {};
  const lines = body.split('\n');
  while (lines[0]?.startsWith('%')) {
    const m = /^%(\w+)\s+(.*)$/.exec(lines.shift()!);
    if (m) meta[m[1]!] = m[2]!;
  }
  const doc: ExtractedDocument = { format, text: '', headings: [] };
  const pages = lines
    .join('\n')
    .replace(/\n+$/, '')
    .split(/\n?^\f$\n?/m);
  const spans: { start: number; end: number }[] = [];
  const ids: { id: string; start: number; end: number }[] = [];
  for (const page of pages) {
    if (spans.length > 0) doc.text += '\n\n';
    const start = doc.text.length;
    page.split('\n').forEach((raw, i) => {
      if (i > 0) doc.text += '\n';
      const heading = /^# (.*)$/.exec(raw);
      let line = heading ? heading[1]! : raw;
      const id = /\s*\{#([^}]+)\}$/.exec(line);
      if (id) line = line.slice(0, id.index);
      const at = doc.text.length;
      doc.text += line;
      if (heading) doc.headings.push({ start: at, end: doc.text.length, text: line, level: 1 });
      if (id) {
        // The id's element is the block (blank-line paragraph) the marker ends.
        const blockStart = doc.text.lastIndexOf('\n\n', at) < 0 ? 0 : doc.text.lastIndexOf('\n\n', at) + 2;
        ids.push({ id: id[1]!, start: Math.max(blockStart, start), end: doc.text.length });
      }
    });
    spans.push({ start, end: doc.text.length });
  }
  if (format === 'pdf') doc.pages = spans;
  if (ids.length) doc.ids = ids;
  if (meta.title) doc.title = meta.title;
  if (meta.date) doc.date = { text: meta.date, iso: meta.date };
  if (meta.notice) doc.notice = meta.notice;
  return doc;
}

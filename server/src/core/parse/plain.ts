/**
 * The structure of a plain note without the Markdown parser: front matter, `#`
 * headings and paragraphs only — the shape of most notes. The parser is a note's
 * largest cost, and for text like this its answer is known: no code, HTML or link
 * definitions to exclude, paragraphs are runs of non-blank lines, headings are their
 * lines. Anything else (lists, quotes, code, tables, indentation, HTML, emphasis in a
 * heading) returns undefined and goes to the parser. A property test checks that this
 * reading equals the parser's on every text it accepts.
 */
import type { Span } from '../types.js';

export interface PlainStructure {
  excluded: Span[];
  blocks: Span[];
  headings: { span: Span; text: string; level: number }[];
  frontMatter?: { value: string; span: Span };
}

/**
 * Characters that can make code or HTML in the middle of a line (code spans, tags,
 * comments, autolinks), or white space the parser treats apart. Everything else
 * that makes a block (lists, quotes, fences, breaks, setext underlines) must start a
 * line, and such lines are refused below.
 */
const NOT_PLAIN = /[`<\t\r\u00a0]/;
/** A paragraph line: starts with a letter or a citation, no trailing white space. */
const PARAGRAPH_LINE = /^(?:[A-Za-z]|\[\[)[^\n]*[^\s]$|^[A-Za-z]$/;
/** A heading line: `#` to `######`, one space, plain words (no closing `#`). */
const HEADING_LINE = /^(#{1,6}) ([A-Za-z0-9][A-Za-z0-9 ,.:;?'"()\u2019-]*[A-Za-z0-9.?)'"\u2019])$/;

export function plainStructure(text: string): PlainStructure | undefined {
  if (NOT_PLAIN.test(text)) return undefined;
  const out: PlainStructure = { excluded: [], blocks: [], headings: [] };
  let at = 0;
  if (text.startsWith('---\n')) {
    const close = text.indexOf('\n---', 3);
    if (close < 0) return undefined;
    const end = close + 4;
    if (end < text.length && text[end] !== '\n') return undefined;
    const value = text.slice(4, close);
    // YAML that needs a parser of its own (lists, blocks) is fine; a `---` inside is not.
    if (value.includes('---') || value.includes('...')) return undefined;
    out.excluded.push({ start: 0, end });
    out.frontMatter = { value, span: { start: 0, end } };
    at = end + 1;
  } else if (text.startsWith('+++') || text.startsWith('-')) {
    return undefined;
  }
  let paragraphStart = -1;
  let paragraphEnd = -1;
  const closeParagraph = () => {
    if (paragraphStart >= 0) out.blocks.push({ start: paragraphStart, end: paragraphEnd });
    paragraphStart = -1;
  };
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(at, end);
    if (line === '') {
      closeParagraph();
    } else if (line[0] === '#') {
      const m = HEADING_LINE.exec(line);
      if (!m) return undefined;
      closeParagraph();
      const span = { start: at, end };
      out.blocks.push(span);
      out.headings.push({ span, text: m[2]!, level: m[1]!.length });
    } else if (PARAGRAPH_LINE.test(line)) {
      if (paragraphStart < 0) paragraphStart = at;
      paragraphEnd = end;
    } else {
      return undefined;
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  closeParagraph();
  return out;
}

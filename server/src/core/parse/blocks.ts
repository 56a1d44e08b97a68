/**
 * The structure of a note without the Markdown parser, for the Markdown most notes
 * are written in: front matter, `#` and setext headings, paragraphs, bullet and
 * ordered lists nested by spaces or tabs, block quotes, fenced and indented code,
 * HTML blocks, link reference definitions on one line, thematic breaks, code spans and
 * autolinks. It follows CommonMark's block algorithm (containers matched line by line,
 * lazy continuation, which blocks may interrupt a paragraph) for exactly these
 * constructs, and the parser where it reads them otherwise (an empty list item after
 * indented code is text); it gives up — returning undefined, so the note goes to the
 * parser — on anything else (definitions over several lines, fences that end with their
 * container, a lone CR line end, and the other cases each `bail` names). The parser is
 * a note's largest cost (2 MB/s against this reading's ~100); a property test holds this
 * reading equal to the parser's on every text it accepts, and `npm run eval:reading` on
 * real folders.
 */
import type { Span } from '../types.js';
import { atxHeading, type AtxHeading } from './atxHeading.js';
import { closingRun } from './lexical.js';
import { markdownStructure } from './tree.js';
import { extended } from '../extended.js';

/** What a note's checks need from its Markdown structure. */
export interface BlockStructure {
  /** Spans that are not prose (code, HTML, front matter, definitions), sorted and disjoint. */
  excluded: Span[];
  /** Prose blocks (paragraphs and headings), sorted. */
  blocks: Span[];
  headings: { span: Span; text: string; level: number }[];
  frontMatter?: { value: string; span: Span };
  /** Link reference definitions (`[label]: dest "title"`), sorted. */
  definitions?: Span[];
}

/** Thrown inside the reader when the text needs the real parser; never escapes `readBlocks`. */
class NeedsParser extends Error {}

const SP = 32;
const TAB = 9;

/** A position inside one line: its offset and its column, tabs expanded to stops of 4. */
interface Cursor {
  offset: number;
  column: number;
  /** Columns of a tab at `offset` that a container already consumed. */
  partialTab: number;
}

/** An item's `width`: the columns from where its line's prefix started to its content (marker, spaces). */
/** A list item is `empty` from a marker line with nothing after it until a line gives it content. */
type Container = { kind: 'quote' } | { kind: 'item'; width: number; empty: boolean };

/** Set by `indentAt`: the columns of white space at the cursor, and the offset after it. */
let indentColumns = 0;
let indentNext = 0;

/** Measures the white space at the cursor (without moving it) into `indentColumns` and `indentNext`. */
function indentAt(text: string, c: Cursor, lineEnd: number): void {
  let column = c.column;
  let i = c.offset;
  while (i < lineEnd) {
    const ch = text.charCodeAt(i);
    if (ch === SP) column++;
    else if (ch === TAB) column += 4 - (column % 4);
    else break;
    i++;
  }
  indentColumns = column - c.column;
  indentNext = i;
}

/** Moves the cursor `columns` columns to the right over white space (a tab may be split). */
function advanceColumns(text: string, c: Cursor, columns: number): void {
  let left = columns;
  while (left > 0) {
    const ch = text.charCodeAt(c.offset);
    if (ch === SP) {
      c.offset++;
      c.column++;
      left--;
    } else if (ch === TAB) {
      const tabWidth = 4 - (c.column % 4);
      if (tabWidth <= left) {
        c.offset++;
        c.column += tabWidth;
        c.partialTab = 0;
        left -= tabWidth;
      } else {
        c.column += left;
        c.partialTab += left;
        left = 0;
      }
    } else return;
  }
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== SP && ch !== TAB) return false;
  }
  return true;
}

function spaceOrTab(ch: number): boolean {
  return ch === SP || ch === TAB;
}

/** Set by `listMarker`: whether the marker found is ordered, and its number. */
let markerOrdered = false;
let markerStart = 0;

/**
 * The end offset of a list marker at `i`, or -1 when there is none; whether it is ordered
 * and its number go to `markerOrdered` and `markerStart` (no object per line: a vault's
 * notes are list items, half a million lines).
 */
function listMarker(text: string, i: number, lineEnd: number): number {
  // Nothing is read past the line: a read past the text's end made V8 compile the parser again.
  if (i >= lineEnd) return -1;
  const ch = text.charCodeAt(i);
  if (ch === 45 || ch === 43 || ch === 42 /* - + * */) {
    if (i + 1 === lineEnd || spaceOrTab(text.charCodeAt(i + 1))) {
      markerOrdered = false;
      markerStart = 0;
      return i + 1;
    }
    return -1;
  }
  let j = i;
  while (j < lineEnd && j - i < 10 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  if (j === i || j - i > 9 || j === lineEnd) return -1;
  const d = text.charCodeAt(j);
  if (d !== 46 && d !== 41 /* . ) */) return -1;
  if (j + 1 === lineEnd || spaceOrTab(text.charCodeAt(j + 1))) {
    markerOrdered = true;
    markerStart = Number(text.slice(i, j));
    return j + 1;
  }
  return -1;
}

/** Deeper nesting than this is left to the other readings (see `lexical.ts`). */
const MAX_DEPTH = 100;
const THEMATIC_CHARS = new Set([42, 45, 95, 32, 9]);
const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^(`{3,}|~{3,})/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
/**
 * The start of a link reference definition: a label without an unescaped bracket (a line that
 * starts `[[`, as list items of links do, is refused at its second character), then `:`.
 */
const DEFINITION_START = /^\[(?:[^[\]\\]|\\.)*\]:/;
/** Heading text this reading takes as written: no inline markup, escapes or entities. */
const PLAIN_HEADING = /^(?:[^*_`\\&<]|&(?![#A-Za-z0-9]+;))*$/;

/** Reads the structure of `text`, or undefined when the Markdown parser must. */
export function readBlocks(text: string): BlockStructure | undefined {
  const r = readBlocksOrWhyNot(text);
  return typeof r === 'string' ? undefined : r;
}

/** The structure of `text`, or the construct that sends it to the parser (for measuring coverage). */
export function readBlocksOrWhyNot(text: string): BlockStructure | string {
  let read = readText;
  if (text.includes('\r')) {
    // CRLF line ends (notes written on Windows) are read as a space before the line
    // break: offsets stay, and a line's trailing white space changes no structure.
    // A lone CR, a line end of its own to the parser, is left to it.
    if (/\r(?!\n)/.test(text)) return 'CR line ends';
    read = (t) => withOriginal(readText(t.replace(/\r\n/g, ' \n'), t), t);
  }
  try {
    return read(text);
  } catch (e) {
    if (e instanceof NeedsParser) return e.message;
    throw e;
  }
}

function bail(why: string): never {
  throw new NeedsParser(why);
}

/**
 * The structure of a CRLF text read with its CRs as spaces, as the parser gives it: a
 * span ends before a line's CR (the parser's line end), and the front matter's value is
 * as written.
 */
function withOriginal(structure: BlockStructure, text: string): BlockStructure {
  const fix = (span: Span): Span => (text.charCodeAt(span.end - 1) === 13 ? { start: span.start, end: span.end - 1 } : span);
  const out: BlockStructure = {
    excluded: structure.excluded.map(fix),
    blocks: structure.blocks.map(fix),
    headings: structure.headings.map((h) => extended(h, { span: fix(h.span), text: crlfText(h, text) })),
  };
  if (structure.definitions) out.definitions = structure.definitions.map(fix);
  const fm = structure.frontMatter;
  if (fm) {
    const start = text.indexOf('\n') + 1;
    const value = text.slice(start, start + fm.value.length);
    out.frontMatter = { span: fix(fm.span), value: value.endsWith('\r') ? value.slice(0, -1) : value };
  }
  return out;
}

/** A heading's text as the parser gives it from a CRLF text: the line ends inside it as written. */
function crlfText(h: { span: Span; text: string }, text: string): string {
  if (!h.text.includes('\n')) return h.text;
  if (/(?<!\r)\n/.test(text.slice(h.span.start, h.span.end))) bail('a heading over lines with mixed line ends');
  return h.text.replace(/\n/g, '\r\n');
}

/** Reads `text`; `original` is the text before its CRs were made spaces (`readBlocksOrWhyNot`). */
function readText(text: string, original = text): BlockStructure {
  specials.reset(text);
  const out: BlockStructure = { excluded: [], blocks: [], headings: [] };
  // A byte order mark is no character of the first line (as the parser reads it).
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fm = frontMatter(text, lineStart);
  if (fm) {
    out.excluded.push(fm.span);
    out.frontMatter = fm;
    lineStart = fm.span.end + 1;
  }
  const stack: Container[] = [];
  const marked: MarkedHeading[] = [];
  /**
   * The open paragraph: where it starts, where its last line ends, how many lines, in how
   * many containers. With no lines yet it follows link reference definitions: the parser
   * reads the lines after them as a paragraph's (indented, lazy, not interrupted by an
   * empty list item) until a block interrupts it; `defined` is where the first of those
   * definitions starts (a setext heading's span starts there, as the parser gives it).
   */
  /** The open paragraph; `starts`: where each of its lines' text starts, from its second line (a setext heading in a container reads them). */
  let para: { start: number; end: number; lines: number; depth: number; defined?: number; starts?: number[] } | undefined;
  /** The open fenced code block. */
  let fence: { char: number; length: number; start: number; depth: number; end: number } | undefined;
  /** The open HTML block: its kind (CommonMark's conditions 1–7), where it starts and ends. */
  let html: { kind: number; start: number; end: number; depth: number } | undefined;
  /**
   * The open indented code block: where it starts, where its last line that is not blank
   * ends, and whether blank lines indented as far as code came after that line.
   */
  let code: { start: number; end: number; indentedBlank: boolean; depth: number } | undefined;
  /**
   * The depth of the containers whose content ended with indented code at the last line that
   * was not blank (-1: none): in that content the parser then reads an empty list item, or an
   * ordered one that does not count from 1, as text.
   */
  let afterCode = -1;
  /** Whether an empty list item ended at a blank line since the last line that was not blank. */
  let emptyItemEnded = false;

  const endCode = (block: { start: number; end: number; indentedBlank: boolean; depth: number }) => {
    if (block.indentedBlank) bail('indented code followed by indented blank lines');
    out.excluded.push({ start: block.start, end: block.end });
  };

  const closeParagraph = () => {
    if (!para) return;
    if (para.lines > 0) {
      out.blocks.push({ start: para.start, end: para.end });
      inlineExclusions(text, para.start, para.end, out.excluded, para.depth > 0);
    }
    para = undefined;
  };

  // One cursor for every line (a line's is not kept past it): 500,000 lines of a vault made as many objects.
  const c: Cursor = { offset: 0, column: 0, partialTab: 0 };
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    c.offset = lineStart;
    c.column = 0;
    c.partialTab = 0;
    // A thematic break holds only `-`, `*`, `_`, spaces and tabs: past the last other
    // character the rest of the line may be one, before it never (tested once, not per marker).
    let lastNotThematic = lineEnd - 1;
    while (lastNotThematic >= lineStart && THEMATIC_CHARS.has(text.charCodeAt(lastNotThematic))) lastNotThematic--;
    // 1. Which open containers does this line continue?
    let matched = 0;
    for (const container of stack) {
      if (container.kind === 'quote') {
        indentAt(text, c, lineEnd);
        if (indentColumns <= 3 && indentNext < lineEnd && text.charCodeAt(indentNext) === 62 /* > */) {
          advanceColumns(text, c, indentColumns);
          c.offset++;
          c.column++;
          c.partialTab = 0;
          const after = text.charCodeAt(c.offset);
          if (after === SP) {
            c.offset++;
            c.column++;
          } else if (after === TAB) advanceColumns(text, c, 1);
          matched++;
        } else break;
      } else {
        if (isBlank(text, c.offset, lineEnd)) {
          // An item begins with at most one blank line: an empty one ends at the next.
          if (container.empty) {
            emptyItemEnded = true;
            break;
          }
          matched++;
          continue;
        }
        indentAt(text, c, lineEnd);
        if (indentColumns >= container.width) {
          advanceColumns(text, c, container.width);
          container.empty = false;
          matched++;
        } else break;
      }
    }

    if (fence && matched < fence.depth) {
      // The fence ends with its container (CommonMark 4.5). The parser's span takes in the last
      // line's end where this line opens a list item or a quote, and stops before it elsewhere.
      indentAt(text, c, lineEnd);
      const opens =
        indentColumns < 4 &&
        (text.charCodeAt(indentNext) === 62 /* > */ ||
          (listMarker(text, indentNext, lineEnd) >= 0 && !THEMATIC.test(text.slice(indentNext, lineEnd))));
      out.excluded.push({ start: fence.start, end: opens ? lineStart : fence.end });
      fence = undefined;
    }
    if (fence) {
      fence.end = lineEnd;
      indentAt(text, c, lineEnd);
      const next = indentNext;
      const m = indentColumns <= 3 && text.charCodeAt(next) === fence.char ? FENCE.exec(text.slice(next, lineEnd)) : null;
      if (m && m[1]!.charCodeAt(0) === fence.char && m[1]!.length >= fence.length && isBlank(text, next + m[1]!.length, lineEnd)) {
        out.excluded.push({ start: fence.start, end: lineEnd });
        fence = undefined;
      } else if (nl < 0) {
        if (fence.depth > 0) bail('a fence that ends with its container');
        out.excluded.push({ start: fence.start, end: lineEnd });
        fence = undefined;
      }
      if (nl < 0) break;
      lineStart = nl + 1;
      continue;
    }

    if (html) {
      const blankHere = isBlank(text, c.offset, lineEnd);
      if (matched < html.depth && html.kind <= 5) bail('an HTML block that ends with its container');
      if (matched < html.depth || (html.kind >= 6 && blankHere)) {
        // The block ends with its container, or (kinds 6 and 7) at a blank line.
        out.excluded.push({ start: html.start, end: html.end });
        html = undefined;
      } else {
        html.end = lineEnd;
        if (nl < 0 && html.kind <= 5 && html.depth > 0 && !htmlBlockEnds(html.kind, text.slice(c.offset, lineEnd))) {
          bail('an HTML block that ends with its container');
        }
        if ((html.kind <= 5 && htmlBlockEnds(html.kind, text.slice(c.offset, lineEnd))) || nl < 0) {
          out.excluded.push({ start: html.start, end: html.end });
          html = undefined;
        }
        if (nl < 0) break;
        lineStart = nl + 1;
        continue;
      }
    }

    if (code) {
      // Indented code goes on over blank lines and lines indented four columns past its
      // containers; it ends at any other line, or where a container ends (no lazy lines).
      if (matched === stack.length) {
        indentAt(text, c, lineEnd);
        const blankLine = indentNext === lineEnd;
        if (blankLine || indentColumns >= 4) {
          // Blank lines between code lines are code. Whether blank lines indented as far at its
          // end are depends on what came before the code (as the parser reads it): left to it.
          // A CR made a space is no column of a line.
          const crSpace = blankLine && original.charCodeAt(lineEnd - 1) === 13 ? 1 : 0;
          if (!blankLine) {
            code.end = lineEnd;
            code.indentedBlank = false;
          } else if (indentColumns - crSpace >= 4) code.indentedBlank = true;
          if (nl < 0) break;
          lineStart = nl + 1;
          continue;
        }
      }
      endCode(code);
      afterCode = code.depth;
      code = undefined;
    }

    // 2. A line that does not continue every container may still continue the paragraph (lazily).
    let blank = isBlank(text, c.offset, lineEnd);
    const closesContainers = matched < stack.length;
    if (closesContainers) {
      indentAt(text, c, lineEnd);
      if (para && !blank && !interruptsParagraph(text, indentColumns, indentNext, lineEnd)) {
        if (para.lines === 0) para.start = indentNext;
        else (para.starts ??= [para.start]).push(indentNext);
        para.end = lineEnd;
        para.lines++;
        if (nl < 0) break;
        lineStart = nl + 1;
        continue;
      }
      if (para && para.depth > matched) closeParagraph();
      stack.length = matched;
    }

    // 3. New containers. A line that would otherwise continue the open paragraph interrupts it:
    // then no list item on it, however deep, may start empty or count from other than 1 (as
    // the parser reads it).
    const interrupting = para !== undefined && para.depth === stack.length;
    // Right after indented code, in its containers: every list item the line opens, however deep.
    const afterCodeHere = afterCode === stack.length;
    for (;;) {
      indentAt(text, c, lineEnd);
      const columns = indentColumns;
      const next = indentNext;
      if (columns >= 4) {
        if (para && para.depth === stack.length && !blank) break; // an indented paragraph line
        if (blank) break;
        // Indented code (it cannot interrupt a paragraph): from where the containers' prefixes end.
        if (c.partialTab > 0) bail('indented code after a split tab');
        // The parser splits such code at the next line (it takes it for a lazy line).
        if (closesContainers || emptyItemEnded) bail('indented code where containers end');
        closeParagraph();
        code = { start: c.offset, end: lineEnd, indentedBlank: false, depth: stack.length };
        break;
      }
      if (next < lineEnd && text.charCodeAt(next) === 62 /* > */) {
        closeParagraph();
        advanceColumns(text, c, columns);
        c.offset++;
        c.column++;
        const after = text.charCodeAt(c.offset);
        if (after === SP) {
          c.offset++;
          c.column++;
        } else if (after === TAB) advanceColumns(text, c, 1);
        stack.push({ kind: 'quote' });
        blank = isBlank(text, c.offset, lineEnd);
        continue;
      }
      const markerEnd = listMarker(text, next, lineEnd);
      if (markerEnd < 0 || (lastNotThematic < next && THEMATIC.test(text.slice(next, lineEnd)))) break;
      if (stack.length >= MAX_DEPTH) bail('containers nested too deep');
      const empty = isBlank(text, markerEnd, lineEnd);
      if ((interrupting || afterCodeHere) && (empty || (markerOrdered && markerStart !== 1))) break;
      closeParagraph();
      const base = c.column;
      advanceColumns(text, c, columns);
      const markerColumn = c.column + (markerEnd - c.offset);
      c.column = markerColumn;
      c.offset = markerEnd;
      if (empty) {
        // Nothing after the marker: the content, on the lines that follow, is indented one
        // column past it, whatever white space follows it here (CommonMark 5.2, rule 3).
        stack.push({ kind: 'item', width: markerColumn + 1 - base, empty: true });
        blank = true;
        break;
      }
      indentAt(text, c, lineEnd);
      if (indentColumns >= 5) {
        // Indented code right after the marker: the content starts one column past it, and the
        // rest of the line is code in the item (CommonMark 5.2, rule 2), as conversations export it.
        if (text.charCodeAt(c.offset) !== SP) bail('indented code right after the marker');
        advanceColumns(text, c, 1);
        stack.push({ kind: 'item', width: c.column - base, empty: false });
        continue;
      }
      advanceColumns(text, c, indentColumns);
      stack.push({ kind: 'item', width: c.column - base, empty: false });
    }

    if (code) {
      if (nl < 0) break;
      lineStart = nl + 1;
      continue;
    }

    // 4. The leaf.
    indentAt(text, c, lineEnd);
    const columns = indentColumns;
    const next = indentNext;
    let line = '';
    const inPara = para !== undefined && para.depth === stack.length;
    /** Whether the paragraph here has lines yet (not only definitions before it). */
    const paraText = inPara && para!.lines > 0;
    let paragraphLine = false;
    if (blank) {
      closeParagraph();
    } else if (columns >= 4) {
      paragraphLine = true; // only reached with a paragraph open (see above)
    } else {
      // The rest of the line as a string only where a pattern reads it (not for a plain line of prose).
      const first = next < lineEnd ? text.charCodeAt(next) : NaN;
      if (first === 96 || first === 126 || first === 61 || first === 45 || first === 42 || first === 95 || first === 60 || first === 91)
        line = text.slice(next, lineEnd);
      const atx = first === 35 /* # */ ? atxHeading(text, next, lineEnd) : undefined;
      const fenceOpen = (first === 96 || first === 126) /* ` ~ */ && isFence(line) ? FENCE.exec(line) : null;
      if (atx) {
        closeParagraph();
        heading(text, next, lineEnd, atx, out, marked);
      } else if (fenceOpen) {
        closeParagraph();
        fence = { char: fenceOpen[1]!.charCodeAt(0), length: fenceOpen[1]!.length, start: next, depth: stack.length, end: lineEnd };
        if (nl < 0) {
          if (fence.depth > 0) bail('a fence that ends with its container');
          out.excluded.push({ start: fence.start, end: lineEnd });
          fence = undefined;
        }
      } else if (paraText && (first === 61 || first === 45) /* = - */ && SETEXT.test(line)) {
        const title = para!.lines > 1 ? setextLines(text, para!.starts!, para!.end) : text.slice(para!.start, para!.end).trim();
        const span = { start: para!.defined ?? para!.start, end: lineEnd };
        inlineExclusions(text, para!.start, para!.end, out.excluded, para!.depth > 0);
        out.blocks.push(span);
        const h = { span, text: title, level: line[0] === '=' ? 1 : 2 };
        const read = PLAIN_HEADING.test(title) ? title : codeSpansOnly(title);
        if (read !== undefined) h.text = read;
        else {
          // Read apart from the lines around it, a line that would open a block of its own is read
          // otherwise (it is text here only after indented code, or as a paragraph's later line).
          if (/^(?:[-+*>#<[`~]|\d{1,9}[.)])/m.test(title)) bail('a setext heading with markup that starts like a block');
          marked.push({ heading: h, source: `${title}\n${line}` });
        }
        out.headings.push(h);
        para = undefined;
      } else if ((first === 42 || first === 45 || first === 95) /* * - _ */ && lastNotThematic < next && THEMATIC.test(line)) {
        closeParagraph();
      } else if (first === 60 /* < */ && htmlBlockStart(line, inPara) > 0) {
        closeParagraph();
        if (c.partialTab > 0) bail('an HTML block after a split tab');
        const kind = htmlBlockStart(line, inPara);
        html = { kind, start: c.offset, end: lineEnd, depth: stack.length };
        if (nl < 0 && kind <= 5 && stack.length > 0 && !htmlBlockEnds(kind, line)) bail('an HTML block that ends with its container');
        if ((kind <= 5 && htmlBlockEnds(kind, line)) || nl < 0) {
          out.excluded.push({ start: html.start, end: html.end });
          html = undefined;
        }
      } else if (!paraText && first === 91 /* [ */ && DEFINITION_START.test(line)) {
        if (c.partialTab > 0) bail('a link reference definition after a split tab');
        const end = definitionEnd(text, next, lineEnd, nl < 0 ? '' : lineAt(text, nl + 1));
        if (end < 0) {
          // Not a definition (a footnote's text, `[^1]: In a word`): the line is a paragraph's.
          paragraphLine = true;
        } else {
          out.excluded.push({ start: next, end });
          (out.definitions ??= []).push({ start: next, end });
          para = { start: -1, end: lineEnd, lines: 0, depth: stack.length, defined: inPara ? (para!.defined ?? next) : next };
        }
      } else if (!paraText && first === 91 && labelOverLines(text, next)) {
        bail('a bracket that may open a definition over lines');
      } else {
        paragraphLine = true;
      }
    }
    if (paragraphLine) {
      if (para && para.depth === stack.length) {
        if (para.lines === 0) para.start = next;
        else (para.starts ??= [para.start]).push(next);
        para.end = lineEnd;
        para.lines++;
      } else {
        closeParagraph();
        para = { start: next, end: lineEnd, lines: 1, depth: stack.length };
      }
    }
    if ((emptyItemEnded || afterCode >= 0) && !isBlank(text, lineStart, lineEnd)) {
      emptyItemEnded = false;
      afterCode = -1;
    }

    if (nl < 0) break;
    lineStart = nl + 1;
  }
  closeParagraph();
  if (code) endCode(code);
  if (fence) bail('a fence that ends with its container');
  readMarkedHeadings(marked);
  if (html) out.excluded.push({ start: html.start, end: html.end });
  out.excluded.sort((a, b) => a.start - b.start);
  out.blocks.sort((a, b) => a.start - b.start);
  out.definitions?.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * The text of a setext heading of several lines (a paragraph's lines above `---` or `===`,
 * each starting at `starts`, past its containers' prefixes): each line without the white
 * space around it, as the parser joins them. With a hard line break, left to the parser.
 */
function setextLines(text: string, starts: readonly number[], end: number): string {
  const each = starts.map((start, i) => text.slice(start, i + 1 < starts.length ? text.indexOf('\n', start) : end));
  const hardBreak = (l: string) =>
    l.endsWith('\\') || (l.length >= 2 && spaceOrTab(l.charCodeAt(l.length - 1)) && spaceOrTab(l.charCodeAt(l.length - 2)));
  if (each.some((l, i) => i < each.length - 1 && hardBreak(l))) bail('a setext heading with a hard line break');
  return each
    .map((l) => l.trim())
    .join('\n')
    .trim();
}

/** The line that starts at `start`, without its line end. */
function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

/**
 * Whether the `[` at `at` closes on a later line, before `:` (a definition's label over
 * lines, at most 999 characters, no `[` or blank line in it).
 */
function labelOverLines(text: string, at: number): boolean {
  const end = Math.min(text.length, at + 1001);
  let lines = false;
  for (let i = at + 1; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 92 /* \ */) {
      // An escaped line end is one too.
      if (text.charCodeAt(++i) === 10) lines = true;
    } else if (ch === 91 /* [ */) return false;
    else if (ch === 93 /* ] */) return lines && text.charCodeAt(i + 1) === 58; /* : */
    else if (ch === 10) {
      lines = true;
      let j = i + 1;
      while (j < text.length && spaceOrTab(text.charCodeAt(j))) j++;
      if (j >= text.length || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13) return false;
    }
  }
  return false;
}

/**
 * The end of a link reference definition on one line (`[label]: dest` or with a title),
 * as the parser reads it: the line's end, past the white space after the destination or
 * title; -1 where the line cannot start one (text after the destination or the title,
 * nothing in the label, an angle destination not closed on the line): the parser reads a
 * paragraph there, as it does a GFM footnote's text (`[^1]: In a word`), which sent whole
 * notes to it before. A destination or title that may go on over the next line (`nextLine`
 * may hold the title) goes to the parser.
 */
function definitionEnd(text: string, from: number, lineEnd: number, nextLine: string): number {
  // The label: up to the first unescaped `]` (no `[` in it: `DEFINITION_START`), at most 999 characters, not blank.
  let i = from + 1;
  let blankLabel = true;
  for (; i < lineEnd; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 93 /* ] */) break;
    if (ch !== SP && ch !== TAB) blankLabel = false;
    if (ch === 92 /* \ */ && i + 1 < lineEnd) {
      blankLabel = false;
      i++;
    }
  }
  if (i >= lineEnd || text.charCodeAt(i + 1) !== 58 /* : */) bail('a link reference definition');
  if (blankLabel || i - from - 1 > 999) return -1;
  i += 2;
  while (i < lineEnd && spaceOrTab(text.charCodeAt(i))) i++;
  if (i >= lineEnd) bail('a link reference definition over lines');
  // The destination: `<…>` on the line, or characters other than white space and controls, parentheses balanced.
  if (text.charCodeAt(i) === 60 /* < */) {
    i++;
    for (;;) {
      if (i >= lineEnd) return -1;
      const ch = text.charCodeAt(i);
      if (ch === 62 /* > */) break;
      if (ch === 60) return -1;
      i += ch === 92 /* \ */ && i + 1 < lineEnd ? 2 : 1;
    }
    i++;
  } else {
    let depth = 0;
    const start = i;
    for (; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch <= 32 || ch === 127) break;
      if (ch === 92 /* \ */ && i + 1 < lineEnd && text.charCodeAt(i + 1) > 32) i++;
      else if (ch === 40 /* ( */ && ++depth > 32) bail('a link reference definition');
      else if (ch === 41 /* ) */ && --depth < 0) bail('a link reference definition');
    }
    if (i === start || depth !== 0) bail('a link reference definition');
  }
  const destEnd = i;
  while (i < lineEnd && spaceOrTab(text.charCodeAt(i))) i++;
  if (i >= lineEnd) {
    // A title may follow on the next line: left to the parser.
    if (/^[ \t>]*["'(]/.test(nextLine)) bail('a link reference definition over lines');
    return lineEnd;
  }
  // A title: `"…"`, `'…'` or `(…)`, after white space, closed on the line, nothing after it.
  const open = text.charCodeAt(i);
  if (i === destEnd || (open !== 34 && open !== 39 && open !== 40)) return -1;
  const close = open === 40 ? 41 : open;
  i++;
  for (;;) {
    if (i >= lineEnd) bail('a link reference definition over lines');
    const ch = text.charCodeAt(i);
    if (ch === close) break;
    if (open === 40 && ch === 40) return -1;
    i += ch === 92 /* \ */ && i + 1 < lineEnd ? 2 : 1;
  }
  if (!isBlank(text, i + 1, lineEnd)) return -1;
  return lineEnd;
}

/** True when a line (without its indentation) opens a fenced code block: no backtick in a backtick fence's info. */
function isFence(line: string): boolean {
  const m = FENCE.exec(line);
  return m !== null && !(m[1]![0] === '`' && line.includes('`', m[1]!.length));
}

/**
 * True when the rest of a line (from `next`, past its indentation) starts a block that ends
 * an open paragraph. Each such block starts with its own character: the line is sliced for
 * the patterns only where it starts with one of them.
 */
function interruptsParagraph(text: string, columns: number, next: number, lineEnd: number): boolean {
  if (columns >= 4) return false;
  const ch = text.charCodeAt(next);
  if (ch === 62 /* > */) return true;
  if (ch === 35 /* # */ && atxHeading(text, next, lineEnd)) return true;
  if ((ch === 96 || ch === 126) /* ` ~ */ && isFence(text.slice(next, lineEnd))) return true;
  if ((ch === 42 || ch === 45 || ch === 95) /* * - _ */ && THEMATIC.test(text.slice(next, lineEnd))) return true;
  if (ch === 60 /* < */) {
    const html = htmlBlockStart(text.slice(next, lineEnd), false);
    if (html === 7) bail('a lone HTML tag after a lazy line');
    if (html > 0) return true;
  }
  // Not every container matched, so no paragraph is the container here: any list item interrupts.
  return listMarker(text, next, lineEnd) >= 0;
}

/** A heading whose text holds markup, with the Markdown that the parser reads it from. */
interface MarkedHeading {
  heading: { text: string };
  source: string;
}

/**
 * Reads the text of headings that hold markup (emphasis, escapes, entities, code) with
 * the parser: all of a note's such headings at once, each on its own lines.
 */
function readMarkedHeadings(marked: readonly MarkedHeading[]): void {
  if (marked.length === 0) return;
  const texts = markdownStructure(marked.map((m) => m.source).join('\n\n')).headings;
  if (texts.length !== marked.length) bail('a heading the parser reads differently');
  marked.forEach((m, i) => (m.heading.text = texts[i]!.text));
}

/** An ATX heading from the first `#` at `from` to the end of its line. */
function heading(text: string, from: number, lineEnd: number, atx: AtxHeading, out: BlockStructure, marked: MarkedHeading[]): void {
  const span = { start: from, end: lineEnd };
  inlineExclusions(text, from, lineEnd, out.excluded);
  out.blocks.push(span);
  const h = { span, text: atx.text, level: atx.level };
  if (!PLAIN_HEADING.test(atx.text)) {
    // Code spans are read here; other markup (emphasis, escapes, entities) by the parser, from the heading's line alone.
    const read = codeSpansOnly(atx.text);
    if (read !== undefined) h.text = read;
    else marked.push({ heading: h, source: text.slice(from, lineEnd) });
  }
  out.headings.push(h);
}

/**
 * The text of a heading whose only markup is code spans (the most common markup of real
 * headings: half of those of every real folder on hand), as the parser reads it: each span's
 * content, its line ends as spaces and one space stripped from each end where both are
 * spaces. Undefined where any other markup may be read: `*`, `\\`, `<` or an entity outside
 * the spans, or a `_` that is not inside a word (one there emphasises nothing).
 */
function codeSpansOnly(raw: string): string | undefined {
  let out = '';
  let i = 0;
  const plain = (from: number, to: number): boolean => {
    const segment = raw.slice(from, to);
    if (!PLAIN_TEXT.test(segment)) return false;
    for (let u = segment.indexOf('_'); u >= 0; u = segment.indexOf('_', u)) {
      let e = u;
      while (e < segment.length && segment.charCodeAt(e) === 95) e++;
      if (!INSIDE_WORD.test(raw[from + u - 1] ?? ' ') || !INSIDE_WORD.test(raw[from + e] ?? ' ')) return false;
      u = e;
    }
    return true;
  };
  while (i < raw.length) {
    const open = raw.indexOf('`', i);
    if (open < 0) break;
    let run = open;
    while (run < raw.length && raw.charCodeAt(run) === 96) run++;
    // The closing run: the next run of exactly as many backticks; without one, the backticks are text.
    const closed = closingRun(raw, run, raw.length, run - open);
    if (!plain(i, open)) return undefined;
    if (closed < 0) {
      out += raw.slice(i, run);
      i = run;
      continue;
    }
    let content = raw.slice(run, closed - (run - open)).replace(/\r\n|\r|\n/g, ' ');
    if (content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content)) content = content.slice(1, -1);
    out += raw.slice(i, open) + content;
    i = closed;
  }
  if (!plain(i, raw.length)) return undefined;
  return (out + raw.slice(i)).trim();
}

/** Text outside code spans that holds no markup but `_` (checked apart) and backticks without a match. */
const PLAIN_TEXT = /^(?:[^*\\&<]|&(?![#A-Za-z0-9]+;))*$/;
/** A character on each side of which `_` neither opens nor closes emphasis: not white space, not punctuation. */
const INSIDE_WORD = /^[^\s\p{P}\p{S}]$/u;

/** YAML front matter at the very top: `---` lines around it. */
function frontMatter(text: string, from: number): { value: string; span: Span } | undefined {
  if (!text.startsWith('---', from)) return undefined;
  const firstEnd = text.indexOf('\n', from);
  if (firstEnd < 0 || !isBlank(text, from + 3, firstEnd)) return undefined;
  let at = firstEnd + 1;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    if (text.startsWith('---', at) && isBlank(text, at + 3, end)) {
      return { value: text.slice(firstEnd + 1, Math.max(firstEnd + 1, at - 1)), span: { start: from, end } };
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  // Unclosed, it is not front matter: the `---` is a thematic break, as the parser reads it.
  return undefined;
}

/**
 * Code spans inside a prose block `text[from, to)`, and the inline constructs that
 * decide where they may start (backslash escapes, autolinks); raw HTML sends the note
 * to the parser.
 */
function inlineExclusions(text: string, from: number, to: number, out: Span[], inContainer = false): void {
  // Backtick run lengths known to have no closing run further on.
  let unclosed: Set<number> | undefined;
  // HTML openers (`<!--`, `<?`, `<![CDATA[`) known to have no closing sequence further on.
  let unclosedHtml: Set<string> | undefined;
  let i = from;
  while (i < to) {
    i = specials.next(text, i);
    if (i >= to) return;
    const ch = text.charCodeAt(i);
    if (ch === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (ch === 60 /* < */) {
      const auto = autolinkEnd(text, i, to);
      if (auto > 0) {
        i = auto;
        continue;
      }
      const end = inlineHtmlEnd(text, i, to, (unclosedHtml ??= new Set()));
      // Across lines in a list or quote, the line prefixes take part: left to the parser.
      if (end > 0 && inContainer && text.lastIndexOf('\n', end - 1) > i) bail('inline HTML across lines in a container');
      if (end > 0) {
        out.push({ start: i, end });
        i = end;
        continue;
      }
      i++;
      continue;
    }
    let runEnd = i;
    while (runEnd < to && text.charCodeAt(runEnd) === 96) runEnd++;
    const run = runEnd - i;
    const closed = unclosed?.has(run) ? -1 : closingRun(text, runEnd, to, run);
    if (closed < 0) {
      (unclosed ??= new Set()).add(run);
      i = runEnd;
      continue;
    }
    out.push({ start: i, end: closed });
    i = closed;
  }
}

/**
 * The next backtick, `<` or backslash at or after a position, from three cursors that
 * only move forward (the reading asks in document order), so a text is searched for
 * each character once however many paragraphs it has.
 */
class Specials {
  private text = '';
  private from = 0;
  private tick = -1;
  private lt = -1;
  private bs = -1;

  /** Starts over for another text. */
  reset(text: string): void {
    this.text = text;
    this.from = 0;
    this.tick = this.lt = this.bs = -1;
  }

  /** The first of the three characters at or after `i` (the text's length when none is left). */
  next(text: string, i: number): number {
    if (text !== this.text || i < this.from) this.reset(text);
    this.from = i;
    // -1: not searched yet; a position below `i`: passed; text.length: none left.
    if (this.tick < i) this.tick = found(text.indexOf('`', i), text);
    if (this.lt < i) this.lt = found(text.indexOf('<', i), text);
    if (this.bs < i) this.bs = found(text.indexOf('\\', i), text);
    return Math.min(this.tick, this.lt, this.bs);
  }
}

function found(at: number, text: string): number {
  return at < 0 ? text.length : at;
}

const specials = new Specials();

/** Raw-text HTML elements: CommonMark's condition 1. */
const HTML_RAW = /^<(?:pre|script|style|textarea)(?:[ \t>]|$)/i;
const HTML_RAW_END = /<\/(?:pre|script|style|textarea)>/i;
const HTML_BLOCK_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|' +
  'fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|' +
  'main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|' +
  'title|tr|track|ul';
const HTML_KNOWN_BLOCK = new RegExp(`^</?(?:${HTML_BLOCK_NAMES})(?:[ \\t>]|/>|$)`, 'i');
const TAG_NAME = '[A-Za-z][A-Za-z0-9-]*';
const ATTRIBUTE = `(?:[ \\t\\n]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \\t\\n]*=[ \\t\\n]*(?:[^"'=<>\`\\x00-\\x20/]+|'[^']*'|"[^"]*"))?)`;
const OPEN_TAG = `<${TAG_NAME}${ATTRIBUTE}*[ \\t\\n]*/?>`;
const CLOSE_TAG = `</${TAG_NAME}[ \\t\\n]*>`;
/** A whole line that is one open or closing tag: condition 7. */
const HTML_LONE_TAG = new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})[ \\t]*$`);
/** An open or closing tag at the start of a string. */
const HTML_TAG_AT = new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})`);
const HTML_TAG_WINDOW = 4096;
const AUTOLINK_AT = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>]*>/y;
const EMAIL_AUTOLINK_AT =
  /<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/y;

/** The kind (1–7) of HTML block a line (without its indentation) opens, or 0. Kind 7 never interrupts a paragraph. */
function htmlBlockStart(line: string, inParagraph: boolean): number {
  if (line.charCodeAt(0) !== 60 /* < */) return 0;
  if (HTML_RAW.test(line)) return 1;
  if (line.startsWith('<!--')) return 2;
  if (line.startsWith('<?')) return 3;
  if (line.startsWith('<![CDATA[')) return 5;
  if (/^<![A-Za-z]/.test(line)) return 4;
  if (HTML_KNOWN_BLOCK.test(line)) return 6;
  if (!inParagraph && HTML_LONE_TAG.test(line)) return 7;
  return 0;
}

/** True when a line ends an HTML block of kind 1–5. */
function htmlBlockEnds(kind: number, line: string): boolean {
  switch (kind) {
    case 1:
      return HTML_RAW_END.test(line);
    case 2:
      return line.includes('-->');
    case 3:
      return line.includes('?>');
    case 4:
      return line.includes('>');
    default:
      return line.includes(']]>');
  }
}

/** The end of an autolink (`<https://…>`, `<a@b.c>`) at `i`, or 0. */
function autolinkEnd(text: string, i: number, to: number): number {
  for (const re of [AUTOLINK_AT, EMAIL_AUTOLINK_AT]) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (m && i + m[0].length <= to) return i + m[0].length;
  }
  return 0;
}

/**
 * The end of raw inline HTML at `i` (a tag, comment, processing instruction,
 * declaration or CDATA section that closes before `to`), or 0. Openers seen without
 * a close are remembered, so a paragraph full of them is scanned once.
 */
function inlineHtmlEnd(text: string, i: number, to: number, unclosed: Set<string>): number {
  const closing = (open: string, close: string, minEnd: number): number => {
    if (unclosed.has(open)) return 0;
    const at = text.indexOf(close, minEnd);
    if (at < 0 || at + close.length > to) {
      unclosed.add(open);
      return 0;
    }
    return at + close.length;
  };
  if (text.startsWith('<!--', i)) {
    if (text.startsWith('<!-->', i)) return i + 5;
    if (text.startsWith('<!--->', i)) return i + 6;
    return closing('<!--', '-->', i + 4);
  }
  if (text.startsWith('<?', i)) return closing('<?', '?>', i + 2);
  if (text.startsWith('<![CDATA[', i)) return closing('<![CDATA[', ']]>', i + 9);
  if (text.startsWith('<!', i)) return /[A-Za-z]/.test(text[i + 2] ?? '') ? closing('<!', '>', i + 2) : 0;
  // Only a letter after `<` or `</` starts a tag: any other `<` (`a < b`) is text, however long the paragraph.
  const name = text.charCodeAt(text.charCodeAt(i + 1) === 47 /* / */ ? i + 2 : i + 1) | 0x20;
  if (name < 97 /* a */ || name > 122 /* z */) return 0;
  // A tag is matched within a window, so a paragraph of unclosed quotes is not rescanned per `<`.
  const windowEnd = Math.min(to, i + HTML_TAG_WINDOW);
  const m = HTML_TAG_AT.exec(text.slice(i, windowEnd));
  if (m) return i + m[0].length;
  if (windowEnd < to) bail('a very long HTML tag');
  return 0;
}

/**
 * Math, as Obsidian, VS Code's Markdown preview and GitHub render it (KaTeX / MathJax):
 * `$$ … $$`, on one line or over several, and inline `$ … $`. What it holds is not
 * prose: `G = [[1, 2], [3]]` in a matrix is no link, and no date is read there.
 */
import { spanHolding } from '../text.js';
import type { Span } from '../types.js';

const BLANK_LINE = /\n[ \t]*\r?\n/g;

/** Where the paragraph holding `offset` ends: its blank line, or the end of the text. */
function paragraphEnd(text: string, offset: number): number {
  BLANK_LINE.lastIndex = offset;
  const m = BLANK_LINE.exec(text);
  return m ? m.index : text.length;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * Whether the `$` at `k` can close inline math: not escaped, not after a space, not
 * before a digit (`$5 and $10` is money, as in Obsidian, Pandoc and KaTeX).
 */
function closes(text: string, k: number): boolean {
  return text[k - 1] !== '\\' && !isSpace(text[k - 1]) && !isDigit(text[k + 1]);
}

/**
 * The math spans of `text` that start outside `excluded` (code, HTML, front matter,
 * comments), sorted and disjoint. Math never runs past a blank line: a `$` without its
 * closing one in the paragraph is a dollar sign. Linear: every search only moves forward
 * (a paragraph of `$a $a $a …` once searched each opening to its end).
 */
export function mathSpans(text: string, excluded: readonly Span[]): Span[] {
  const out: Span[] = [];
  let from = 0;
  // The paragraph's end, for the openings before it.
  let limit = -1;
  // No `$$`, and no `$` that closes inline math, before these (searched up to there).
  let noDisplayBefore = -1;
  let noCloseBefore = -1;
  for (;;) {
    const open = text.indexOf('$', from);
    if (open < 0) break;
    const ex = spanHolding(excluded, open);
    if (ex) {
      from = ex.end;
      continue;
    }
    if (text[open - 1] === '\\') {
      from = open + 1;
      continue;
    }
    if (open >= limit) limit = paragraphEnd(text, open);
    let end = -1;
    if (text[open + 1] === '$') {
      const close = open + 2 < noDisplayBefore ? -1 : text.indexOf('$$', open + 2);
      if (close >= 0 && close < limit) end = close + 2;
      else noDisplayBefore = limit;
      if (end < 0) {
        from = open + 2;
        continue;
      }
    } else if (!isSpace(text[open + 1]) && open + 1 >= noCloseBefore) {
      let k = text.indexOf('$', open + 1);
      while (k >= 0 && k < limit && !closes(text, k)) k = text.indexOf('$', k + 1);
      if (k >= 0 && k < limit) end = k + 1;
      else noCloseBefore = limit;
    }
    if (end < 0) {
      from = open + 1;
      continue;
    }
    out.push({ start: open, end });
    from = end;
  }
  return out;
}

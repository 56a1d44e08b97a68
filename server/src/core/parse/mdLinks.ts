/**
 * Markdown links to files: inline links and images (`[text](dest "title")`,
 * `![alt](dest)`), destinations in angle brackets (`<a b.md>`), and link reference
 * definitions (`[label]: dest`). The Markdown parser is told not to read links (its
 * bracket matching dominates citation-dense text), so this scan finds them, within
 * the prose blocks and outside code and HTML, as CommonMark writes them.
 */
import { spanHolding } from '../text.js';
import type { Span } from '../types.js';
import type { RawCitation } from './citations.js';
import { extended } from '../extended.js';

/** Nesting of parentheses allowed in a destination (CommonMark allows at least 32). */
const MAX_PARENS = 32;

/** True for the characters a backslash escapes. */
function isPunctuation(ch: number): boolean {
  return (ch >= 33 && ch <= 47) || (ch >= 58 && ch <= 64) || (ch >= 91 && ch <= 96) || (ch >= 123 && ch <= 126);
}

/** A destination at `i`: its span (without `<>`) and where it ends, or undefined. */
function destination(text: string, i: number, to: number): { span: Span; end: number } | undefined {
  if (text.charCodeAt(i) === 60 /* < */) {
    for (let j = i + 1; j < to; j++) {
      const ch = text.charCodeAt(j);
      if (ch === 92 /* \ */ && j + 1 < to && isPunctuation(text.charCodeAt(j + 1))) j++;
      else if (ch === 62 /* > */) return { span: { start: i + 1, end: j }, end: j + 1 };
      else if (ch === 60 || ch === 10) return undefined;
    }
    return undefined;
  }
  let depth = 0;
  let j = i;
  for (; j < to; j++) {
    const ch = text.charCodeAt(j);
    if (ch === 92 && j + 1 < to && isPunctuation(text.charCodeAt(j + 1))) {
      j++;
      continue;
    }
    if (ch <= 32 || ch === 127) break;
    if (ch === 40 /* ( */) {
      if (++depth > MAX_PARENS) return undefined;
    } else if (ch === 41 /* ) */) {
      if (depth === 0) break;
      depth--;
    }
  }
  if (j === i || depth !== 0) return undefined;
  return { span: { start: i, end: j }, end: j };
}

/** Skips spaces, tabs and at most one line end. */
function skipWhitespace(text: string, i: number, to: number): number {
  let newlines = 0;
  while (i < to) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      if (++newlines > 1) break;
    } else if (ch !== 32 && ch !== 9) break;
    i++;
  }
  return i;
}

/** The end of a link title (`"…"`, `'…'` or `(…)`) at `i`, or -1. */
function titleEnd(text: string, i: number, to: number): number {
  const open = text.charCodeAt(i);
  const close = open === 34 ? 34 : open === 39 ? 39 : open === 40 ? 41 : -1;
  if (close < 0) return -1;
  for (let j = i + 1; j < to; j++) {
    const ch = text.charCodeAt(j);
    if (ch === 92 && j + 1 < to) j++;
    else if (ch === close) return j + 1;
    else if (open === 40 && ch === 40) return -1;
  }
  return -1;
}

/** The inline link's `(…)` part starting at `i` (the `(`): destination and end, or undefined. */
function inlineTail(text: string, i: number, to: number): { dest?: Span; end: number } | undefined {
  let j = skipWhitespace(text, i + 1, to);
  if (text.charCodeAt(j) === 41 /* ) */) return { end: j + 1 };
  const dest = destination(text, j, to);
  if (!dest) return undefined;
  j = skipWhitespace(text, dest.end, to);
  if (j > dest.end && text.charCodeAt(j) !== 41) {
    const t = titleEnd(text, j, to);
    if (t < 0) return undefined;
    j = skipWhitespace(text, t, to);
  }
  if (text.charCodeAt(j) !== 41) return undefined;
  return { dest: dest.span, end: j + 1 };
}

/**
 * The end of a Markdown link or image whose text opens with the `[` at `start`
 * (brackets in the text balanced), on the same line up to `to`; 0 when there is none.
 */
export function markdownLinkEnd(text: string, start: number, to: number): number {
  let depth = 0;
  for (let j = start; j < to; j++) {
    const ch = text.charCodeAt(j);
    if (ch === 92 /* \ */) {
      j++;
      continue;
    }
    if (ch === 91 /* [ */) depth++;
    else if (ch === 93 /* ] */ && --depth === 0) {
      if (text.charCodeAt(j + 1) !== 40 /* ( */) return 0;
      return inlineTail(text, j + 1, to)?.end ?? 0;
    }
  }
  return 0;
}

/** The last `]` whose opening `[` was not found, and how far back it was looked for. */
interface Unmatched {
  close: number;
  from: number;
}

/**
 * Where the `[` matching the `]` at `close` stands (brackets balanced, escapes skipped), or -1.
 * A walk that reaches an unescaped `]` already found unmatched back to `from` cannot
 * succeed (more `]` are open there than then), so it stops: `](` repeated is read in
 * linear time (walking back to the block's start from each one took 12 s on 100 KB).
 */
function openingBracket(text: string, close: number, from: number, unmatched: Unmatched): number {
  let depth = 0;
  for (let j = close; j >= from; j--) {
    if (j === unmatched.close && depth >= 1 && from >= unmatched.from) break;
    const ch = text.charCodeAt(j);
    if (j > from && text.charCodeAt(j - 1) === 92 /* \ */ && isPunctuation(ch)) {
      j--;
      continue;
    }
    if (ch === 93) depth++;
    else if (ch === 91 && --depth === 0) return j;
  }
  if (close === 0 || text.charCodeAt(close - 1) !== 92) [unmatched.close, unmatched.from] = [close, from];
  return -1;
}

/** Decodes `%20`-style escapes and backslash escapes of a destination; the raw text when it is not valid. */
export function decodeDestination(raw: string): string {
  const unescaped = raw.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

/** A link to somewhere else than the workspace (a URL with a scheme, `//host`, `mailto:`), not checked. */
export function isExternal(dest: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(dest) || dest.startsWith('//');
}

/** Splits a destination span into its path and `#fragment` parts as a link. */
function asLink(text: string, raw: Span, whole: Span, dest: Span, label: Span | undefined, embed: boolean): RawCitation | undefined {
  const value = text.slice(dest.start, dest.end);
  if (isExternal(value)) return undefined;
  const hash = value.indexOf('#');
  const pathEnd = hash < 0 ? dest.end : dest.start + hash;
  const link: RawCitation = {
    start: whole.start,
    end: whole.end,
    target: decodeDestination(text.slice(dest.start, pathEnd)),
    targetSpan: { start: dest.start, end: pathEnd },
    form: 'markdown',
  };
  if (hash >= 0) {
    link.anchor = decodeDestination(value.slice(hash + 1));
    link.anchorSpan = { start: pathEnd + 1, end: dest.end };
  }
  if (label) {
    link.label = text.slice(label.start, label.end);
    link.labelSpan = label;
  }
  if (embed) link.embed = true;
  void raw;
  return link;
}

/**
 * The inline Markdown links and images to local files in the prose blocks of `text`
 * (external URLs are left out). Linear in each block: one pass over `](`.
 */
export function scanMarkdownLinks(text: string, blocks: readonly Span[], excluded: readonly Span[]): RawCitation[] {
  const out: RawCitation[] = [];
  /** Links do not nest: a link's text is not searched again. */
  let consumedTo = 0;
  const unmatched: Unmatched = { close: -1, from: 0 };
  // One pass over the `](` of the whole text; each is read within the prose block holding it.
  for (let close = text.indexOf(']('); close >= 0; close = text.indexOf('](', close + 2)) {
    if (close < consumedTo) continue;
    const block = spanHolding(blocks, close);
    if (!block || spanHolding(excluded, close)) continue;
    const open = openingBracket(text, close, Math.max(block.start, consumedTo), unmatched);
    if (open < 0 || spanHolding(excluded, open)) continue;
    const tail = inlineTail(text, close + 1, block.end);
    if (!tail) continue;
    consumedTo = tail.end;
    if (!tail.dest) continue;
    const embed = open > block.start && text.charCodeAt(open - 1) === 33; /* ! */
    const whole = { start: embed ? open - 1 : open, end: tail.end };
    const link = asLink(text, whole, whole, tail.dest, { start: open + 1, end: close }, embed);
    if (link) out.push(link);
  }
  return out;
}

/** The links of link reference definitions (`[label]: dest`), at the spans the note's reading found them. */
export function definitionLinks(text: string, definitions: readonly Span[]): RawCitation[] {
  const out: RawCitation[] = [];
  for (const d of definitions) {
    // `[^1]: …` is a footnote (Obsidian, GitHub), whatever follows its colon.
    if (text.charCodeAt(d.start + 1) === 0x5e /* ^ */) continue;
    const colon = text.indexOf(']:', d.start);
    if (colon < 0 || colon >= d.end) continue;
    const at = skipWhitespace(text, colon + 2, d.end);
    const dest = destination(text, at, d.end);
    if (!dest) continue;
    const link = asLink(text, d, { start: d.start, end: d.end }, dest.span, { start: d.start + 1, end: colon }, false);
    if (link) out.push(extended(link, { form: 'definition' as const }));
  }
  return out;
}

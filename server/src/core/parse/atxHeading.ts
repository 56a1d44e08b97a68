/**
 * The one recogniser of ATX headings (`## Title ##`), CommonMark's rule read by hand:
 * up to three spaces, one to six `#`s, then a space, a tab or the end of the line;
 * an optional closing run of `#`s after white space. Every reading of headings calls
 * it: the line reading of notes (`blocks.ts`), the lexical reading (`note.ts`),
 * sources (`source.ts`), the link hover's previews (`features/linkHover.ts`) and the
 * sections dated headings open (`dates/resolve.ts`).
 * Linear, with no regular expression: the expressions it replaces backtracked
 * quadratically on `# x`, a long run of spaces, then `y` (8 s at 100 KB).
 */
import type { Span } from '../types.js';

/** An ATX heading read from one line. */
export interface AtxHeading {
  /** 1–6: how many `#`s open it. */
  level: number;
  /** The offset just after the opening `#`s. */
  afterOpening: number;
  /** The content: after the opening's white space, before the closing `#`s and the white space around them. */
  span: Span;
  /** The content trimmed (the text the heading shows). */
  text: string;
}

const SP = 32;
const TAB = 9;
const HASH = 35;

const isBlank = (code: number): boolean => code === SP || code === TAB;

/**
 * The opening of an ATX heading on the line `text[start, end)`: the level and the offset
 * after its `#`s, whatever follows them; undefined when the line opens no heading
 * (four spaces, no `#`, seven or more). Callers with a rule of their own for what may
 * follow the `#`s start here.
 */
export function atxOpening(text: string, start = 0, end = text.length): { level: number; afterOpening: number } | undefined {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === SP) i++;
  let j = i;
  while (j < end && j - i <= 6 && text.charCodeAt(j) === HASH) j++;
  const level = j - i;
  return level >= 1 && level <= 6 ? { level, afterOpening: j } : undefined;
}

/** The ATX heading on the line `text[start, end)` (no line break inside), or undefined when it is none. */
export function atxHeading(text: string, start = 0, end = text.length): AtxHeading | undefined {
  const opening = atxOpening(text, start, end);
  if (!opening) return undefined;
  const after = opening.afterOpening;
  if (after < end && !isBlank(text.charCodeAt(after))) return undefined;
  // The closing sequence: `#`s preceded by white space, then white space.
  let e = end;
  while (e > after && isBlank(text.charCodeAt(e - 1))) e--;
  let hashes = e;
  while (hashes > after && text.charCodeAt(hashes - 1) === HASH) hashes--;
  if (hashes < e && (hashes === after || isBlank(text.charCodeAt(hashes - 1)))) e = hashes;
  let s = after;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  return { level: opening.level, afterOpening: after, span: { start: s, end: e }, text: text.slice(s, e).trim() };
}

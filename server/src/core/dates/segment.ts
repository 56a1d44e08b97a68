/**
 * Sentences as the date checks need them: an abbreviation ("Jan.", "Mr.", "P.M.") does
 * not end a sentence, a line break inside a paragraph does not either (hard-wrapped
 * text), while a blank line, a heading or a list item does. One linear pass.
 * The words (abbreviations, sentence openers) come from the language.
 */
import { lastStartingAtOrBefore, trimmedSpan } from '../text.js';
import type { Span } from '../types.js';

export interface SentenceWords {
  /** 'title' never ends a sentence ("Mr."); 'ambiguous' ends one only before a sentence opener ("Inc. The"). */
  abbreviation(word: string): 'title' | 'ambiguous' | undefined;
  /** Words that open sentences ("The", "It", "On"), to decide after an ambiguous abbreviation. */
  opensSentence(word: string): boolean;
}

const STOPS = '.!?\u2026';
const CLOSERS = '"\'\u201d\u2019)]';
/** A line break or a sentence stop: where the scan has something to decide. */
const NEXT_MARK = /[\n.!?\u2026]/g;

/** Whether a line starting at `j` opens a block: a list item, heading, quote or table row. */
function blockMarker(text: string, j: number): boolean {
  const c = text[j];
  if (c === undefined) return false;
  if ('-*+>#|'.includes(c))
    return text[j + 1] === ' ' || text[j + 1] === '\t' || (c === '#' && text[j + 1] === '#') || c === '|' || c === '>';
  let k = j;
  while (k < text.length && k - j < 3 && text[k]! >= '0' && text[k]! <= '9') k++;
  return k > j && (text[k] === '.' || text[k] === ')') && (text[k + 1] === ' ' || text[k + 1] === '\t');
}

/** The sentences of `text`, trimmed, in order. A character scan: no pattern backtracks over long runs. */
export function dateSentences(text: string, words: SentenceWords): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const s = trimmedSpan(text, start, end);
    if (s.end > s.start) out.push(s);
    start = end;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Most characters neither break a line nor stop a sentence: the pattern skips them in one call.
    NEXT_MARK.lastIndex = i;
    if (!NEXT_MARK.test(text)) break;
    i = NEXT_MARK.lastIndex - 1;
    const ch = text[i]!;
    if (ch === '\n') {
      let j = i + 1;
      while (j < n && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      // A blank line, a heading, a list item or a quote starts a new sentence.
      if (text[j] === '\n' || blockMarker(text, j)) push(j);
      i = j;
      continue;
    }
    if (STOPS.includes(ch)) {
      let k = i + 1;
      while (k < n && STOPS.includes(text[k]!)) k++;
      while (k < n && CLOSERS.includes(text[k]!)) k++;
      if ((k === n || /\s/.test(text[k]!)) && endsSentence(text, i, k, words)) push(k);
      i = k;
      continue;
    }
    i++;
  }
  push(n);
  return out;
}

/** The sentence holding `offset` (sentences sorted), or a span around the offset when none does. */
export function sentenceAt(sentences: readonly Span[], offset: number): Span | undefined {
  const s = sentences[lastStartingAtOrBefore(sentences, offset)];
  return s && offset < s.end ? s : undefined;
}

/** An ASCII letter; other characters below 128 are not letters. */
function asciiLetter(code: number): boolean {
  return (code | 0x20) >= 97 && (code | 0x20) <= 122;
}

function letterOrDot(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code < 128 ? asciiLetter(code) || code === 46 : /[\p{L}.]/u.test(text[i]!);
}

function letterOrDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code < 128 ? asciiLetter(code) || (code >= 48 && code <= 57) : /[\p{L}\d]/u.test(text[i]!);
}

function wordBefore(text: string, at: number): string {
  let a = at;
  while (a > 0 && at - a < 24 && letterOrDot(text, a - 1)) a--;
  return text.slice(a, at);
}

function wordAfter(text: string, from: number): { word: string; first: string } {
  let a = from;
  while (a < text.length && a - from < 8 && /\s/.test(text[a]!)) a++;
  let b = a;
  while (b < text.length && b - a < 24 && letterOrDigit(text, b)) b++;
  return { word: text.slice(a, b), first: text[a] ?? '' };
}

/** Whether the punctuation at `text[at, end)` ends a sentence. */
function endsSentence(text: string, at: number, end: number, words: SentenceWords): boolean {
  const next = wordAfter(text, end);
  if (next.first === '') return true;
  // A new sentence starts with a capital, a digit, a quotation mark or a bracket.
  const startsLikeSentence = /[\p{Lu}\d"'\u201c\u2018(\[*_#]/u.test(next.first);
  if (text[at] !== '.' || (end - at > 1 && text[at + 1] === '.')) return startsLikeSentence;
  const word = wordBefore(text, at);
  const kind = words.abbreviation(word);
  if (kind === 'title') return false;
  if (kind === 'ambiguous') return /^\p{Lu}/u.test(next.word) && words.opensSentence(next.word);
  return startsLikeSentence;
}

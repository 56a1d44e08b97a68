/**
 * Sentences as the date checks need them: an abbreviation ("Jan.", "Mr.", "P.M.") does
 * not end a sentence, a line break inside a paragraph does not either (hard-wrapped
 * text), while a blank line, a heading or a list item does. One linear pass.
 * The words (abbreviations, sentence openers) come from the language.
 */
import { lastStartingAtOrBefore } from '../text.js';
import type { Span } from '../types.js';

export interface SentenceWords {
  /** 'title' never ends a sentence ("Mr."); 'ambiguous' ends one only before a sentence opener ("Inc. The"). */
  abbreviation(word: string): 'title' | 'ambiguous' | undefined;
  /** Words that open sentences ("The", "It", "On"), to decide after an ambiguous abbreviation. */
  opensSentence(word: string): boolean;
}

const BOUNDARY = /\n[ \t]*(?:\r?\n|(?=(?:[-*+>#|]|\d{1,3}[.)])[ \t]))|[.!?\u2026]+["'\u201d\u2019)\]]*(?=\s|$)/g;

/** The sentences of `text`, trimmed, in order. */
export function dateSentences(text: string, words: SentenceWords): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(text))) {
    const end = m.index + m[0].length;
    if (m[0][0] === '\n' || endsSentence(text, m.index, end, words)) {
      push(end);
      start = end;
    }
    if (m[0].length === 0) BOUNDARY.lastIndex++;
  }
  push(text.length);
  return out;
}

/** The sentence holding `offset` (sentences sorted), or a span around the offset when none does. */
export function sentenceAt(sentences: readonly Span[], offset: number): Span | undefined {
  const s = sentences[lastStartingAtOrBefore(sentences, offset)];
  return s && offset < s.end ? s : undefined;
}

function wordBefore(text: string, at: number): string {
  let a = at;
  while (a > 0 && at - a < 24 && /[\p{L}.]/u.test(text[a - 1]!)) a--;
  return text.slice(a, at);
}

function wordAfter(text: string, from: number): { word: string; first: string } {
  let a = from;
  while (a < text.length && a - from < 8 && /\s/.test(text[a]!)) a++;
  let b = a;
  while (b < text.length && b - a < 24 && /[\p{L}\d]/u.test(text[b]!)) b++;
  return { word: text.slice(a, b), first: text[a] ?? '' };
}

/** Whether the punctuation at `text[at, end)` ends a sentence. */
function endsSentence(text: string, at: number, end: number, words: SentenceWords): boolean {
  const next = wordAfter(text, end);
  if (next.first === '') return true;
  // A new sentence starts with a capital, a digit, a quotation mark or a bracket.
  const startsLikeSentence = /[\p{Lu}\d"'\u201c\u2018(\[*_#]/u.test(next.first);
  if (text[at] !== '.' || end - at > 1 && text[at + 1] === '.') return startsLikeSentence;
  const word = wordBefore(text, at);
  const kind = words.abbreviation(word);
  if (kind === 'title') return false;
  if (kind === 'ambiguous') return /^\p{Lu}/u.test(next.word) && words.opensSentence(next.word);
  return startsLikeSentence;
}

/**
 * Sentences as the date checks need them: an abbreviation ("Jan.", "Mr.", "P.M.") does
 * not end a sentence, a line break inside a paragraph does not either (hard-wrapped
 * text), while a blank line, a heading or a list item does. One linear pass.
 * The words (abbreviations, sentence openers) come from the language.
 */
import { lastStartingAtOrBefore, spanHolding, trimmedSpan } from '../text.js';
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
  scanSentences(text, words, 0, out, false);
  return out;
}

/**
 * Scans the sentences from `from` (0, or where a block starts: a sentence always starts
 * there) into `out`; with `oneBlock`, only up to the end of that block (a blank line, a
 * heading, a list item or a quote starts the next). Returns where it stopped.
 */
function scanSentences(text: string, words: SentenceWords, from: number, out: Span[], oneBlock: boolean): number {
  let start = from;
  const push = (end: number) => {
    const s = trimmedSpan(text, start, end);
    if (s.end > s.start) out.push(s);
    start = end;
  };
  const n = text.length;
  let i = from;
  while (i < n) {
    // Most characters neither break a line nor stop a sentence: the pattern skips them in one call.
    NEXT_MARK.lastIndex = i;
    if (!NEXT_MARK.test(text)) break;
    i = NEXT_MARK.lastIndex - 1;
    const ch = text[i]!;
    if (ch === '\n') {
      const j = afterLineBreak(text, i);
      // A blank line, a heading, a list item or a quote starts a new sentence.
      if (text[j] === '\n' || blockMarker(text, j)) {
        push(j);
        if (oneBlock) return j;
      }
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
  return n;
}

/** Where the line after the line break at `i` starts, past its spaces and tabs. */
function afterLineBreak(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
  return j;
}

interface Block {
  start: number;
  end: number;
  sentences: Span[];
}

/**
 * The sentences of a text (as `dateSentences` splits them), made a block at a time when
 * asked about an offset: a note's dates need the sentences around them, and splitting
 * every note whole was a third of the date analysis of a vault. Blocks (paragraphs, list
 * items, headings, quotes) are where a sentence always starts, so a block read alone
 * splits as it does in the whole text.
 */
export class SentenceIndex {
  private whole: Span[] | undefined;
  private readonly blocks = new Map<number, Block>();
  /** Blocks by where they end: a walk back from a block finds the one before it at once. */
  private readonly endingAt = new Map<number, Block>();
  /** The block asked about last (mentions come in order, many in one block). */
  private last: Block | undefined;

  constructor(
    private readonly text: string,
    private readonly words: SentenceWords,
  ) {}

  /** Every sentence of the text, in order. */
  all(): Span[] {
    return (this.whole ??= dateSentences(this.text, this.words));
  }

  /** The sentence holding `offset` (`sentenceAt` over `all()`). */
  at(offset: number): Span | undefined {
    return sentenceAt(this.blockAt(offset).sentences, offset);
  }

  /**
   * `max(floor, start)`, where `start` is where the sentence `back` sentences before the
   * one holding `offset` starts (the first sentence when there are fewer): in `all()`,
   * `all[max(0, i - back)].start` for the last sentence `i` starting at or before `offset`,
   * an offset inside a sentence. Blocks before `floor` are not read.
   */
  startBefore(offset: number, back: number, floor: number): number {
    const block = this.blockAt(offset);
    const own = block.sentences;
    const t = lastStartingAtOrBefore(own, offset);
    if (t - back >= 0) return Math.max(own[t - back]!.start, floor);
    let need = back - t;
    let first = own[0]?.start ?? offset;
    let b = block.start;
    while (b > 0) {
      // Any sentence before this block starts before `floor`.
      if (b <= floor) return this.textBefore(b) ? floor : Math.max(first, floor);
      const prev = this.endingAt.get(b) ?? this.blockAt(b - 1, false);
      const theirs = prev.sentences;
      if (theirs.length >= need) return Math.max(theirs[theirs.length - need]!.start, floor);
      need -= theirs.length;
      if (theirs.length > 0) first = theirs[0]!.start;
      b = prev.start;
    }
    return Math.max(first, floor);
  }

  /** Whether anything but white space stands before `at` (then a sentence starts there). */
  private textBefore(at: number): boolean {
    for (let i = at - 1; i >= 0; i--) if (!/\s/.test(this.text[i]!)) return true;
    return false;
  }

  /** The block holding `offset`, split into sentences (once); remembered as the last one asked about unless walked back to. */
  private blockAt(offset: number, remember = true): Block {
    const last = this.last;
    if (last && offset >= last.start && offset < last.end) return last;
    const start = this.blockStart(offset);
    let block = this.blocks.get(start);
    if (!block) {
      const sentences: Span[] = [];
      const end = scanSentences(this.text, this.words, start, sentences, true);
      block = { start, end: Math.max(end, start + 1), sentences };
      this.blocks.set(start, block);
      this.endingAt.set(end, block);
    }
    if (remember) this.last = block;
    return block;
  }

  /** Where the block holding `offset` starts: the last place at or before it where the whole scan starts a block. */
  private blockStart(offset: number): number {
    const text = this.text;
    for (let p = text.lastIndexOf('\n', offset - 1); p >= 0; p = p === 0 ? -1 : text.lastIndexOf('\n', p - 1)) {
      const j = afterLineBreak(text, p);
      if (j <= offset && (text[j] === '\n' || blockMarker(text, j))) return j;
    }
    return 0;
  }
}

/** The sentence holding `offset` (sentences sorted), or a span around the offset when none does. */
export function sentenceAt(sentences: readonly Span[], offset: number): Span | undefined {
  return spanHolding(sentences, offset);
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

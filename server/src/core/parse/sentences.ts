/** Sentence boundaries, from the platform's ICU sentence segmenter. */
import { lastStartingAtOrBefore, trimmedSpan } from '../text.js';
import type { Span } from '../types.js';

/** Made at the first use: a vault without sources may never split a sentence, and every start of the tool paid for it. */
let segmenter: Intl.Segmenter | undefined;

/**
 * How much text the segmenter sees at once. V8's segmenter slows down quadratically
 * with the length of a paragraph (one 480 KB paragraph took 12 s), so a long one is
 * segmented in windows of this size.
 */
export const SEGMENT_WINDOW = 2000;

/** The sentences of `text[span]`, trimmed, as document offsets. */
export function sentencesIn(text: string, span: Span, window = SEGMENT_WINDOW): Span[] {
  return segment(text, span, window, false);
}

/**
 * The sentences of a source's `text[span]`. A line break inside the span is read as a
 * space: the segmenter ends a sentence at every line break (Unicode's rule for
 * paragraph separators), but a source's paragraph — a PDF's lines, a hard-wrapped
 * text file — goes on across them. Same length, so offsets stand.
 */
export function sourceSentencesIn(text: string, span: Span, window = SEGMENT_WINDOW): Span[] {
  return segment(text, span, window, true);
}

function segment(text: string, span: Span, window: number, joinLines: boolean): Span[] {
  const out: Span[] = [];
  const push = (slice: string, base: number, index: number, length: number) => {
    const s = trimmedSpan(slice, index, index + length, base);
    if (s.end > s.start) out.push(s);
  };
  let from = span.start;
  let size = window;
  while (from < span.end) {
    const to = Math.min(span.end, from + size);
    const slice = text.slice(from, to);
    segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
    const segments = [...segmenter.segment(joinLines ? slice.replace(/[\r\n]/g, ' ') : slice)];
    if (to === span.end) {
      for (const seg of segments) push(slice, from, seg.index, seg.segment.length);
      break;
    }
    // The last two sentences of a window may end where they do only because the window
    // ends: they are segmented again at the start of the next one.
    if (segments.length < 3) {
      size *= 2;
      continue;
    }
    for (const seg of segments.slice(0, -2)) push(slice, from, seg.index, seg.segment.length);
    from += segments[segments.length - 2]!.index;
    size = window;
  }
  return out;
}

/** A sentence as `sentencesIn` gives it (`sentence`), and the one before it (`before`); either may be missing. */
export interface SentencesNear {
  sentence: Span | undefined;
  before: Span | undefined;
}

/**
 * The last paragraph `sentencesNear` read, kept for its next citation (the citations of a
 * paragraph come in turn): segmented where it fits one window, split whole (a line of
 * thousands of citations once) where it does not.
 */
let last: { text: string; start: number; end: number; segments?: Intl.Segments; sentences?: Span[] } | undefined;

/**
 * Of the sentences `sentencesIn(text, paragraph)` gives, the last that starts at or before
 * `offset` and the one before it. A paragraph that fits one window is not split whole:
 * the segmenter is asked for the segment at `offset` and, going back, for those before it
 * (the same boundaries; the segments after it are never made).
 */
export function sentencesNear(text: string, paragraph: Span, offset: number): SentencesNear {
  if (last?.text !== text || last.start !== paragraph.start || last.end !== paragraph.end)
    last = { text, start: paragraph.start, end: paragraph.end };
  const length = paragraph.end - paragraph.start;
  if (length > SEGMENT_WINDOW || length <= 0 || offset < paragraph.start) {
    const sentences = (last.sentences ??= sentencesIn(text, paragraph));
    const i = lastStartingAtOrBefore(sentences, offset);
    return { sentence: sentences[i], before: i > 0 ? sentences[i - 1] : undefined };
  }
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const segments = (last.segments ??= segmenter.segment(text.slice(paragraph.start, paragraph.end)));
  /** The last non-empty trimmed segment that starts at or before `limit`, from the segment at `at` back. */
  const back = (at: number, limit: number): { span: Span; index: number } | undefined => {
    for (let seg = segments.containing(at); seg; seg = seg.index > 0 ? segments.containing(seg.index - 1) : undefined) {
      const span = trimmedSpan(text, paragraph.start + seg.index, paragraph.start + seg.index + seg.segment.length);
      if (span.end > span.start && span.start <= limit) return { span, index: seg.index };
    }
    return undefined;
  };
  const found = back(Math.min(offset - paragraph.start, length - 1), offset);
  if (!found) return { sentence: undefined, before: undefined };
  return { sentence: found.span, before: found.index > 0 ? back(found.index - 1, Infinity)?.span : undefined };
}

/**
 * Where the text of `text[from, to)` ends once the citations (and white space) right
 * before `to` are set aside. `seen` maps a citation's end to this value for its start,
 * so a run of thousands of citations is walked once, not once per citation.
 */
function endBeforeCitations(text: string, from: number, to: number, seen?: Map<number, { from: number; end: number }>): number {
  let j = to;
  for (;;) {
    let k = j;
    while (k > from && /\s/.test(text[k - 1]!)) k--;
    if (k - from < 4 || text[k - 1] !== ']' || text[k - 2] !== ']') return j;
    const known = seen?.get(k);
    if (known && known.from === from) return known.end;
    const open = text.lastIndexOf('[[', k - 3);
    if (open < from || /[\]\n]/.test(text.slice(open + 2, k - 2))) return j;
    j = open;
  }
}

/** True when `text[from, to)` ends with a full stop (or ! or ?), closing quotes, then white space. */
function endsAfterStop(text: string, from: number, to: number): boolean {
  let k = to;
  while (k > from && /\s/.test(text[k - 1]!)) k--;
  if (k === to) return false;
  while (k > from && '"\'\u201d\u2019)'.includes(text[k - 1]!)) k--;
  return k > from && '.!?'.includes(text[k - 1]!);
}

/**
 * The sentence that holds `target`. A citation placed after a sentence's full stop
 * (`… back. [[002#x]]`) belongs to the sentence before it, as in academic style.
 */
export function sentenceAround(
  text: string,
  paragraph: Span,
  target: Span,
  near: SentencesNear = sentencesNear(text, paragraph, target.start),
  seen?: Map<number, { from: number; end: number }>,
): Span {
  const s = near.sentence;
  if (!s || target.start >= s.end) return paragraph;
  // Only citations (or nothing) stand between the previous full stop and this citation.
  const end = endBeforeCitations(text, s.start, target.start, seen);
  seen?.set(target.end, { from: s.start, end });
  if (end === s.start && near.before) return { start: near.before.start, end: target.end };
  if (endsAfterStop(text, s.start, end)) return { start: s.start, end: target.end };
  return s;
}

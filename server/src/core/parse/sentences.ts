/** Sentence boundaries, from the platform's ICU sentence segmenter. */
import type { Span } from '../types.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentences of `text[span]`, trimmed, as document offsets. */
export function sentencesIn(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const slice = text.slice(span.start, span.end);
  for (const seg of segmenter.segment(slice)) {
    let a = seg.index;
    let b = seg.index + seg.segment.length;
    while (a < b && /\s/.test(slice[a]!)) a++;
    while (b > a && /\s/.test(slice[b - 1]!)) b--;
    if (b > a) out.push({ start: span.start + a, end: span.start + b });
  }
  return out;
}

/**
 * The sentence that holds `target`. A citation placed after a sentence's full stop
 * (`… back. [[002#x]]`) belongs to the sentence before it, as in academic style.
 */
export function sentenceAround(text: string, paragraph: Span, target: Span): Span {
  const sentences = sentencesIn(text, paragraph);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (target.start >= s.start && target.start < s.end) {
      // Only citations (or nothing) stand between the previous full stop and this citation.
      const before = text.slice(s.start, target.start).replace(/(\[\[[^\]\n]*\]\]\s*)+$/, '');
      if (before === '' && i > 0) return { start: sentences[i - 1]!.start, end: target.end };
      if (/[.!?]["'\u201d\u2019)]*\s+$/.test(before)) return { start: s.start, end: target.end };
      return s;
    }
  }
  return paragraph;
}

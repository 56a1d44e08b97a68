/**
 * Text normalisation for matching quotes against sources: white space runs become
 * one space, typographic quotes and dashes become their plain forms, `…` becomes
 * `...`. Keeps a map back to the original offsets so matches can be located.
 */

export interface NormalizedText {
  text: string;
  /** `offsets[i]` is the original offset of normalised character `i`; one extra entry for the end. */
  offsets: number[];
}

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const DASHES = /[\u2010-\u2015\u2212]/;

/** Normalises `text` and keeps the offset map. */
export function normalizeWithMap(text: string): NormalizedText {
  let out = '';
  const offsets: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      if (out.length > 0) {
        out += ' ';
        offsets.push(pendingSpace);
      }
      pendingSpace = -1;
    }
    if (ch === '\u2026') {
      out += '...';
      offsets.push(i, i, i);
      continue;
    }
    out += SINGLE_QUOTES.test(ch) ? "'" : DOUBLE_QUOTES.test(ch) ? '"' : DASHES.test(ch) ? '-' : ch;
    offsets.push(i);
  }
  offsets.push(pendingSpace >= 0 ? pendingSpace : text.length);
  return { text: out, offsets };
}

/** The normalised form of `text` (trimmed). */
export function normalize(text: string): string {
  return normalizeWithMap(text).text;
}

/** Maps a span of the normalised text back to the original text. */
export function originalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = n.offsets[start] ?? n.offsets[n.offsets.length - 1]!;
  const lastChar = end > start ? n.offsets[end - 1] : undefined;
  const e = lastChar !== undefined ? lastChar + 1 : s;
  return { start: s, end: e };
}

/**
 * Text normalisation for matching quotes against sources: white space runs become
 * one space, typographic quotes and dashes become their plain forms, `…` becomes
 * `...`. Keeps a map back to the original offsets so matches can be located.
 */

export interface NormalizedText {
  text: string;
  /** `offsets[i]` is the original offset of normalised character `i`; one extra entry for the end. */
  offsets: Int32Array;
}

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const DASHES = /[\u2010-\u2015\u2212]/;

/** True for the characters `\s` matches. */
function isSpace(c: number, ch: string): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c >= 0xa0 && /\s/.test(ch);
}

/** Normalises `text` and keeps the offset map. Runs of plain ASCII are copied whole. */
export function normalizeWithMap(text: string): NormalizedText {
  const parts: string[] = [];
  // `…` becomes three characters, so three slots per character always suffice.
  const offsets = new Int32Array(text.length * 3 + 1);
  let length = 0;
  let pendingSpace = -1;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const ch = text[i]!;
    if (isSpace(c, ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      i++;
      continue;
    }
    if (pendingSpace >= 0) {
      if (length > 0) {
        parts.push(' ');
        offsets[length++] = pendingSpace;
      }
      pendingSpace = -1;
    }
    if (c > 32 && c < 127) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d <= 32 || d >= 127) break;
        j++;
      }
      parts.push(text.slice(i, j));
      for (let k = i; k < j; k++) offsets[length++] = k;
      i = j;
      continue;
    }
    if (c === 0x2026) {
      parts.push('...');
      offsets[length++] = i;
      offsets[length++] = i;
      offsets[length++] = i;
    } else {
      parts.push(SINGLE_QUOTES.test(ch) ? "'" : DOUBLE_QUOTES.test(ch) ? '"' : DASHES.test(ch) ? '-' : ch);
      offsets[length++] = i;
    }
    i++;
  }
  offsets[length++] = pendingSpace >= 0 ? pendingSpace : text.length;
  return { text: parts.join(''), offsets: offsets.slice(0, length) };
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

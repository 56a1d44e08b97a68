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

/** The plain form of a character that is not white space: quotes and dashes plain, `…` as `...`, any other as it is. */
function plainForm(ch: string): string {
  return ch === '\u2026' ? '...' : SINGLE_QUOTES.test(ch) ? "'" : DOUBLE_QUOTES.test(ch) ? '"' : DASHES.test(ch) ? '-' : ch;
}

/**
 * Normalises `text` and keeps the offset map. What stays as it is (most of a source:
 * words and single spaces) is copied a stretch at a time, from one change to the next;
 * one string per word, and a map three times the text's length, took a 16 MB workspace
 * of sources 0.6 s.
 */
export function normalizeWithMap(text: string): NormalizedText {
  const parts: string[] = [];
  // Each character gives one at most, but `…`, which gives three.
  let ellipses = 0;
  for (let at = text.indexOf('\u2026'); at >= 0; at = text.indexOf('\u2026', at + 1)) ellipses++;
  const offsets = new Int32Array(text.length + 2 * ellipses + 1);
  let length = 0;
  let pendingSpace = -1;
  /** Where the stretch copied as it is began (-1: none since the last change). */
  let copyFrom = -1;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const ascii = c > 32 && c < 127;
    if (!ascii && isSpace(c, text[i]!)) {
      if (pendingSpace < 0) pendingSpace = i;
      i++;
      continue;
    }
    if (pendingSpace >= 0) {
      // Leading white space is dropped; a single space between two kept characters is kept as it is.
      if (length > 0) {
        if (i === pendingSpace + 1 && text.charCodeAt(pendingSpace) === 32) {
          if (copyFrom < 0) copyFrom = pendingSpace;
        } else {
          if (copyFrom >= 0) parts.push(text.slice(copyFrom, pendingSpace));
          copyFrom = -1;
          parts.push(' ');
        }
        offsets[length++] = pendingSpace;
      }
      pendingSpace = -1;
    }
    if (ascii) {
      if (copyFrom < 0) copyFrom = i;
      offsets[length++] = i++;
      // The rest of the stretch at once: plain ASCII, and single spaces before more of it.
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d > 32 && d < 127) offsets[length++] = i++;
        else if (d === 32 && i + 1 < n && text.charCodeAt(i + 1) > 32 && text.charCodeAt(i + 1) < 127) {
          offsets[length++] = i;
          offsets[length++] = i + 1;
          i += 2;
        } else break;
      }
      continue;
    }
    const plain = plainForm(text[i]!);
    if (plain === text[i]) {
      if (copyFrom < 0) copyFrom = i;
      offsets[length++] = i;
    } else {
      if (copyFrom >= 0) parts.push(text.slice(copyFrom, i));
      copyFrom = -1;
      parts.push(plain);
      for (let k = 0; k < plain.length; k++) offsets[length++] = i;
    }
    i++;
  }
  if (copyFrom >= 0) parts.push(text.slice(copyFrom, pendingSpace >= 0 ? pendingSpace : n));
  offsets[length++] = pendingSpace >= 0 ? pendingSpace : text.length;
  // A view, not a copy: white space runs make the text at most a little shorter.
  return { text: parts.join(''), offsets: offsets.subarray(0, length) };
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

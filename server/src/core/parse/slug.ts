/** GitHub-style heading slugs, as Markdown previews and Marksman make them. */

/** The slug of one heading text: lower case, punctuation dropped, spaces to `-`. */
export function slugify(text: string): string {
  return spacesToHyphens(
    text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, ''),
  );
}

/** The position of the first `char` at or after each position of `text` (`text.length` where none). */
export function nextOf(text: string, char: string): Int32Array {
  const next = new Int32Array(text.length + 1).fill(text.length);
  for (let i = text.length - 1; i >= 0; i--) next[i] = text[i] === char ? i : next[i + 1]!;
  return next;
}

/**
 * `text` with its Markdown links and images replaced by their text: what a heading shows,
 * and what its GitHub slug is made from (`## Q&A [y](https://…)` is `#qa-y`). One pass.
 */
export function markdownLinkTexts(text: string): string {
  if (!text.includes('](')) return text;
  const shut = nextOf(text, ']');
  const paren = nextOf(text, ')');
  let out = '';
  let i = 0;
  while (i < text.length) {
    const at = text[i] === '!' && text[i + 1] === '[' ? i + 1 : i;
    if (text[at] === '[') {
      const j = shut[at + 1]!;
      const k = j < text.length && text[j + 1] === '(' ? paren[j + 2]! : text.length;
      if (k < text.length) {
        out += text.slice(at + 1, j);
        i = k + 1;
        continue;
      }
    }
    out += text[i];
    i++;
  }
  return out;
}

/** Chunk size for `String.fromCharCode`, well under any engine's argument limit. */
const CHUNK = 8192;

/** Below this length a heading's spaces are replaced by the engine (a vault's headings: 8× faster than by codes). */
const SHORT = 4096;

/**
 * Every space to `-`: a short text by `replaceAll`, a long one in one pass over the
 * character codes (`replace(/ /g, '-')` spends microseconds per match: 2 s on a 1 MB
 * heading of spaces; `replaceAll` is linear but three times slower than the codes there).
 */
function spacesToHyphens(s: string): string {
  if (!s.includes(' ')) return s;
  if (s.length < SHORT) return s.replaceAll(' ', '-');
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    codes[i] = c === 32 ? 45 : c;
  }
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK) out += String.fromCharCode(...codes.subarray(i, i + CHUNK));
  return out;
}

/** Gives each heading a unique slug: repeats get `-1`, `-2`, … in document order. */
export class SlugCounter {
  private readonly seen = new Map<string, number>();
  /** The next unique slug for `text`. */
  next(text: string): string {
    const base = slugify(text);
    const count = this.seen.get(base);
    if (count === undefined) {
      this.seen.set(base, 0);
      return base;
    }
    let n = count + 1;
    while (this.seen.has(`${base}-${n}`)) n++;
    this.seen.set(base, n);
    this.seen.set(`${base}-${n}`, 0);
    return `${base}-${n}`;
  }
}

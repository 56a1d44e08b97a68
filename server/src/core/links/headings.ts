/**
 * Headings and blocks as links name them. Obsidian and Foam link to a heading by its
 * text (`[[note#Heading text]]`, case-insensitive; the characters a link cannot hold —
 * `# | ^ : % [ ]` — and inline markup ignored; `#h1#h2` for a heading under another);
 * Markdown links and GitHub-style previews use slugs (`#heading-text`). Both work.
 */
import type { BlockId, Heading } from '../types.js';
import { markdownLinkTexts, nextOf, slugify } from '../parse/slug.js';

/**
 * A heading's text as a link compares it: inline markup dropped, then punctuation
 * (Obsidian strips "special characters" from headings it links to: `D&D` is linked
 * as `D D`, `Hub?` as `Hub`) turned to spaces, spaces collapsed, lower case.
 */
export function headingKey(text: string): string {
  return plainKey(linkTexts(text));
}

/** `headingKey` without replacing links: their brackets and bars become spaces (`[[A|b]] c` → `a b c`). */
function plainKey(text: string): string {
  return text
    .replace(/[*_`~=]+/g, '') // emphasis, code, highlight markers
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * `text` with its links replaced by what they show: a wiki link `[[target|label]]` by
 * its label (or target), a Markdown link or image `[text](url)` by its text. One pass
 * (a regular expression per form retried at every `[` took 14 s on 100 KB of `[`).
 */
function linkTexts(text: string): string {
  return markdownLinkTexts(wikiLinkTexts(text));
}

/** `text` with its wiki links replaced by what they show (see `linkTexts`). */
function wikiLinkTexts(text: string): string {
  if (!text.includes('[[')) return text;
  const close = nextOf(text, ']');
  // Wiki links first, as their own pass: a Markdown link is then read in what they show.
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '[' && text[i + 1] === '[') {
      const j = close[i + 2]!;
      if (j < text.length && text[j + 1] === ']') {
        const inner = text.slice(i + 2, j);
        const bar = inner.indexOf('|');
        out += bar >= 0 ? inner.slice(bar + 1) : inner;
        i = j + 2;
        continue;
      }
    }
    out += text[i];
    i++;
  }
  return out;
}

/**
 * A heading's keys: `key`, its text as shown; `written`, its text as written, for a heading
 * holding a link. Obsidian's `[[#` suggestions strip the heading as written:
 * `## [[Note|label]] rules` is linked as `#Note label rules`.
 */
interface HeadingKeys {
  key: string;
  slugOfKey: string;
  written: string;
}

/** Each heading's keys, computed once (headings are plain data shared by every link to them). */
const keysOf = new WeakMap<Heading, HeadingKeys>();

function headingKeys(heading: Heading): HeadingKeys {
  let k = keysOf.get(heading);
  if (!k) {
    const key = headingKey(heading.text);
    const written = heading.text.includes('[') ? plainKey(heading.text) : key;
    keysOf.set(heading, (k = { key, slugOfKey: slugify(key), written }));
  }
  return k;
}

/** A link's heading part, with the keys it is compared by. */
interface Wanted {
  lower: string;
  key: string;
  slug: string;
}

function wanted(part: string): Wanted {
  const key = headingKey(part);
  return { lower: part.toLowerCase(), key, slug: slugify(key) };
}

/** True when a link's heading part names this heading (by text or by slug). */
function matches(w: Wanted, heading: Heading): boolean {
  if (w.lower === heading.slug) return true;
  const h = headingKeys(heading);
  return w.key === h.key || w.key === h.written || w.slug === heading.slug || w.slug === h.slugOfKey;
}

/** True when a link's heading part names this heading (by text or by slug). */
export function headingMatches(part: string, heading: Heading): boolean {
  return matches(wanted(part), heading);
}

/**
 * The heading an anchor names: `h` or nested `h1#h2` (the last part a heading under
 * the earlier ones, in order). Undefined when there is none.
 */
export function findHeading(headings: readonly Heading[], anchor: string): Heading | undefined {
  const parts = anchor
    .split('#')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const last = wanted(parts[parts.length - 1]!);
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    if (!matches(last, h)) continue;
    if (parts.length === 1 || ancestorsMatch(headings, i, parts.slice(0, -1))) return h;
  }
  return undefined;
}

/** True when the headings above `index` (each of a lower level than the one below it) include `parts`, in order. */
function ancestorsMatch(headings: readonly Heading[], index: number, parts: readonly string[]): boolean {
  let level = headings[index]!.level;
  let want = parts.length - 1;
  for (let j = index - 1; j >= 0 && want >= 0; j--) {
    const h = headings[j]!;
    if (h.level >= level) continue;
    level = h.level;
    if (headingMatches(parts[want]!, h)) want--;
  }
  return want < 0;
}

/** The block with this id (`^id` without the caret), case-insensitive. */
export function findBlock(blocks: readonly BlockId[], id: string): BlockId | undefined {
  const lower = id.toLowerCase();
  return blocks.find((b) => b.id.toLowerCase() === lower);
}

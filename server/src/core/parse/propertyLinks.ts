/**
 * Links in front matter properties (Obsidian): a quoted `"[[note]]"` value, alone or
 * in a list, is a link. Unquoted `[[x]]` is a YAML list, not a link.
 */
import type { Span } from '../types.js';
import { readCitation, type RawCitation } from './citations.js';

const QUOTED_LINK = /(["'])(\[\[[^\]\n]*\]\])\1/g;

/** The property links inside the front matter span of `text`. */
export function propertyLinks(text: string, frontMatter: Span): RawCitation[] {
  const out: RawCitation[] = [];
  const value = text.slice(frontMatter.start, frontMatter.end);
  if (!value.includes('[[')) return out;
  QUOTED_LINK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTED_LINK.exec(value))) {
    const link = readCitation(m[2]!, frontMatter.start + m.index + 1);
    if (link.malformed) continue;
    link.form = 'property';
    out.push(link);
  }
  return out;
}

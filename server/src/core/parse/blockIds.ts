/**
 * Block ids: `^id` at the end of a paragraph or list item, or on its own line after
 * a block, as Obsidian writes them; `[[note#^id]]` links to the block.
 */
import { spanHolding } from '../text.js';
import type { BlockId, Span } from '../types.js';

/** `^id` at a line's end after white space, or right after an embed or link (`![[x.png]]^id`, as Obsidian's own help writes it). */
const BLOCK_ID = /(?:^|[ \t]|\]\]|\))\^([A-Za-z0-9-]+)[ \t]*$/gm;

/** The block ids of `text` that stand outside `excluded` (code, HTML, comments, front matter). */
export function findBlockIds(text: string, excluded: readonly Span[]): BlockId[] {
  const out: BlockId[] = [];
  if (!text.includes('^')) return out;
  BLOCK_ID.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BLOCK_ID.exec(text))) {
    const start = m.index + m[0].indexOf('^');
    if (spanHolding(excluded, start)) continue;
    out.push({ id: m[1]!, start, end: start + 1 + m[1]!.length });
  }
  return out;
}

/**
 * What the Markdown parser's tree tells a note's checks: the spans that are not
 * prose, the prose blocks, the headings with their text, the front matter and the
 * link reference definitions. The reference reading that the faster ones
 * (`blocks.ts`, `lexical.ts`) are held equal to.
 */
import type { Nodes, Root } from 'mdast';
import type { Span } from '../types.js';
import { parseMarkdown } from './markdown.js';

/** Node types whose text is not prose: links there are not links. */
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'definition']);
/** Blocks that hold prose directly: a link's paragraph is the nearest of these. */
const PROSE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** The structure of a note as its checks need it. */
export interface Structure {
  /** Spans that are not prose (code, HTML, front matter, definitions), sorted. */
  excluded: Span[];
  /** Prose blocks (paragraphs, headings), sorted. */
  blocks: Span[];
  headings: { span: Span; text: string; level: number }[];
  frontMatter?: { value: string; span: Span };
  /** Link reference definitions (`[label]: destination`), sorted. */
  definitions?: Span[];
}

function offsets(node: Nodes): Span | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : { start: s, end: e };
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/** Walks the tree without recursion (lists nested thousands deep must not overflow the stack). */
function collect(root: Root): Structure {
  const out: Structure = { excluded: [], blocks: [], headings: [] };
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const span = offsets(node);
    if (NOT_PROSE.has(node.type)) {
      if (span) out.excluded.push(span);
      if (node.type === 'yaml' && span && !out.frontMatter) out.frontMatter = { value: (node as { value: string }).value, span };
      if (node.type === 'definition' && span) (out.definitions ??= []).push(span);
      continue;
    }
    if (span && PROSE_BLOCKS.has(node.type)) out.blocks.push(span);
    if (node.type === 'heading' && span) out.headings.push({ span, text: plainText(node).trim(), level: node.depth });
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  out.excluded.sort((a, b) => a.start - b.start);
  out.blocks.sort((a, b) => a.start - b.start);
  out.headings.sort((a, b) => a.span.start - b.span.start);
  out.definitions?.sort((a, b) => a.start - b.start);
  return out;
}

/** The structure the Markdown parser finds. */
export function markdownStructure(text: string): Structure {
  const s = collect(parseMarkdown(text));
  // The parser drops a byte order mark and counts offsets from after it; a note's offsets count it.
  return text.charCodeAt(0) === 0xfeff ? shifted(s, 1) : s;
}

/** `s` with every span moved `by` characters. */
function shifted(s: Structure, by: number): Structure {
  const move = (span: Span): Span => ({ start: span.start + by, end: span.end + by });
  const out: Structure = {
    excluded: s.excluded.map(move),
    blocks: s.blocks.map(move),
    headings: s.headings.map((h) => ({ span: move(h.span), text: h.text, level: h.level })),
  };
  if (s.frontMatter) out.frontMatter = { value: s.frontMatter.value, span: move(s.frontMatter.span) };
  if (s.definitions) out.definitions = s.definitions.map(move);
  return out;
}

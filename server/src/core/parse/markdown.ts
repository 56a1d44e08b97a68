/** The one Markdown parser: unified + remark-parse + remark-frontmatter. */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

/**
 * Links and images are not parsed: citations are found by their own scan, and the
 * tree is only asked where code, HTML, front matter and prose blocks are. Matching
 * brackets is what makes citation-dense text slow to parse (a line of 10,000
 * citations took seconds), and code spans bind tighter than links, so nothing the
 * index reads changes.
 */
function withoutLinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ['labelStartLink', 'labelStartImage', 'labelEnd'] } });
}

const makeProcessor = () => unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(withoutLinks).freeze();

/** Made at the first parse: most notes are read without a tree, and every start of the tool paid for it. */
let processor: ReturnType<typeof makeProcessor> | undefined;

/** The syntax tree of a Markdown text (positions carry offsets). */
export function parseMarkdown(text: string): Root {
  processor ??= makeProcessor();
  return processor.parse(text);
}

/** The one Markdown parser: unified + remark-parse + remark-frontmatter. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** The syntax tree of a Markdown text (positions carry offsets). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

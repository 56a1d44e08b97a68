/**
 * The kinds of file a source can be (SPEC §1): plain text and Markdown are read as
 * they are; PDFs and saved web pages are read as the text extracted from them
 * (outside the core, see `Workspace.readExtracted`).
 */
import type { DocUri } from './types.js';

export type SourceFormat = 'text' | 'markdown' | 'pdf' | 'html';

/** File endings of sources, for listing and watching. */
export const SOURCE_EXTENSIONS = ['.txt', '.md', '.pdf', '.html', '.htm', '.mhtml', '.mht'] as const;

const ENDING = /\.(txt|md|pdf|html?|mhtml|mht)$/i;

/** The format of a source file by its name, or undefined when it cannot be a source. */
export function sourceFormat(uri: DocUri): SourceFormat | undefined {
  const m = ENDING.exec(uri);
  if (!m) return undefined;
  const ext = m[1]!.toLowerCase();
  // A web page archive (`.mhtml`, `.mht`) is read as the page it holds.
  return ext === 'txt' ? 'text' : ext === 'md' ? 'markdown' : ext === 'pdf' ? 'pdf' : 'html';
}

/** True for sources whose text is extracted (PDF, web page) rather than read as it is. */
export function isExtractedFormat(uri: DocUri): boolean {
  const f = sourceFormat(uri);
  return f === 'pdf' || f === 'html';
}

/** A source file name or URI without its ending (`002_a.pdf` → `002_a`). */
export function withoutSourceExtension(name: string): string {
  return name.replace(ENDING, '');
}

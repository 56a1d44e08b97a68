/**
 * How links are written in the workspace's convention, for what the editor inserts
 * (completion, quick fixes, rename): Obsidian writes the shortest name that reaches the
 * file (its name, else its vault path), Foam the shortest unique end of the path,
 * Dendron the hierarchy name, Logseq the page name; headings by their text (Obsidian,
 * Foam) or slug (Dendron, Markdown links); Markdown links by relative path with `%20`.
 * Also where a link's target and anchor stand in the text (Dendron writes the target
 * after the pipe).
 */
import { trimmedSpan } from '../text.js';
import type { Citation, DocUri, Heading, NoteIndex, Span } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { dirOf, extensionOf, type FileEntry } from './files.js';
import type { Conventions } from './style.js';

/** Where a link's target and anchor stand in its note (Dendron's label-first links read after the pipe). */
export interface LinkSpans {
  target: Span;
  anchor?: Span;
}

/** The spans of a link's target and anchor as the workspace's conventions read it. */
export function linkSpans(c: Citation, conventions: Conventions): LinkSpans {
  if (conventions.style === 'dendron' && !c.form && c.label !== undefined && c.labelSpan) {
    const hash = c.label.indexOf('#');
    const start = c.labelSpan.start;
    if (hash < 0) return { target: c.labelSpan };
    return { target: trimmedSpan(c.label, 0, hash, start), anchor: trimmedSpan(c.label, hash + 1, c.label.length, start) };
  }
  return c.anchorSpan ? { target: c.targetSpan, anchor: c.anchorSpan } : { target: c.targetSpan };
}

/** A link written only to ask where it leads (never part of a note). */
function probe(target: string, form?: 'markdown'): Citation {
  const c: Citation = { start: 0, end: 0, target, targetSpan: { start: 0, end: 0 }, paragraph: { start: 0, end: 0 } };
  if (form) c.form = form;
  return c;
}

/** The file a link target written in `note` leads to, if any (a note, a source or another file). */
export function targetOf(view: WorkspaceView, note: NoteIndex, target: string, form?: 'markdown'): DocUri | NoteIndex | undefined {
  const r = view.resolve(note, probe(target, form));
  if (r.kind === 'note') return r.note;
  if (r.kind === 'file') return r.uri;
  if (r.kind === 'source') return r.source.uri;
  return undefined;
}

function leadsTo(view: WorkspaceView, note: NoteIndex, target: string, uri: DocUri, form?: 'markdown'): boolean {
  const t = targetOf(view, note, target, form);
  return t !== undefined && (typeof t === 'string' ? t : t.uri) === uri;
}

/** A file's path as links write it: notes without `.md`, other files with their extension. */
function linkPath(entry: FileEntry): string {
  return entry.markdown ? entry.rel.replace(/\.md$/i, '') : entry.rel;
}

/**
 * The target a wiki link from `note` writes for a file, in the convention's form; the
 * vault path when no shorter form reaches it.
 */
export function wikiTarget(view: WorkspaceView, note: NoteIndex, entry: FileEntry): string {
  const path = linkPath(entry);
  const name = path.slice(path.lastIndexOf('/') + 1);
  const style = view.conventions.style;
  if (style === 'dendron') return name;
  if (style === 'logseq' && entry.markdown) return name.replace(/___/g, '/');
  if (style === 'foam') {
    // Foam's identifier: the shortest end of the path that names only this note.
    const parts = path.split('/');
    for (let i = parts.length - 1; i > 0; i--) {
      const suffix = parts.slice(i).join('/');
      if (leadsTo(view, note, suffix, entry.uri)) return suffix;
    }
    return path;
  }
  return leadsTo(view, note, name, entry.uri) ? name : path;
}

/** Characters that end or split a wiki link's heading part (Obsidian cannot put them in a link). */
const NOT_IN_WIKI_HEADING = /[#|^:%[\]]/g;

/** A heading as a link names it: its slug in Markdown links and Dendron, else its text without the characters a link cannot hold. */
export function headingFragment(heading: Heading, conventions: Conventions, markdown: boolean): string {
  if (markdown || conventions.style === 'dendron') return heading.slug;
  return wikiHeadingText(heading.text);
}

/** Heading text made fit for a wiki link's anchor (`Setup: step 1` → `Setup step 1`). */
export function wikiHeadingText(text: string): string {
  return text.replace(NOT_IN_WIKI_HEADING, ' ').replace(/\s+/g, ' ').trim();
}

/** Characters a Markdown link destination cannot hold as they are, or that would change its meaning. */
const ESCAPE_IN_DESTINATION = /[\s%()<>#?\\[\]]/g;

/** A path segment as a Markdown link destination writes it (`a b` → `a%20b`). */
export function encodeDestination(path: string): string {
  return path.replace(ESCAPE_IN_DESTINATION, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** The path from one folder to a file, both relative to the same workspace folder (`../b/x.md`). */
export function relativeTo(fromDir: string, rel: string): string {
  const from = fromDir === '' ? [] : fromDir.split('/');
  const to = rel.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common]!.toLowerCase() === to[common]!.toLowerCase()) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/**
 * The destination a Markdown link in `note` writes for a file: its path relative to the
 * note, encoded (`%20`); undefined for a file in another workspace folder.
 */
export function markdownTarget(view: WorkspaceView, note: NoteIndex, entry: FileEntry): string | undefined {
  const from = view.files.get(note.uri);
  if (!from || from.folder !== entry.folder) return undefined;
  return encodeDestination(relativeTo(dirOf(from.rel), entry.rel));
}

/** True for the file types hovers show as images. */
export function isImage(uri: DocUri): boolean {
  return /^\.(?:png|jpe?g|gif|svg|webp|avif|bmp|ico)$/.test(extensionOf(uri.toLowerCase()));
}

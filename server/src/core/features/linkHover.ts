/**
 * Hover on a link that is not a citation: a note (its title and first lines, or the
 * section or block it links to), an image (shown, from the workspace file), any other
 * file (its path and size), a folder, a Dendron wildcard (the notes it takes in). Every
 * word of a note or a file name is escaped: nothing in the workspace becomes a link,
 * HTML or a command, and no image is loaded from outside the workspace.
 */
import type { BlockId, Citation, DocUri, Heading, NoteIndex } from '../types.js';
import type { Resolution, WorkspaceView } from '../view.js';
import { isImage } from '../links/write.js';
import { relativePath } from '../workspace.js';
import { escapeMarkdown } from './locate.js';
import { atxOpening } from '../parse/atxHeading.js';
import { headingLine } from '../parse/source.js';

/** At most this many lines of a note are shown, and this many characters. */
const PREVIEW_LINES = 8;
const PREVIEW_CHARS = 600;
/** At most this many names are listed (other files of the name, notes of a wildcard). */
const LIST = 10;

/** Text as a Markdown code span, whatever backticks it holds (a code span is never a link or HTML). */
export function codeSpan(text: string): string {
  const t = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || longest > 0 ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** `12.3 KB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A workspace file's URI as an image source: percent-encoded so that it cannot end the Markdown image. */
function imageSource(uri: DocUri): string | undefined {
  // Only files of the workspace, never a remote address.
  if (/^(?:https?|data|ftp|command):/i.test(uri)) return undefined;
  return uri.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/%]/g, (ch) => encodeURIComponent(ch));
}

/** A path relative to its workspace folder, for display. */
function shownPath(view: WorkspaceView, uri: DocUri): string {
  const entry = view.files.get(uri);
  if (entry) return entry.rel;
  const folder = view.files.folderOf(uri);
  return folder ? relativePath(folder, uri) : uri;
}

/** "Took `a/Index.md`: 2 other files share the name …" for a name several files answer to. */
function alternativesLine(view: WorkspaceView, taken: DocUri, alternatives: readonly DocUri[] | undefined): string | undefined {
  if (!alternatives || alternatives.length === 0) return undefined;
  const others = alternatives.slice(0, LIST).map((u) => codeSpan(shownPath(view, u)));
  if (alternatives.length > LIST) others.push(`${alternatives.length - LIST} more`);
  const style = view.conventions.style;
  const rule = style === 'auto' || style === 'obsidian' ? 'Obsidian takes' : 'the link takes';
  const n = alternatives.length;
  return (
    `Took ${codeSpan(shownPath(view, taken))}: ${n} other file${n === 1 ? '' : 's'} ` +
    `share${n === 1 ? 's' : ''} the name (${others.join(', ')}); ${rule} the file in the same ` +
    `folder, then the shortest path.`
  );
}

/** The end of YAML front matter at the top of a note (0 when there is none). */
function afterFrontMatter(text: string): number {
  const m = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? m[0].length : 0;
}

/** A list item, a quote or a fence: a line that starts a block of its own. */
const STARTS_BLOCK = /^ {0,3}(?:[-*+]\s|\d{1,9}[.)]\s|>|```|~~~)/;

/**
 * True for a line that starts a block of its own: a heading, a list item, a quote, a
 * fence. A heading here is `#`s followed by any white space (a CR, a no-break space),
 * not CommonMark's rule: a lone `#` line starts no block.
 */
export function startsBlock(line: string): boolean {
  const atx = atxOpening(line);
  return (atx !== undefined && /\s/.test(line.charAt(atx.afterOpening))) || STARTS_BLOCK.test(line);
}

/**
 * The block an id names: the paragraph or list item whose last line ends with it, or
 * (an id on its own line) the block just above; it starts after a blank line or a
 * heading, or at a list item's own line.
 */
function blockSpan(text: string, note: NoteIndex, block: BlockId): { start: number; end: number } {
  const lines = text.split('\n');
  const starts: number[] = [];
  lines.reduce((at, l) => (starts.push(at), at + l.length + 1), 0);
  const idLine = text.slice(0, block.start).split('\n').length - 1;
  const own = lines[idLine]!.slice(0, block.start - starts[idLine]!).trim() === '';
  let last = own ? idLine - 1 : idLine;
  while (own && last > 0 && lines[last]!.trim() === '') last--;
  const headings = new Set(note.headings.map((h) => h.line));
  let first = Math.max(last, 0);
  while (first > 0 && !startsBlock(lines[first]!) && lines[first - 1]!.trim() !== '' && !headings.has(first - 1)) first--;
  return { start: starts[first]!, end: own ? starts[last]! + lines[last]!.length : block.start };
}

/**
 * The part of a note a link shows: the section under its heading, the paragraph of its
 * block, or the note after its front matter and title.
 */
function previewSpan(text: string, note: NoteIndex, heading?: Heading, block?: BlockId): { start: number; end: number } {
  if (heading) {
    const next = note.headings.find((h) => h.start > heading.start && h.level <= heading.level);
    return { start: heading.end, end: next ? next.start : text.length };
  }
  if (block) return blockSpan(text, note, block);
  let start = afterFrontMatter(text);
  const first = note.headings[0];
  // The title heading is in the hover's first line already.
  if (first && first.level === 1 && text.slice(start, first.start).trim() === '') start = first.end;
  return { start, end: text.length };
}

/** The first lines of a span of a note as a Markdown quote, every word escaped; headings in bold. */
export function previewLines(text: string, span: { start: number; end: number }): string | undefined {
  const lines: string[] = [];
  let chars = 0;
  for (const raw of text.slice(span.start, Math.min(span.end, span.start + PREVIEW_CHARS * 4)).split(/\r?\n/)) {
    // A block id is an anchor, not words of the note.
    const line = raw.replace(/\s\^[A-Za-z0-9-]+\s*$/, '').trim();
    if (line === '' || /^\^[A-Za-z0-9-]+$/.test(line)) continue;
    if (lines.length >= PREVIEW_LINES || chars >= PREVIEW_CHARS) {
      lines.push('…');
      break;
    }
    const room = PREVIEW_CHARS - chars;
    const cut = line.length > room ? line.slice(0, room) + '…' : line;
    chars += cut.length;
    const heading = headingLine(cut);
    lines.push(heading ? `**${escapeMarkdown(heading.text)}**` : escapeMarkdown(cut));
  }
  return lines.length > 0 ? '> ' + lines.join('  \n> ') : undefined;
}

function noteHover(view: WorkspaceView, r: Extract<Resolution, { kind: 'note' }>): string {
  const { note, heading, block } = r;
  const title = note.title && note.title !== note.stem ? ` — ${escapeMarkdown(note.title)}` : '';
  const at = heading ? ` › ${escapeMarkdown(heading.text)}` : block ? ` › ${escapeMarkdown('^' + block.id)}` : '';
  const parts = [`**Note ${escapeMarkdown(note.stem)}**${title}${at}`];
  const text = view.text(note.uri);
  const preview = text === undefined ? undefined : previewLines(text, previewSpan(text, note, heading, block));
  if (preview) parts.push(preview);
  const alternatives = alternativesLine(view, note.uri, r.alternatives);
  if (alternatives) parts.push(alternatives);
  return parts.join('\n\n');
}

/** The `|100` or `|100x200` size of an embed, as the image's width and height. */
function imageSize(c: Citation): string {
  const m = c.embed && !c.form && c.label ? /^\s*(\d{1,5})(?:x(\d{1,5}))?\s*$/.exec(c.label) : null;
  if (!m) return '';
  return `|width=${m[1]}${m[2] ? `,height=${m[2]}` : ''}`;
}

function fileHover(
  view: WorkspaceView,
  c: Citation,
  r: Extract<Resolution, { kind: 'file' }>,
  sizeOf?: (uri: DocUri) => number | undefined,
): string {
  const path = shownPath(view, r.uri);
  const parts: string[] = [];
  const source = isImage(r.uri) ? imageSource(r.uri) : undefined;
  if (source) parts.push(`![${escapeMarkdown(path.slice(path.lastIndexOf('/') + 1))}](${source}${imageSize(c)})`);
  const size = sizeOf?.(r.uri);
  parts.push(`${codeSpan(path)}${size !== undefined ? ` · ${formatSize(size)}` : ''}`);
  const alternatives = alternativesLine(view, r.uri, r.alternatives);
  if (alternatives) parts.push(alternatives);
  return parts.join('\n\n');
}

function wildcardHover(r: Extract<Resolution, { kind: 'wildcard' }>): string {
  const n = r.notes.length;
  const names = r.notes
    .map((x) => x.stem)
    .sort()
    .slice(0, LIST)
    .map(codeSpan);
  if (n > LIST) names.push(`${n - LIST} more`);
  return `${codeSpan(r.pattern)} takes in ${n} note${n === 1 ? '' : 's'}${n > 0 ? `: ${names.join(', ')}` : ''}`;
}

/** Hover text for a link to a note, file, folder or wildcard; undefined for other resolutions. */
export function linkHover(
  view: WorkspaceView,
  c: Citation,
  r: Resolution,
  sizeOf?: (uri: DocUri) => number | undefined,
): string | undefined {
  if (r.kind === 'note') return noteHover(view, r);
  if (r.kind === 'file') return fileHover(view, c, r, sizeOf);
  if (r.kind === 'folder') return `**Folder** ${codeSpan(shownPath(view, r.uri) + '/')}`;
  if (r.kind === 'wildcard') return wildcardHover(r);
  return undefined;
}

/**
 * Rename of notes, files and headings. A heading (from its line, or from a link to it)
 * → its text and every link to it, each in its own form (heading text, or slug where the
 * link wrote the slug). A note or another file (from a link to it) → the file is
 * renamed and every link to it follows (`links/moves.ts`), in one undoable edit.
 */
import { NotesError, type WorkspaceEditResult } from '../api.js';
import type { DocUri, Heading, NoteIndex, Position, Range, Span, TextEdit } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { linksToFile } from '../links/backlinks.js';
import type { FileEntry } from '../links/files.js';
import { headingKey, headingMatches } from '../links/headings.js';
import { expandMoves, moveEdits, siblingUri } from '../links/moves.js';
import { linkSpans, wikiHeadingText } from '../links/write.js';
import { SlugCounter } from '../parse/slug.js';
import { headingAtLine, linkAt } from './linkTarget.js';
import { withoutRangeSuffix } from '../links/resolve.js';

type Renamable =
  | { kind: 'heading'; note: NoteIndex; heading: Heading; range: Range; placeholder: string }
  | { kind: 'file'; entry: FileEntry; range: Range; placeholder: string };

/** The span of a heading's words on its line: after the `#`s, before a closing `#` run (a setext heading: its first line). */
export function headingTextSpan(text: string, h: Heading): Span {
  const nl = text.indexOf('\n', h.start);
  let s = h.start;
  let e = nl < 0 || nl > h.end ? h.end : nl;
  while (text[s] === '#') s++;
  while (s < e && (text[s] === ' ' || text[s] === '\t')) s++;
  while (e > s && /[ \t\r]/.test(text[e - 1]!)) e--;
  let k = e;
  while (k > s && text[k - 1] === '#') k--;
  if (k < e && (k === s || text[k - 1] === ' ' || text[k - 1] === '\t')) {
    e = k;
    while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  }
  return { start: s, end: e };
}

/** The heading names in a link's anchor (`h1#h2`; Dendron's `h1:#h2`, `h,1`), each with its span. */
function anchorParts(text: string, span: Span): { text: string; span: Span }[] {
  const out: { text: string; span: Span }[] = [];
  let from = span.start;
  for (let i = span.start; i <= span.end; i++) {
    if (i < span.end && text[i] !== '#') continue;
    let s = from;
    let e = i;
    while (s < e && /\s/.test(text[s]!)) s++;
    const part = withoutRangeSuffix(text.slice(s, e));
    e = s + part.length;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ text: text.slice(s, e), span: { start: s, end: e } });
    from = i + 1;
  }
  return out;
}

/** What can be renamed at `position`: a heading (its line, or the anchor of a link to it), or the file a link leads to. */
function renamableAt(view: WorkspaceView, uri: DocUri, position: Position): Renamable | undefined {
  const link = linkAt(view, uri, position);
  if (link) {
    const r = link.resolution;
    const lines = view.lines(uri)!;
    if (link.part === 'anchor' && r.kind === 'note' && r.heading) {
      const text = view.text(uri)!;
      const parts = anchorParts(text, link.spans.anchor!);
      const offset = lines.offsetAt(position);
      const part = parts.find((p) => offset >= p.span.start && offset <= p.span.end) ?? parts[parts.length - 1];
      const heading = part && headingMatches(part.text, r.heading) ? r.heading : undefined;
      const at = heading ?? (part ? r.note.headings.find((h) => headingMatches(part.text, h)) : undefined);
      if (!at || !part) return undefined;
      return { kind: 'heading', note: r.note, heading: at, range: lines.range(part.span), placeholder: rawHeading(view, r.note, at) };
    }
    if (link.part === 'anchor') return undefined;
    const target = r.kind === 'note' || r.kind === 'unknownHeading' ? r.note.uri : r.kind === 'file' ? r.uri : undefined;
    const entry = target ? view.files.get(target) : undefined;
    if (!entry || link.spans.target.start === link.spans.target.end) return undefined;
    const name = entry.rel.slice(entry.rel.lastIndexOf('/') + 1);
    return { kind: 'file', entry, range: lines.range(link.spans.target), placeholder: entry.markdown ? name.replace(/\.md$/i, '') : name };
  }
  const note = view.note(uri);
  const heading = note ? headingAtLine(note, position.line) : undefined;
  if (!note || !heading) return undefined;
  const span = headingTextSpan(view.text(uri)!, heading);
  return { kind: 'heading', note, heading, range: view.lines(uri)!.range(span), placeholder: rawHeading(view, note, heading) };
}

function rawHeading(view: WorkspaceView, note: NoteIndex, h: Heading): string {
  const text = view.text(note.uri) ?? '';
  const span = headingTextSpan(text, h);
  return text.slice(span.start, span.end) || h.text;
}

/** The range and current name of the note, file or heading at `position`, if one can be renamed there. */
export function prepareLinkRename(view: WorkspaceView, uri: DocUri, position: Position): { range: Range; placeholder: string } | undefined {
  const t = renamableAt(view, uri, position);
  return t ? { range: t.range, placeholder: t.placeholder } : undefined;
}

/** The edits (and file rename) for renaming what stands at `position`, or undefined when nothing there can be renamed. */
export function renameLink(view: WorkspaceView, uri: DocUri, position: Position, newName: string): WorkspaceEditResult | undefined {
  const t = renamableAt(view, uri, position);
  if (!t) return undefined;
  return t.kind === 'heading' ? { edits: renameHeading(view, t.note, t.heading, newName) } : renameFile(view, t.entry, newName);
}

/** Each heading's slug once `heading` is called `name` (later repeats renumber). */
function slugsAfter(note: NoteIndex, heading: Heading, name: string): Map<Heading, string> {
  const counter = new SlugCounter();
  return new Map(note.headings.map((h) => [h, counter.next(h === heading ? name : h.text)]));
}

/** The edits that rename a heading and every link to it (and links by slug to headings whose slug the rename shifts). */
function renameHeading(view: WorkspaceView, note: NoteIndex, heading: Heading, newName: string): TextEdit[] {
  const name = newName.trim();
  if (name === '' || /[\r\n]/.test(name)) throw new NotesError('A heading is one line of text.');
  if (note.headings.some((h) => h !== heading && headingKey(h.text) === headingKey(name))) {
    throw new NotesError(`Note \`${note.stem}\` already has a heading \`${name}\`: links could not tell them apart.`);
  }
  const text = view.text(note.uri)!;
  const lines = view.lines(note.uri)!;
  const edits: TextEdit[] = [{ uri: note.uri, range: lines.range(headingTextSpan(text, heading)), newText: name }];
  const slugs = slugsAfter(note, heading, name);
  const end = note.headings.find((x) => x.start > heading.start && x.level <= heading.level)?.start ?? Infinity;
  const inSection = (h: Heading) => h.start > heading.start && h.start < end;
  for (const ref of linksToFile(view, note.uri)) {
    const r = ref.resolution;
    const span = linkSpans(ref.citation, view.conventions).anchor;
    if (r.kind !== 'note' || !r.heading || !span) continue;
    const linked = r.heading;
    const parts = anchorParts(view.text(ref.note.uri)!, span);
    const markdown = ref.citation.form === 'markdown' || ref.citation.form === 'definition';
    parts.forEach((p, i) => {
      const last = i === parts.length - 1;
      // The last part names the linked heading; earlier parts name headings above it.
      const named = last ? linked : heading;
      if (!last && linked !== heading && !inSection(linked)) return;
      if (named !== heading && slugs.get(named) === named.slug) return;
      if (!headingMatches(p.text, named)) return;
      const bySlug = markdown || view.conventions.style === 'dendron' || (p.text === named.slug && p.text !== named.text);
      // Another heading's link changes only where its slug shifts.
      if (named !== heading && !bySlug) return;
      const next = bySlug ? slugs.get(named)! : wikiHeadingText(name);
      if (next !== p.text) edits.push({ uri: ref.note.uri, range: view.lines(ref.note.uri)!.range(p.span), newText: next });
    });
  }
  return edits;
}

/** A file name a rename may give: none of the characters that file systems or links refuse. */
const BAD_NAME = /[\\/:*?"<>|#^[\]\u0000-\u001f]/;

/** The edits and the file rename that rename a note or file to `newName` (a note's name without `.md`). */
function renameFile(view: WorkspaceView, entry: FileEntry, newName: string): WorkspaceEditResult {
  let name = newName.trim();
  if (entry.markdown) name = name.replace(/\.md$/i, '');
  if (name === '' || name === '.' || name === '..' || BAD_NAME.test(name)) {
    throw new NotesError(`\`${newName}\` cannot be a file name here: use no / \\ : * ? " < > | # ^ [ ].`);
  }
  const oldName = entry.rel.slice(entry.rel.lastIndexOf('/') + 1);
  // An attachment renamed without an extension keeps its own.
  const ext = oldName.includes('.') ? oldName.slice(oldName.lastIndexOf('.')) : '';
  const fileName = entry.markdown ? `${name}.md` : name.includes('.') ? name : name + ext;
  if (fileName === oldName) return { edits: [] };
  const dir = entry.rel.includes('/') ? entry.rel.slice(0, entry.rel.lastIndexOf('/') + 1) : '';
  const taken = view.files.atPath(entry.folder, dir + fileName);
  if (taken && taken.uri !== entry.uri) throw new NotesError(`A file named \`${fileName}\` is already in that folder.`);
  const newUri = siblingUri(entry.uri, fileName);
  const moves = expandMoves(view, [{ oldUri: entry.uri, newUri }]);
  return { edits: moveEdits(view, moves), renames: [{ oldUri: entry.uri, newUri }] };
}

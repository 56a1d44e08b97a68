/**
 * Links that follow files as they are renamed or moved (a note renamed from a link to
 * it, a file or folder renamed in the editor's explorer): every link to a moved file,
 * and every path link inside a moved note, is rewritten in its own form — a name stays
 * a name (a path where the new name would be taken), a vault path stays a vault path,
 * a relative path is recomputed from where the note will be, a Markdown link keeps its
 * `.md` or not, its `<…>` or `%20`. The edits apply to the files before they move.
 */
import type { Citation, DocUri, NoteIndex, TextEdit } from '../types.js';
import type { Resolution, WorkspaceView } from '../view.js';
import { baseName, relativePath } from '../workspace.js';
import { sourceNames } from '../parse/source.js';
import { linksToFile, resolvedFile } from './backlinks.js';
import { dirOf, normalizePath } from './files.js';
import { encodeDestination, linkSpans, relativeTo } from './write.js';

/** A file (or folder) renamed or moved: `oldUri` becomes `newUri`. */
export interface FileMove {
  oldUri: DocUri;
  newUri: DocUri;
}

/** The characters vscode-uri percent-encodes in a path segment beyond `encodeURIComponent`. */
const EXTRA = /[!'()*]/g;

/**
 * The URI of a file named `name` beside `uri`, spelt as the workspace spells URIs:
 * percent-encoded like VS Code's `file:` URIs, or raw where the workspace's URIs are.
 */
export function siblingUri(uri: DocUri, name: string): DocUri {
  const slash = uri.lastIndexOf('/');
  const last = uri.slice(slash + 1);
  const encoded = uri.startsWith('file:') || /%[0-9A-Fa-f]{2}/.test(last);
  const segment = encoded ? encodeURIComponent(name).replace(EXTRA, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()) : name;
  return uri.slice(0, slash + 1) + segment;
}

/** Every file a list of renames moves: a renamed folder moves each file under it. */
export function expandMoves(view: WorkspaceView, renames: readonly FileMove[]): Map<DocUri, DocUri> {
  const out = new Map<DocUri, DocUri>();
  for (const r of renames) {
    if (r.oldUri === r.newUri) continue;
    if (view.files.get(r.oldUri)) {
      out.set(r.oldUri, r.newUri);
      continue;
    }
    const from = r.oldUri.replace(/\/+$/, '') + '/';
    const to = r.newUri.replace(/\/+$/, '') + '/';
    for (const e of view.files.all()) if (e.uri.startsWith(from)) out.set(e.uri, to + e.uri.slice(from.length));
  }
  return out;
}

/** Where a file is, relative to its workspace folder: `{ folder, rel }` (decoded), or undefined outside every folder. */
function place(view: WorkspaceView, uri: DocUri): { folder: DocUri; rel: string } | undefined {
  const known = view.files.get(uri);
  if (known) return { folder: known.folder, rel: known.rel };
  const folder = view.files.folderOf(uri);
  return folder ? { folder, rel: relativePath(folder, uri) } : undefined;
}

/** `rel` as a link that wrote `written` writes it: with `.md` only if it did (other files keep their extension). */
function likeWritten(rel: string, written: string): string {
  return /\.md$/i.test(rel) && !/\.md$/i.test(written) ? rel.slice(0, -3) : rel;
}

/** The facts one rewrite needs: the note and where it will be, the target and where it will be. */
interface Move {
  view: WorkspaceView;
  moves: ReadonlyMap<DocUri, DocUri>;
  note: NoteIndex;
  c: Citation;
  written: string;
  fromOld: string;
  fromNew: string;
  targetOld: { uri: DocUri; rel: string };
  targetNew: { uri: DocUri; rel: string };
}

/** True when a path written in a link, read from `fromDir` (or from the root when it starts with `/`), is `rel`. */
function pathNames(written: string, fromDir: string, rel: string): boolean {
  const p = written.startsWith('/') ? normalizePath(written) : normalizePath(fromDir ? `${fromDir}/${written}` : written);
  if (p === undefined) return false;
  const r = rel.toLowerCase();
  const q = p.toLowerCase();
  return q === r || q + '.md' === r;
}

/** A Markdown link's destination after the move, or undefined to leave it. */
function markdownRewrite(m: Move): string | undefined {
  const { c, fromOld, fromNew, targetOld, targetNew } = m;
  const text = m.view.text(m.note.uri) ?? '';
  const angle = text[c.targetSpan.start - 1] === '<';
  const written = c.target;
  let path: string;
  if (pathNames(written, dirOf(fromOld), targetOld.rel)) {
    path = written.startsWith('/') ? '/' + targetNew.rel : relativeTo(dirOf(fromNew), targetNew.rel);
    if (written.startsWith('./') && !path.startsWith('../')) path = './' + path;
  } else if (!written.includes('/')) {
    // Found by name (Obsidian reads Markdown links so): it keeps naming the file.
    path = baseName(targetNew.uri);
  } else return undefined;
  path = likeWritten(path, written);
  return angle ? path : encodeDestination(path);
}

/** The other files a name would reach once the moves are done (files moved away excluded, files moved in included). */
function othersNamed(m: Move, fileName: string): number {
  const lower = fileName.toLowerCase();
  let n = 0;
  for (const e of m.view.files.named(lower)) if (!m.moves.has(e.uri) && e.uri !== m.targetOld.uri) n++;
  for (const [from, to] of m.moves) if (from !== m.targetOld.uri && baseName(to).toLowerCase() === lower) n++;
  return n;
}

/** A wiki link's target after the move (Dendron's hierarchy name, a source id or stem, a name, a path), or undefined to leave it. */
function wikiRewrite(m: Move): string | undefined {
  const { view, written, fromOld, fromNew, targetOld, targetNew } = m;
  const newName = baseName(targetNew.uri);
  const style = view.conventions.style;
  const source = view.source(targetOld.uri);
  if (source) {
    const next = sourceNames(targetNew.uri);
    const w = written.trim().toLowerCase();
    return w === source.id ? next.id : w === source.stem.toLowerCase() ? next.stem : undefined;
  }
  if (style === 'logseq' && /\.md$/i.test(newName)) {
    // A Logseq page `a/b` is the file `a___b.md`.
    const page = (uri: DocUri) => baseName(uri).replace(/\.md$/i, '').replace(/___/g, '/');
    return written.trim().toLowerCase() === page(targetOld.uri).toLowerCase() ? page(targetNew.uri) : undefined;
  }
  const prefix = /^dendron:\/\/[^/]*\//i.exec(written)?.[0] ?? '';
  const name = written.slice(prefix.length);
  if (style === 'dendron' && !name.includes('/')) {
    return name.toLowerCase() === baseName(targetOld.uri).replace(/\.md$/i, '').toLowerCase()
      ? prefix + newName.replace(/\.md$/i, '')
      : undefined;
  }
  if (!name.includes('/')) {
    if (baseName(targetOld.uri).toLowerCase() === newName.toLowerCase()) return undefined;
    // A name another file would answer to is written as the vault path (as Obsidian does).
    const rel = othersNamed(m, newName) > 0 ? targetNew.rel : newName;
    return likeWritten(rel, name);
  }
  if (name.startsWith('./') || name.startsWith('../')) {
    const path = relativeTo(dirOf(fromNew), targetNew.rel);
    return likeWritten(name.startsWith('./') && !path.startsWith('../') ? './' + path : path, name);
  }
  if (pathNames(name.replace(/^\/+/, ''), '', targetOld.rel)) return likeWritten((name.startsWith('/') ? '/' : '') + targetNew.rel, name);
  if (pathNames(name, dirOf(fromOld), targetOld.rel)) return likeWritten(relativeTo(dirOf(fromNew), targetNew.rel), name);
  // The end of a path (`People/someone`): as many folders of the new path.
  const depth = name.split('/').filter(Boolean).length;
  return likeWritten(targetNew.rel.split('/').slice(-depth).join('/'), name);
}

/** The edit that rewrites one link, if it must change. */
function rewrite(
  view: WorkspaceView,
  moves: ReadonlyMap<DocUri, DocUri>,
  note: NoteIndex,
  c: Citation,
  r: Resolution,
): TextEdit | undefined {
  const target = resolvedFile(r);
  if (!target || c.malformed) return undefined;
  const spans = linkSpans(c, view.conventions);
  if (spans.target.start === spans.target.end) return undefined; // a same-note link
  const from = place(view, note.uri);
  const fromNew = place(view, moves.get(note.uri) ?? note.uri);
  const targetOld = place(view, target);
  const targetNewUri = moves.get(target) ?? target;
  const targetNew = place(view, targetNewUri);
  // A link can only name a file of its own workspace folder.
  if (!from || !fromNew || !targetOld || !targetNew || fromNew.folder !== targetNew.folder) return undefined;
  const text = view.text(note.uri) ?? '';
  const written = text.slice(spans.target.start, spans.target.end);
  const m: Move = {
    view,
    moves,
    note,
    c,
    written,
    fromOld: from.rel,
    fromNew: fromNew.rel,
    targetOld: { uri: target, rel: targetOld.rel },
    targetNew: { uri: targetNewUri, rel: targetNew.rel },
  };
  const markdown = c.form === 'markdown' || c.form === 'definition';
  const next = markdown ? markdownRewrite(m) : wikiRewrite(m);
  if (next === undefined || next === written || (markdown && next === encodeDestination(c.target))) return undefined;
  return { uri: note.uri, range: view.lines(note.uri)!.range(spans.target), newText: next };
}

/**
 * The edits that keep every link right once the files of `moves` (old URI → new URI)
 * have moved: links to them from anywhere, and path links inside the moved notes.
 */
export function moveEdits(view: WorkspaceView, moves: ReadonlyMap<DocUri, DocUri>): TextEdit[] {
  const edits = new Map<string, TextEdit>();
  const add = (note: NoteIndex, c: Citation, r: Resolution) => {
    const key = `${note.uri}\u0000${c.start}`;
    if (edits.has(key)) return;
    const e = rewrite(view, moves, note, c, r);
    if (e) edits.set(key, e);
  };
  for (const uri of moves.keys()) for (const ref of linksToFile(view, uri)) add(ref.note, ref.citation, ref.resolution);
  for (const uri of moves.keys()) {
    const note = view.note(uri);
    if (!note) continue;
    const resolutions = view.resolutionsOf(note);
    note.citations.forEach((c, i) => add(note, c, resolutions[i]!));
  }
  return [...edits.values()];
}

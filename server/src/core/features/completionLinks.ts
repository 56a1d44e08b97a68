/**
 * Completion of links to notes and files, written as the workspace's convention writes
 * them (`links/write.ts`): after `[[` the notes (and for `![[` the attachments), after
 * `[[note#` its headings, after `[[note#^` its block ids, inside `[t](` relative paths,
 * after `[t](x.md#` heading slugs.
 */
import type { CompletionItem } from '../api.js';
import type { NoteIndex, Range } from '../types.js';
import type { WorkspaceView } from '../view.js';
import type { FileEntry } from '../links/files.js';
import { headingFragment, markdownTarget, targetOf, wikiTarget } from '../links/write.js';
import { decodeDestination } from '../parse/mdLinks.js';
import { shorten } from './locate.js';

/** True for files a link completion offers: notes, and other files when `attachments`; never sources' anchor files. */
function offered(view: WorkspaceView, e: FileEntry, attachments: boolean): boolean {
  if (view.source(e.uri) || view.anchorFile(e.uri)) return false;
  return e.markdown || attachments;
}

/** Files whose path or title holds what was typed (case-insensitive), notes first, at most `room`. */
function matchingFiles(view: WorkspaceView, from: NoteIndex, typed: string, attachments: boolean, room: number): FileEntry[] {
  const wanted = typed.trim().toLowerCase();
  const notes: FileEntry[] = [];
  const others: FileEntry[] = [];
  for (const e of view.files.all()) {
    if (e.uri === from.uri || !offered(view, e, attachments)) continue;
    const title = e.markdown ? view.note(e.uri)?.title : undefined;
    if (wanted !== '' && !e.rel.toLowerCase().includes(wanted) && !(title?.toLowerCase().includes(wanted) ?? false)) continue;
    (e.markdown ? notes : others).push(e);
    if (notes.length >= room) break;
  }
  return [...notes, ...others].slice(0, room);
}

function fileItem(view: WorkspaceView, e: FileEntry, insert: string, range: Range): CompletionItem {
  const title = e.markdown ? view.note(e.uri)?.title : undefined;
  const item: CompletionItem = {
    label: insert,
    kind: e.markdown ? 'note' : 'file',
    insertText: insert,
    range,
    sortText: `${e.markdown ? 1 : 2}-${insert.toLowerCase()}`,
    filterText: `${insert} ${title ?? ''}`.trim(),
  };
  const detail = [title, e.rel].filter(Boolean).join(' · ');
  if (detail) item.detail = detail;
  return item;
}

/** Notes (and for an embed, attachments) after `[[`, each written as the convention names it. */
export function wikiFileItems(
  view: WorkspaceView,
  from: NoteIndex,
  typed: string,
  embed: boolean,
  range: Range,
  room: number,
): CompletionItem[] {
  if (room <= 0) return [];
  // Logseq embeds assets by Markdown image; its `[[…]]` name pages only.
  const attachments = embed && view.conventions.style !== 'logseq';
  return matchingFiles(view, from, typed, attachments, room).map((e) => fileItem(view, e, wikiTarget(view, from, e), range));
}

/** Notes and other files inside `[t](`: their paths relative to the note, encoded (raw inside `<…>`). */
export function markdownFileItems(
  view: WorkspaceView,
  from: NoteIndex,
  typed: string,
  angle: boolean,
  range: Range,
  room: number,
): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const e of matchingFiles(view, from, decodeDestination(typed).replace(/^(?:\.\.?\/)+/, ''), true, room)) {
    const encoded = markdownTarget(view, from, e);
    if (encoded === undefined) continue;
    out.push(fileItem(view, e, angle ? decodeDestination(encoded) : encoded, range));
  }
  return out;
}

/** The note a link target written in `from` names (`''`: `from` itself), if it is a note that is read. */
export function noteNamed(view: WorkspaceView, from: NoteIndex, target: string, markdown: boolean): NoteIndex | undefined {
  if (target.trim() === '') return from;
  const t = targetOf(view, from, markdown ? decodeDestination(target) : target, markdown ? 'markdown' : undefined);
  return typeof t === 'object' ? t : undefined;
}

/** A note's headings as links write them (text in wiki links, slugs in Markdown links and Dendron), or its block ids after `^`. */
export function noteAnchorItems(view: WorkspaceView, note: NoteIndex, typed: string, markdown: boolean, range: Range): CompletionItem[] {
  const text = view.text(note.uri) ?? '';
  const items: CompletionItem[] = [];
  let i = 0;
  const order = () => String(i++).padStart(5, '0');
  if (typed.startsWith('^') && !markdown) {
    for (const b of note.blockIds) {
      const lineStart = text.lastIndexOf('\n', b.start) + 1;
      const line = shorten(text.slice(lineStart, b.start), 60);
      items.push({
        label: `^${b.id}`,
        kind: 'block',
        insertText: `^${b.id}`,
        range,
        sortText: `0-${order()}`,
        ...(line ? { detail: line } : {}),
      });
    }
    return items;
  }
  const seen = new Set<string>();
  for (const h of note.headings) {
    const insert = headingFragment(h, view.conventions, markdown);
    if (insert === '' || seen.has(insert.toLowerCase())) continue;
    seen.add(insert.toLowerCase());
    const item: CompletionItem = {
      label: insert,
      kind: 'heading',
      insertText: insert,
      range,
      sortText: `0-${order()}`,
      detail: `${'#'.repeat(h.level)} ${h.text}`,
    };
    items.push(item);
  }
  return items;
}

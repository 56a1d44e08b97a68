/** Finding what stands at a position: the citation under the cursor, the anchor key, … */
import type { Citation, DocUri, NoteIndex, Position } from '../types.js';
import type { WorkspaceView } from '../view.js';

/** The citation under `position` in a note (its brackets included), if any. */
export function citationAt(
  view: WorkspaceView,
  uri: DocUri,
  position: Position,
): { note: NoteIndex; citation: Citation; offset: number } | undefined {
  const note = view.note(uri);
  const lines = view.lines(uri);
  if (!note || !lines) return undefined;
  const offset = lines.offsetAt(position);
  let lo = 0;
  let hi = note.citations.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = note.citations[mid]!;
    if (offset < c.start) hi = mid - 1;
    else if (offset > c.end) lo = mid + 1;
    else return { note, citation: c, offset };
  }
  return undefined;
}

/** Escapes text for a Markdown hover: no source text can become a link, HTML or a command. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}\[\]()#+\-.!|<>~&:]/g, (ch) =>
    ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`,
  );
}

/** Shortens `text` to `max` characters at a word boundary. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}

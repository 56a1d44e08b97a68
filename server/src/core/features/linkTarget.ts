/** What a link or a place in a note stands for, to find its references and rename it: a file, a heading, a block. */
import type { BlockId, Citation, DocUri, Heading, NoteIndex, Position, Span } from '../types.js';
import type { Resolution, WorkspaceView } from '../view.js';
import { linkSpans } from '../links/write.js';
import { citationAt } from './locate.js';

export type LinkTarget =
  | { kind: 'file'; uri: DocUri }
  | { kind: 'heading'; note: NoteIndex; heading: Heading }
  | { kind: 'block'; note: NoteIndex; block: BlockId };

/** Where the cursor stands in a link: on its target, its anchor, or elsewhere (brackets, label). */
export type LinkPart = 'target' | 'anchor' | 'other';

/** The link under the cursor with its resolution and the part of it the cursor is on. */
export interface LinkAt {
  note: NoteIndex;
  citation: Citation;
  resolution: Resolution;
  part: LinkPart;
  spans: { target: Span; anchor?: Span };
}

/** The link under `position` (any form), if any. */
export function linkAt(view: WorkspaceView, uri: DocUri, position: Position): LinkAt | undefined {
  const at = citationAt(view, uri, position);
  if (!at) return undefined;
  const spans = linkSpans(at.citation, view.conventions);
  const inside = (s: Span | undefined) => s !== undefined && at.offset >= s.start && at.offset <= s.end;
  const part: LinkPart = inside(spans.anchor) ? 'anchor' : inside(spans.target) ? 'target' : 'other';
  return { note: at.note, citation: at.citation, resolution: view.resolve(at.note, at.citation), part, spans };
}

/** What a resolved link leads to: its heading or block when it names one, else its file. */
export function targetOfLink(r: Resolution, preferFile = false): LinkTarget | undefined {
  if (r.kind === 'note') {
    if (!preferFile && r.heading) return { kind: 'heading', note: r.note, heading: r.heading };
    if (!preferFile && r.block) return { kind: 'block', note: r.note, block: r.block };
    return { kind: 'file', uri: r.note.uri };
  }
  if (r.kind === 'unknownHeading') return { kind: 'file', uri: r.note.uri };
  if (r.kind === 'file') return { kind: 'file', uri: r.uri };
  return undefined;
}

/** The heading on the cursor's line in a note, if any. */
export function headingAtLine(note: NoteIndex, line: number): Heading | undefined {
  return note.headings.find((h) => h.line === line);
}

/** What a place in a note stands for: the heading of its line, else the note itself. */
export function targetInNote(note: NoteIndex, position: Position): LinkTarget {
  const heading = headingAtLine(note, position.line);
  return heading ? { kind: 'heading', note, heading } : { kind: 'file', uri: note.uri };
}

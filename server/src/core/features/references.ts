/** Find references: every citation of a passage, from a citation, an anchor key, or a place in a source. */
import type { Location } from '../api.js';
import type { Citation, DocUri, NoteIndex, Passage, Position } from '../types.js';
import type { Resolution, WorkspaceView } from '../view.js';
import { anchorKeyAt } from './definition.js';
import { citationAt } from './locate.js';

/** Every citation in the workspace with what it resolves to. */
export function* allCitations(view: WorkspaceView): Generator<{ note: NoteIndex; citation: Citation; resolution: Resolution }> {
  for (const note of view.notes()) for (const citation of note.citations) yield { note, citation, resolution: view.resolve(note, citation) };
}

function location(view: WorkspaceView, note: NoteIndex, c: Citation): Location {
  return { uri: note.uri, range: view.lines(note.uri)!.range(c) };
}

/** The citations whose passage matches `test`. */
function citationsOf(view: WorkspaceView, sourceUri: DocUri, test: (p: Passage) => boolean): Location[] {
  const out: Location[] = [];
  for (const { note, citation, resolution } of allCitations(view)) {
    if (resolution.kind === 'source' && resolution.source.uri === sourceUri && test(resolution.passage)) out.push(location(view, note, citation));
  }
  return out;
}

const samePassage = (a: Passage) => (b: Passage) => (a.kind === 'whole' ? true : b.kind !== 'whole' && b.start === a.start && b.end === a.end);

/** References at `position` in a note, anchor file or source. */
export function references(view: WorkspaceView, uri: DocUri, position: Position, includeDeclaration: boolean): Location[] {
  const at = citationAt(view, uri, position);
  if (at) {
    const r = view.resolve(at.note, at.citation);
    if (r.kind === 'note') {
      const out: Location[] = [];
      for (const x of allCitations(view)) if (x.resolution.kind === 'note' && x.resolution.note.uri === r.note.uri) out.push(location(view, x.note, x.citation));
      return out;
    }
    if (r.kind !== 'source') return [];
    const out = citationsOf(view, r.source.uri, samePassage(r.passage));
    if (includeDeclaration && r.passage.kind === 'named') {
      const file = view.anchorFileFor(r.source);
      const def = file?.anchors.find((a) => a.key === r.passage.anchor || a.key.toLowerCase() === r.passage.anchor?.toLowerCase());
      if (file && def) out.unshift({ uri: file.uri, range: view.lines(file.uri)!.range(def.keySpan) });
    }
    return out;
  }
  const key = anchorKeyAt(view, uri, position);
  if (key) {
    const out = citationsOf(view, key.source.uri, samePassage(key.passage));
    if (includeDeclaration) out.unshift({ uri, range: key.range });
    return out;
  }
  const source = view.source(uri);
  const lines = view.lines(uri);
  if (source && lines) {
    const offset = lines.offsetAt(position);
    return citationsOf(view, source.uri, (p) => p.kind !== 'whole' && offset >= p.start && offset < Math.max(p.end, p.start + 1));
  }
  return [];
}

/**
 * Find references: every citation of a passage (from a citation, an anchor key, or a
 * place in a source), and every link to a note, heading, block or file (from a link to
 * it, from a heading line, or from anywhere else in a note).
 */
import type { Location } from '../api.js';
import type { Citation, DocUri, NoteIndex, Passage, Position } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { citationsOfPassage, citationsOfSource, linksToBlock, linksToFile, linksToHeading, type LinkRef } from '../links/backlinks.js';
import { anchorKeyAt } from './definition.js';
import { linkAt, targetInNote, targetOfLink, type LinkTarget } from './linkTarget.js';

export { allCitations } from '../links/backlinks.js';

function location(view: WorkspaceView, note: NoteIndex, c: Citation): Location {
  return { uri: note.uri, range: view.lines(note.uri)!.range(c) };
}

function locations(view: WorkspaceView, refs: readonly LinkRef[]): Location[] {
  return refs.map((x) => location(view, x.note, x.citation));
}

/** The citations whose passage matches `test`. */
function citationsOf(view: WorkspaceView, sourceUri: DocUri, test: (p: Passage) => boolean): Location[] {
  return locations(view, citationsOfSource(view, sourceUri, test));
}

/** The links to a note, heading, block or file; with the declaration, the heading or block itself first. */
function linksTo(view: WorkspaceView, target: LinkTarget, includeDeclaration: boolean): Location[] {
  if (target.kind === 'file') return locations(view, linksToFile(view, target.uri));
  const refs =
    target.kind === 'heading' ? linksToHeading(view, target.note, target.heading) : linksToBlock(view, target.note, target.block);
  const out = locations(view, refs);
  const lines = view.lines(target.note.uri);
  if (includeDeclaration && lines)
    out.unshift({ uri: target.note.uri, range: lines.range(target.kind === 'heading' ? target.heading : target.block) });
  return out;
}

/** References at `position` in a note, anchor file or source. */
export function references(view: WorkspaceView, uri: DocUri, position: Position, includeDeclaration: boolean): Location[] {
  const link = linkAt(view, uri, position);
  if (link) {
    const r = link.resolution;
    // On `note` of `[[note#Heading]]`: links to the note; elsewhere on it, links to the heading.
    const target = targetOfLink(r, link.part === 'target');
    if (target) return linksTo(view, target, includeDeclaration);
    if (r.kind !== 'source') return [];
    const out = locations(view, citationsOfPassage(view, r.source.uri, r.passage));
    if (includeDeclaration && r.passage.kind === 'named') {
      const file = view.anchorFileFor(r.source);
      const def = file?.anchors.find((a) => a.key === r.passage.anchor || a.key.toLowerCase() === r.passage.anchor?.toLowerCase());
      if (file && def) out.unshift({ uri: file.uri, range: view.lines(file.uri)!.range(def.keySpan) });
    }
    return out;
  }
  const key = anchorKeyAt(view, uri, position);
  if (key) {
    const out = locations(view, citationsOfPassage(view, key.source.uri, key.passage));
    if (includeDeclaration) out.unshift({ uri, range: key.range });
    return out;
  }
  const note = view.note(uri);
  if (note) return linksTo(view, targetInNote(note, position), includeDeclaration);
  const source = view.source(uri);
  const lines = view.lines(uri);
  if (source && lines) {
    const offset = lines.offsetAt(position);
    return citationsOf(view, source.uri, (p) => p.kind !== 'whole' && offset >= p.start && offset < Math.max(p.end, p.start + 1));
  }
  return [];
}

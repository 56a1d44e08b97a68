/**
 * The links to a file, a heading, a block or a passage: the one definition that find
 * references, code lenses and rename share. The notes that may hold such links come
 * from the index's reverse index (the names a link can use for the file → the notes
 * using them); each of their links then counts by what it resolves to, so a link in
 * any form (`[[name]]`, `[[dir/name]]`, `[t](../name.md)`, `[x]: name.md`, a property
 * link, Dendron's `[[label|name]]`) counts alike.
 */
import type { BlockId, Citation, DocUri, Heading, NoteIndex, Passage } from '../types.js';
import type { Resolution, WorkspaceView } from '../view.js';

/** A link of a note with what it resolves to. */
export interface LinkRef {
  note: NoteIndex;
  citation: Citation;
  resolution: Resolution;
}

/** The file a resolution leads to (a note — its heading found or not —, a source, any other file), if any. */
export function resolvedFile(r: Resolution): DocUri | undefined {
  switch (r.kind) {
    case 'note':
    case 'unknownHeading':
      return r.note.uri;
    case 'source':
    case 'unknownAnchor':
      return r.source.uri;
    case 'file':
      return r.uri;
    default:
      return undefined;
  }
}

/** Every link in the workspace with what it resolves to. */
export function* allCitations(view: WorkspaceView): Generator<LinkRef> {
  for (const note of view.notes()) {
    const resolutions = view.resolutionsOf(note);
    for (let i = 0; i < note.citations.length; i++) yield { note, citation: note.citations[i]!, resolution: resolutions[i]! };
  }
}

/** Every link that leads to the file `uri`, in any form and to any part of it, by note and position. */
export function linksToFile(view: WorkspaceView, uri: DocUri): LinkRef[] {
  const out: LinkRef[] = [];
  for (const note of view.notesLinkingTo(uri)) {
    const resolutions = view.resolutionsOf(note);
    for (let i = 0; i < note.citations.length; i++) {
      const resolution = resolutions[i]!;
      if (resolvedFile(resolution) === uri) out.push({ note, citation: note.citations[i]!, resolution });
    }
  }
  return out.sort((a, b) => (a.note.uri < b.note.uri ? -1 : a.note.uri > b.note.uri ? 1 : a.citation.start - b.citation.start));
}

/** The links to one heading of a note (`[[note#Heading]]`, `[t](note.md#heading)`, `[[#Heading]]` inside it). */
export function linksToHeading(view: WorkspaceView, note: NoteIndex, heading: Heading): LinkRef[] {
  return linksToFile(view, note.uri).filter((x) => x.resolution.kind === 'note' && x.resolution.heading?.start === heading.start);
}

/** The links to one block of a note (`[[note#^id]]`). */
export function linksToBlock(view: WorkspaceView, note: NoteIndex, block: BlockId): LinkRef[] {
  return linksToFile(view, note.uri).filter((x) => x.resolution.kind === 'note' && x.resolution.block?.start === block.start);
}

/** The citations of a source whose passage passes `test` (every citation of it by default). */
export function citationsOfSource(view: WorkspaceView, sourceUri: DocUri, test: (p: Passage) => boolean = () => true): LinkRef[] {
  return linksToFile(view, sourceUri).filter((x) => x.resolution.kind === 'source' && test(x.resolution.passage));
}

/** Rename a named anchor: its key in the anchor file and every citation of it, in one edit. */
import { NotesError, type WorkspaceEditResult } from '../api.js';
import type { AnchorFileIndex, DocUri, Position, Range, SourceIndex, TextEdit } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { anchorKeyAt } from './definition.js';
import { citationAt } from './locate.js';
import { citationsOfPassage } from '../links/backlinks.js';
import { prepareLinkRename, renameLink } from './renameLinks.js';
import { anchorNameError } from '../parse/anchorFile.js';
import { yamlKey } from '../parse/yaml.js';

interface Target {
  source: SourceIndex;
  file: AnchorFileIndex;
  key: string;
  range: Range;
}

function refuse(): never {
  throw new NotesError(
    'Nothing to rename here: place the cursor on a named anchor (its key or a citation of it), a link to a note or file, or a heading.',
  );
}

function targetAt(view: WorkspaceView, uri: DocUri, position: Position): Target | undefined {
  const at = citationAt(view, uri, position);
  if (at) {
    const r = view.resolve(at.note, at.citation);
    const c = at.citation;
    if (r.kind !== 'source' || r.passage.kind !== 'named' || !c.anchorSpan) return undefined;
    const file = view.anchorFileFor(r.source);
    const def = file?.anchors.find((a) => a.key.toLowerCase() === c.anchor!.toLowerCase());
    if (!file || !def) return undefined;
    return { source: r.source, file, key: def.key, range: view.lines(uri)!.range(c.anchorSpan) };
  }
  const k = anchorKeyAt(view, uri, position);
  if (!k) return undefined;
  const file = view.anchorFile(uri)!;
  return { source: k.source, file, key: k.def.key, range: k.range };
}

/** The range and current name of the anchor, note, file or heading at `position`, if it can be renamed. */
export function prepareRename(view: WorkspaceView, uri: DocUri, position: Position): { range: Range; placeholder: string } | undefined {
  const t = targetAt(view, uri, position);
  return t ? { range: t.range, placeholder: t.key } : prepareLinkRename(view, uri, position);
}

/** The edits that rename the anchor (or note, file, heading: `renameLinks.ts`) at `position` to `newName`. */
export function rename(view: WorkspaceView, uri: DocUri, position: Position, newName: string): WorkspaceEditResult {
  const t = targetAt(view, uri, position);
  if (!t) return renameLink(view, uri, position, newName) ?? refuse();
  const name = newName.trim();
  const invalid = anchorNameError(name, view.sourcesById(t.source.id).length > 1 ? t.source.stem : t.source.id);
  if (invalid) throw new NotesError(invalid);
  if (name === t.key) return { edits: [] };
  if (t.file.anchors.some((a) => a.key !== t.key && a.key.toLowerCase() === name.toLowerCase())) {
    throw new NotesError(`Source ${t.source.id} already has an anchor named \`${name}\`; choose another name.`);
  }
  const def = t.file.anchors.find((a) => a.key === t.key)!;
  // The key as YAML reads it back (`"true"`, not `true`); citations take the bare name.
  const edits: TextEdit[] = [{ uri: t.file.uri, range: view.lines(t.file.uri)!.range(def.keySpan), newText: yamlKey(name) }];
  const named = { sourceUri: t.source.uri, start: 0, end: 0, kind: 'named', anchor: t.key } as const;
  for (const { note, citation } of citationsOfPassage(view, t.source.uri, named)) {
    if (!citation.anchorSpan) continue;
    edits.push({ uri: note.uri, range: view.lines(note.uri)!.range(citation.anchorSpan), newText: name });
  }
  return { edits };
}

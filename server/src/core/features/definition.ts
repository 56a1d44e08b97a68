/** Go to definition: a citation → its passage; an anchor key in an anchor file → its passage. */
import type { LocationLink } from '../api.js';
import type { DocUri, Position, Range, SourceIndex, Span } from '../types.js';
import type { Resolution, WorkspaceView } from '../view.js';
import { citationAt } from './locate.js';

function sourceRange(view: WorkspaceView, source: SourceIndex, span: Span): Range | undefined {
  return view.lines(source.uri)?.range(span);
}

/** Where the citation or anchor key under `position` points. */
export function definition(view: WorkspaceView, uri: DocUri, position: Position): LocationLink[] {
  const at = citationAt(view, uri, position);
  if (at) {
    const origin = view.lines(uri)!.range(at.citation);
    const r = view.resolve(at.note, at.citation);
    if (r.kind === 'source' && !r.passage.stale?.lost) {
      const target = sourceRange(view, r.source, r.passage);
      return target ? [{ originSelectionRange: origin, targetUri: r.source.uri, targetRange: target, targetSelectionRange: target }] : [];
    }
    return linkTargets(view, r).map((t) => ({
      originSelectionRange: origin,
      targetUri: t.uri,
      targetRange: t.range,
      targetSelectionRange: t.range,
    }));
  }
  const key = anchorKeyAt(view, uri, position);
  if (!key) return [];
  const target = sourceRange(view, key.source, key.passage);
  return target ? [{ originSelectionRange: key.range, targetUri: key.source.uri, targetRange: target, targetSelectionRange: target }] : [];
}

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Where a link that is not a citation leads: a note at its heading or block (the top
 * when the heading is missing), any other file, a folder, the notes of a wildcard.
 */
export function linkTargets(view: WorkspaceView, r: Resolution): { uri: DocUri; range: Range }[] {
  if (r.kind === 'note' || r.kind === 'unknownHeading') {
    const lines = view.lines(r.note.uri);
    const at = r.kind === 'note' ? (r.heading ?? r.block) : undefined;
    if (!lines || !at) return [{ uri: r.note.uri, range: TOP }];
    // A block: the whole line that ends with its id.
    const line = lines.lineOf(at.start);
    const range =
      r.kind === 'note' && r.block && !r.heading ? { start: { line, character: 0 }, end: lines.range(at).end } : lines.range(at);
    return [{ uri: r.note.uri, range }];
  }
  if (r.kind === 'file' || r.kind === 'folder') return [{ uri: r.uri, range: TOP }];
  if (r.kind === 'wildcard') return r.notes.map((n) => ({ uri: n.uri, range: TOP }));
  return [];
}

/** The anchor key under `position` in an anchor file, with its source and passage. */
export function anchorKeyAt(view: WorkspaceView, uri: DocUri, position: Position) {
  const file = view.anchorFile(uri);
  const lines = view.lines(uri);
  if (!file || !lines) return undefined;
  const offset = lines.offsetAt(position);
  const def = file.anchors.find((a) => offset >= a.keySpan.start && offset <= a.keySpan.end);
  if (!def) return undefined;
  const source = view.sourceForAnchorFile(file);
  if (!source) return undefined;
  const passage = view.namedPassages(source).get(def.key);
  if (!passage || passage.stale?.lost) return undefined;
  return { def, source, passage, range: lines.range(def.keySpan) };
}

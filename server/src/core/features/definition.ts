/** Go to definition: a citation → its passage; an anchor key in an anchor file → its passage. */
import type { LocationLink } from '../api.js';
import type { DocUri, Position, Range, SourceIndex, Span } from '../types.js';
import type { WorkspaceView } from '../view.js';
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
    if (r.kind === 'note') {
      const lines = view.lines(r.note.uri);
      if (!lines) return [];
      const target = r.heading ? lines.range(r.heading) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return [{ originSelectionRange: origin, targetUri: r.note.uri, targetRange: target, targetSelectionRange: target }];
    }
    return [];
  }
  const key = anchorKeyAt(view, uri, position);
  if (!key) return [];
  const target = sourceRange(view, key.source, key.passage);
  return target ? [{ originSelectionRange: key.range, targetUri: key.source.uri, targetRange: target, targetSelectionRange: target }] : [];
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

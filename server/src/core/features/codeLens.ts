/** Code lenses: "N citations" over each named anchor in an anchor file and each heading in a source. */
import type { CodeLens } from '../api.js';
import type { DocUri } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { citationsOfSource, passageKey } from '../links/backlinks.js';

const plural = (n: number) => `${n} citation${n === 1 ? '' : 's'}`;

/** The lenses of an anchor file or a source. */
export function codeLenses(view: WorkspaceView, uri: DocUri): CodeLens[] {
  const lines = view.lines(uri);
  if (!lines) return [];
  const file = view.anchorFile(uri);
  const source = file ? view.sourceForAnchorFile(file) : view.source(uri);
  if (!source) return [];
  const counts = new Map<string, number>();
  for (const { resolution: r } of citationsOfSource(view, source.uri)) {
    const key = r.kind === 'source' ? passageKey(r.passage) : undefined;
    if (key === undefined) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (file) {
    return file.anchors.map((a) => {
      const range = lines.range(a.keySpan);
      return {
        range,
        position: range.start,
        title: plural(counts.get(passageKey({ sourceUri: source.uri, start: 0, end: 0, kind: 'named', anchor: a.key })!) ?? 0),
      };
    });
  }
  return source.headings.map((h) => {
    const range = lines.range(h);
    return {
      range,
      position: range.start,
      title: plural(counts.get(passageKey({ sourceUri: source.uri, start: h.start, end: h.end, kind: 'heading' })!) ?? 0),
    };
  });
}

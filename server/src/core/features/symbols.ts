/** Document symbols (headings, anchors, anchor-file keys) and workspace symbols (`ID#name`). */
import type { SymbolItem } from '../api.js';
import type { DocUri, Heading } from '../types.js';
import type { WorkspaceView } from '../view.js';
import type { LineIndex } from '../text.js';

function headingSymbols(uri: DocUri, lines: LineIndex, headings: readonly Heading[]): SymbolItem[] {
  return headings.map((h) => ({
    name: h.text || h.slug,
    kind: 'heading' as const,
    detail: `#${h.slug}`,
    uri,
    range: lines.range(h),
    selectionRange: lines.range(h),
  }));
}

/** The outline of a note, source or anchor file. */
export function documentSymbols(view: WorkspaceView, uri: DocUri): SymbolItem[] {
  const lines = view.lines(uri);
  if (!lines) return [];
  const note = view.note(uri);
  if (note) return headingSymbols(uri, lines, note.headings);
  const source = view.source(uri);
  if (source) {
    const out = headingSymbols(uri, lines, source.headings);
    for (const [name, p] of view.namedPassages(source)) {
      if (p.stale?.lost) continue;
      out.push({ name, kind: 'anchor', detail: 'named anchor', uri, range: lines.range(p), selectionRange: lines.range(p) });
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  const file = view.anchorFile(uri);
  if (file) {
    return file.anchors.map((a) => ({
      name: a.key,
      kind: 'key' as const,
      detail: a.quote.length > 60 ? a.quote.slice(0, 59) + '…' : a.quote,
      uri,
      range: lines.range({ start: a.keySpan.start, end: Math.max(a.keySpan.end, a.valueSpan.end) }),
      selectionRange: lines.range(a.keySpan),
    }));
  }
  return [];
}

/** True when every character of `query` appears in `name` in order (case-insensitive). */
function fuzzyMatch(query: string, name: string): boolean {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of n) if (ch === q[i]) i++;
  return i >= q.length;
}

/** Every named anchor in the workspace as `ID#name`, filtered by `query`. */
export function workspaceSymbols(view: WorkspaceView, query: string): SymbolItem[] {
  const out: SymbolItem[] = [];
  for (const source of view.sources()) {
    const lines = view.lines(source.uri);
    if (!lines || !view.anchorFileFor(source)) continue;
    for (const [name, p] of view.namedPassages(source)) {
      const label = `${source.id}#${name}`;
      if (p.stale?.lost || !fuzzyMatch(query, label)) continue;
      out.push({
        name: label,
        kind: 'anchor',
        detail: source.title ?? source.stem,
        uri: source.uri,
        range: lines.range(p),
        selectionRange: lines.range(p),
      });
    }
  }
  return out;
}

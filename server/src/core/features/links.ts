/** Document links: each resolved citation links to its passage. */
import type { DocumentLink } from '../api.js';
import type { DocUri } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { lineOf, pageOf } from './passage.js';

/** The links of a note. */
export function documentLinks(view: WorkspaceView, uri: DocUri): DocumentLink[] {
  const note = view.note(uri);
  const lines = view.lines(uri);
  if (!note || !lines) return [];
  const links: DocumentLink[] = [];
  for (const c of note.citations) {
    const r = view.resolve(note, c);
    if (r.kind === 'source' && r.source.pages) {
      // A PDF opens at the page, with the standard open parameter.
      const page = pageOf(r.source, r.passage.start) ?? 1;
      links.push({ range: lines.range(c), target: `${r.source.uri}#page=${page}`, tooltip: `Source ${r.source.id}, page ${page}` });
    } else if (r.kind === 'source' && r.source.format === 'html') {
      const id = r.passage.kind === 'id' ? `#${encodeURIComponent(r.passage.anchor ?? '')}` : '';
      links.push({ range: lines.range(c), target: `${r.source.uri}${id}`, tooltip: `Source ${r.source.id}` });
    } else if (r.kind === 'source') {
      const line = lineOf(r.source, r.passage.start) + 1;
      links.push({ range: lines.range(c), target: `${r.source.uri}#L${line}`, tooltip: `Source ${r.source.id}${r.passage.kind === 'whole' ? '' : `, line ${line}`}` });
    } else if (r.kind === 'note') {
      const line = (r.heading?.line ?? 0) + 1;
      links.push({ range: lines.range(c), target: `${r.note.uri}#L${line}`, tooltip: `Note ${r.note.stem}` });
    }
  }
  return links;
}

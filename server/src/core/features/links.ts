/** Document links: each resolved citation links to its passage; each link to its note (at the heading or block), file or folder. */
import type { DocumentLink } from '../api.js';
import type { DocUri } from '../types.js';
import type { Resolution, WorkspaceView } from '../view.js';
import { linkTargets } from './definition.js';
import { lineOf, pageOf } from './passage.js';
import { relativePath } from '../workspace.js';

/** The tooltip of a link that is not a citation. */
function tooltip(view: WorkspaceView, r: Resolution, uri: DocUri): string {
  if (r.kind === 'note') {
    const at = r.heading ? ` › ${r.heading.text}` : r.block ? ` › ^${r.block.id}` : '';
    return `Note ${r.note.stem}${at}`;
  }
  if (r.kind === 'unknownHeading') return `Note ${r.note.stem}`;
  const folder = view.files.folderOf(uri);
  const rel = folder ? relativePath(folder, uri) : uri;
  return r.kind === 'folder' ? `Folder ${rel}/` : `File ${rel}`;
}

/** The links of a note. */
export function documentLinks(view: WorkspaceView, uri: DocUri): DocumentLink[] {
  const note = view.note(uri);
  const lines = view.lines(uri);
  if (!note || !lines) return [];
  const links: DocumentLink[] = [];
  const resolutions = view.resolutionsOf(note);
  note.citations.forEach((c, i) => {
    const r = resolutions[i]!;
    if (r.kind === 'source' && r.source.pages) {
      // A PDF opens at the page, with the standard open parameter.
      const page = pageOf(r.source, r.passage.start) ?? 1;
      links.push({ range: lines.range(c), target: `${r.source.uri}#page=${page}`, tooltip: `Source ${r.source.id}, page ${page}` });
    } else if (r.kind === 'source' && r.source.format === 'html') {
      const id = r.passage.kind === 'id' ? `#${encodeURIComponent(r.passage.anchor ?? '')}` : '';
      links.push({ range: lines.range(c), target: `${r.source.uri}${id}`, tooltip: `Source ${r.source.id}` });
    } else if (r.kind === 'source') {
      const line = lineOf(r.source, r.passage.start) + 1;
      links.push({
        range: lines.range(c),
        target: `${r.source.uri}#L${line}`,
        tooltip: `Source ${r.source.id}${r.passage.kind === 'whole' ? '' : `, line ${line}`}`,
      });
    }
    if (r.kind === 'source') return;
    const targets = linkTargets(view, r);
    // A wildcard takes in several notes: go to definition lists them; a document link cannot.
    if (targets.length !== 1 || r.kind === 'wildcard') return;
    const t = targets[0]!;
    // Notes open at the line of their heading or block (VS Code reads `#L12`); other files as they are.
    const target = r.kind === 'note' || r.kind === 'unknownHeading' ? `${t.uri}#L${t.range.start.line + 1}` : t.uri;
    links.push({ range: lines.range(c), target, tooltip: tooltip(view, r, t.uri) });
  });
  return links;
}

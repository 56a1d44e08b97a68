/** The lists behind Insert Citation: the workspace's sources, and one source's anchors. */
import type { ClientToServer } from '../../protocol.js';
import type { WorkspaceView } from '../view.js';
import { shorten } from './locate.js';

/** Every source, with title and date, for a quick pick. */
export function listSources(view: WorkspaceView): ClientToServer.SourceItem[] {
  const items: ClientToServer.SourceItem[] = [];
  for (const s of view.sources()) {
    const ambiguous = view.sourcesById(s.id).length > 1;
    const item: ClientToServer.SourceItem = { id: ambiguous ? s.stem : s.id, stem: s.stem, uri: s.uri, ambiguous };
    if (s.title) item.title = s.title;
    if (s.date) item.date = s.date.text;
    items.push(item);
  }
  return items.sort((a, b) => a.id.localeCompare(b.id));
}

/** One source's anchors: named first, then headings, then paragraphs, with a preview. */
export function listAnchors(view: WorkspaceView, source: string): ClientToServer.AnchorItem[] {
  const [s] = view.sourcesById(source);
  if (!s) return [];
  const items: ClientToServer.AnchorItem[] = [];
  for (const [name, p] of view.namedPassages(s)) {
    if (!p.stale?.lost) items.push({ anchor: name, kind: 'named', preview: shorten(s.text.slice(p.start, p.end), 120) });
  }
  for (const h of s.headings) items.push({ anchor: h.slug, kind: 'heading', preview: shorten(h.text, 120) });
  for (const p of s.paragraphs) items.push({ anchor: `p${p.index}`, kind: 'paragraph', preview: shorten(s.text.slice(p.start, p.end), 120) });
  return items;
}

/** The lists behind Insert Citation: the workspace's sources, and one source's anchors. */
import type { WorkspaceView } from '../view.js';
import { shorten } from './locate.js';

/** A source as Insert Citation lists it. */
export interface SourceItem {
  id: string;
  stem: string;
  uri: string;
  title?: string;
  date?: string;
  ambiguous: boolean;
}

/** An anchor of a source, with a preview of its passage. */
export interface AnchorItem {
  anchor: string;
  kind: 'named' | 'heading' | 'paragraph';
  preview: string;
}

/** Every source, with title and date, for a quick pick. */
export function listSources(view: WorkspaceView): SourceItem[] {
  const items: SourceItem[] = [];
  for (const s of view.sources()) {
    const ambiguous = view.sourcesById(s.id).length > 1;
    const item: SourceItem = { id: ambiguous ? s.stem : s.id, stem: s.stem, uri: s.uri, ambiguous };
    if (s.title) item.title = s.title;
    if (s.date) item.date = s.date.text;
    items.push(item);
  }
  return items.sort((a, b) => a.id.localeCompare(b.id));
}

/** One source's anchors: named first, then headings, then paragraphs, with a preview. */
export function listAnchors(view: WorkspaceView, source: string): AnchorItem[] {
  const [s] = view.sourcesById(source);
  if (!s) return [];
  const items: AnchorItem[] = [];
  for (const [name, p] of view.namedPassages(s)) {
    if (!p.stale?.lost) items.push({ anchor: name, kind: 'named', preview: shorten(s.text.slice(p.start, p.end), 120) });
  }
  for (const h of s.headings) items.push({ anchor: h.slug, kind: 'heading', preview: shorten(h.text, 120) });
  for (const p of s.paragraphs)
    items.push({ anchor: `p${p.index}`, kind: 'paragraph', preview: shorten(s.text.slice(p.start, p.end), 120) });
  return items;
}

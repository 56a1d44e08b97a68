/** Completion after `[[` (sources, then notes) and after `[[ID#` (that source's anchors). */
import type { CompletionItem } from '../api.js';
import type { DocUri, Position, Range, SourceIndex } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { escapeMarkdown, shorten } from './locate.js';
import { passageQuote } from './passage.js';

/** What is being typed: the id part after `[[`, or the anchor part after `[[ID#`. */
function context(line: string, character: number): { target: string; anchor?: string; from: number } | undefined {
  const before = line.slice(0, character);
  const open = before.lastIndexOf('[[');
  if (open < 0) return undefined;
  const fragment = before.slice(open + 2);
  if (fragment.includes(']]') || fragment.includes('|')) return undefined;
  const hash = fragment.indexOf('#');
  if (hash < 0) return { target: fragment, from: open + 2 };
  return { target: fragment.slice(0, hash).trim(), anchor: fragment.slice(hash + 1), from: open + 2 + hash + 1 };
}

function sourceDetail(s: SourceIndex): string {
  return [s.title, s.date?.text].filter(Boolean).join(' · ');
}

/** Completion items at `position` in a note. */
export function completion(view: WorkspaceView, uri: DocUri, position: Position): CompletionItem[] {
  const lines = view.lines(uri);
  const text = view.text(uri);
  if (!lines || text === undefined || !view.note(uri)) return [];
  const lineStart = lines.offsetAt({ line: position.line, character: 0 });
  const offset = lines.offsetAt(position);
  const ctx = context(text.slice(lineStart, offset + 0), offset - lineStart);
  if (!ctx) return [];
  const range: Range = { start: { line: position.line, character: ctx.from }, end: position };
  if (ctx.anchor === undefined) return targets(view, uri, range, ctx.target);
  if (/^["\u201c]/.test(ctx.anchor)) return [];
  const sources = view.sourcesById(ctx.target);
  if (sources.length !== 1) return [];
  return anchors(view, sources[0]!, range);
}

/**
 * At most this many sources and notes are offered after `[[`: in a large workspace
 * the list is narrowed by what has been typed, and the editor asks again as typing
 * goes on (the LSP layer marks such a list incomplete).
 */
export const COMPLETION_LIMIT = 200;

function targets(view: WorkspaceView, uri: DocUri, range: Range, typed: string): CompletionItem[] {
  const items: CompletionItem[] = [];
  const wanted = typed.trim().toLowerCase();
  const matches = (label: string, title: string | undefined) =>
    wanted === '' || label.toLowerCase().includes(wanted) || (title?.toLowerCase().includes(wanted) ?? false);
  const byId = new Map<string, SourceIndex[]>();
  for (const s of view.sources()) {
    const list = byId.get(s.id) ?? [];
    list.push(s);
    byId.set(s.id, list);
  }
  for (const [id, list] of byId) {
    for (const s of list) {
      const label = list.length > 1 ? s.stem : id;
      if (!matches(label, s.title)) continue;
      if (items.length >= COMPLETION_LIMIT) return items;
      const item: CompletionItem = {
        label,
        kind: 'source',
        insertText: label,
        range,
        sortText: `0-${label}`,
        filterText: `${label} ${s.title ?? ''}`,
        documentation: [`**Source ${escapeMarkdown(s.id)}**${s.title ? ` — ${escapeMarkdown(s.title)}` : ''}`, s.date ? escapeMarkdown(s.date.text) : '']
          .filter(Boolean)
          .join('  \n'),
      };
      const detail = sourceDetail(s);
      if (detail) item.detail = detail;
      items.push(item);
    }
  }
  for (const n of view.notes()) {
    if (n.uri === uri || !matches(n.stem, n.title) || view.sourcesById(n.stem).length > 0) continue;
    if (items.length >= COMPLETION_LIMIT) return items;
    const item: CompletionItem = { label: n.stem, kind: 'note', insertText: n.stem, range, sortText: `1-${n.stem}` };
    if (n.title) item.detail = n.title;
    items.push(item);
  }
  return items;
}

function anchors(view: WorkspaceView, source: SourceIndex, range: Range): CompletionItem[] {
  const items: CompletionItem[] = [];
  let i = 0;
  const pad = () => String(i++).padStart(5, '0');
  for (const [name, passage] of view.namedPassages(source)) {
    items.push({
      label: name,
      kind: 'anchor',
      detail: `named anchor · ${shorten(source.text.slice(passage.start, passage.end), 60)}`,
      documentation: passage.stale?.lost ? 'Lost anchor: its quote is no longer in the source.' : passageQuote(source, passage),
      insertText: name,
      range,
      sortText: `0-${pad()}`,
    });
  }
  for (const h of source.headings) {
    items.push({
      label: h.slug,
      kind: 'heading',
      detail: `heading · ${shorten(h.text, 60)}`,
      documentation: `**${escapeMarkdown(h.text)}**`,
      insertText: h.slug,
      range,
      sortText: `1-${pad()}`,
    });
  }
  for (const p of source.paragraphs) {
    items.push({
      label: `p${p.index}`,
      kind: 'paragraph',
      detail: shorten(source.text.slice(p.start, p.end), 60),
      documentation: '> ' + escapeMarkdown(shorten(source.text.slice(p.start, p.end), 500)),
      insertText: `p${p.index}`,
      range,
      sortText: `2-${pad()}`,
    });
  }
  return items;
}

/**
 * Completion after `[[` (sources, then notes, then for `![[` attachments), after `[[ID#`
 * (that source's anchors), after `[[note#` and `[[#` (headings), `[[note#^` (block ids),
 * and inside Markdown links `[t](` (relative paths) and `[t](x.md#` (heading slugs).
 */
import type { CompletionItem } from '../api.js';
import type { DocUri, NoteIndex, Position, Range, SourceIndex } from '../types.js';
import type { LinkNames, WorkspaceView } from '../view.js';
import { decodeDestination, isExternal } from '../parse/mdLinks.js';
import { markdownFileItems, noteAnchorItems, noteNamed, wikiFileItems } from './completionLinks.js';
import { escapeMarkdown, shorten } from './locate.js';
import { passageQuote } from './passage.js';

/** What is being typed in a wiki link: the target after `[[` (or, in Dendron, after the pipe), or the anchor after `#`. */
interface WikiContext {
  target: string;
  anchor?: string;
  /** Where the replaced text starts on the line. */
  from: number;
  embed: boolean;
}

function wikiContext(before: string, dendron: boolean): WikiContext | undefined {
  const open = before.lastIndexOf('[[');
  if (open < 0) return undefined;
  let fragment = before.slice(open + 2);
  let from = open + 2;
  if (fragment.includes(']]')) return undefined;
  const bar = fragment.lastIndexOf('|');
  if (bar >= 0) {
    // Dendron writes the target after the label; elsewhere the label is free text.
    if (!dendron) return undefined;
    from += bar + 1;
    fragment = fragment.slice(bar + 1);
  }
  const embed = open > 0 && before[open - 1] === '!';
  const hash = fragment.indexOf('#');
  if (hash < 0) return { target: fragment, from, embed };
  // Nested headings (`#h1#h2`): the part after the last `#` is replaced.
  const last = fragment.lastIndexOf('#');
  return { target: fragment.slice(0, hash).trim(), anchor: fragment.slice(last + 1), from: from + last + 1, embed };
}

/**
 * The link being written at `position` as far as it names files (`[[note#`, `[t](x.md#`):
 * what completion there reads, for reading it on demand first. Undefined outside a link.
 */
export function linkBeingWritten(view: WorkspaceView, uri: DocUri, position: Position): LinkNames | undefined {
  const before = lineBefore(view, uri, position);
  if (before === undefined) return undefined;
  const md = markdownContext(before);
  if (md) return { target: decodeDestination(md.path), form: 'markdown' };
  const ctx = wikiContext(before, view.conventions.style === 'dendron');
  return ctx ? { target: ctx.target } : undefined;
}

/** What is being typed as a Markdown link destination (`[t](dest` or `[x]: dest`): the path, or the fragment after `#`. */
interface MarkdownContext {
  path: string;
  fragment?: string;
  from: number;
  angle: boolean;
}

function markdownContext(before: string): MarkdownContext | undefined {
  // The destination being typed follows the line's last `](` (or a definition's `]:`).
  const open = before.lastIndexOf('](');
  const def = open < 0 ? /^ {0,3}\[[^\]]+\]:[ \t]*/.exec(before) : null;
  if (open < 0 && !def) return undefined;
  const raw = open >= 0 ? before.slice(open + 2) : before.slice(def![0].length);
  const angle = raw.startsWith('<');
  const dest = angle ? raw.slice(1) : raw;
  if (angle ? /[<>]/.test(dest) : /[\s()<>]/.test(dest)) return undefined;
  const at = before.length - dest.length;
  if (isExternal(dest)) return undefined;
  const hash = dest.indexOf('#');
  if (hash < 0) return { path: dest, from: at, angle };
  return { path: dest.slice(0, hash), fragment: dest.slice(hash + 1), from: at + hash + 1, angle };
}

/** The text of `position`'s line before it: what completion reads the link being written from. */
function lineBefore(view: WorkspaceView, uri: DocUri, position: Position): string | undefined {
  const lines = view.lines(uri);
  const text = view.text(uri);
  if (!lines || text === undefined) return undefined;
  return text.slice(lines.offsetAt({ line: position.line, character: 0 }), lines.offsetAt(position));
}

function sourceDetail(s: SourceIndex): string {
  return [s.title, s.date?.text].filter(Boolean).join(' · ');
}

/** Completion items at `position` in a note. */
export function completion(view: WorkspaceView, uri: DocUri, position: Position): CompletionItem[] {
  const note = view.note(uri);
  const before = lineBefore(view, uri, position);
  if (before === undefined || !note) return [];
  const rangeFrom = (from: number): Range => ({ start: { line: position.line, character: from }, end: position });
  const md = markdownContext(before);
  if (md) {
    if (md.fragment === undefined) return markdownFileItems(view, note, md.path, md.angle, rangeFrom(md.from), COMPLETION_LIMIT);
    const target = noteNamed(view, note, md.path, true);
    return target ? noteAnchorItems(view, target, md.fragment, true, rangeFrom(md.from)) : [];
  }
  const ctx = wikiContext(before, view.conventions.style === 'dendron');
  if (!ctx || view.conventions.style === 'markdown') return [];
  const range = rangeFrom(ctx.from);
  if (ctx.anchor === undefined) return targets(view, note, range, ctx.target, ctx.embed);
  if (/^["\u201c]/.test(ctx.anchor)) return [];
  const sources = ctx.target === '' ? [] : view.sourcesById(ctx.target);
  if (sources.length === 1) return anchors(view, sources[0]!, range);
  if (sources.length > 1) return [];
  const target = noteNamed(view, note, ctx.target, false);
  return target ? noteAnchorItems(view, target, ctx.anchor, false, range) : [];
}

/**
 * At most this many sources, notes and files are offered after `[[`: in a large
 * workspace the list is narrowed by what has been typed, and the editor asks again as
 * typing goes on (the LSP layer marks such a list incomplete).
 */
export const COMPLETION_LIMIT = 200;

/** After `[[`: sources first (with title and date), then notes, then (for `![[`) attachments. */
function targets(view: WorkspaceView, note: NoteIndex, range: Range, typed: string, embed: boolean): CompletionItem[] {
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
        documentation: [
          `**Source ${escapeMarkdown(s.id)}**${s.title ? ` — ${escapeMarkdown(s.title)}` : ''}`,
          s.date ? escapeMarkdown(s.date.text) : '',
        ]
          .filter(Boolean)
          .join('  \n'),
      };
      const detail = sourceDetail(s);
      if (detail) item.detail = detail;
      items.push(item);
    }
  }
  // A note whose name is a source id is reached as the source: it is not offered.
  const files = wikiFileItems(view, note, typed, embed, range, COMPLETION_LIMIT - items.length);
  for (const f of files) if (f.kind !== 'note' || view.sourcesById(f.insertText).length === 0) items.push(f);
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
      documentation: passage.stale?.lost
        ? 'Lost anchor: its quote is no longer in the source.'
        : passageQuote(view.sourceText(source), passage),
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

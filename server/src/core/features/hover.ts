/** Hover on a citation: the source, its date, the passage in context, where it is, problems in it. */
import type { Hover } from '../api.js';
import type { DocUri, Position, Problem, SourceIndex } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { dateHover } from './dateHover.js';
import { citationAt, escapeMarkdown, shorten } from './locate.js';
import { linkHover } from './linkHover.js';
import { lineOf, pageOf, passageLocation, passageQuote } from './passage.js';

/** The heading line of a source hover: id, title, date. */
export function sourceHeader(source: SourceIndex): string {
  const title = source.title ? ` — ${escapeMarkdown(source.title)}` : '';
  const date = source.date ? `  \n${escapeMarkdown(source.date.text)}` : '';
  return `**Source ${escapeMarkdown(source.id)}**${title}${date}`;
}

/** Characters of a passage sent to the PDF viewer to highlight: enough to find it on its page. */
const HIGHLIGHT_CHARS = 400;

/**
 * A command link that opens the source with the passage selected. For a PDF it names
 * the page and the passage's words, which the viewer finds and highlights on that page.
 */
export function openSourceLink(source: SourceIndex, start: number, end: number, label = 'Open source at passage'): string {
  const s = lineOf(source, start);
  const e = lineOf(source, end);
  const arg: Record<string, unknown> = {
    uri: source.uri,
    line: s,
    character: start - source.lineStarts[s]!,
    endLine: e,
    endCharacter: end - source.lineStarts[e]!,
  };
  const page = pageOf(source, start);
  if (page !== undefined) {
    arg.page = page;
    arg.quote = source.text
      .slice(start, Math.min(end, start + HIGHLIGHT_CHARS))
      .replace(/\s+/g, ' ')
      .trim();
    label = `Open PDF at page ${page}`;
  }
  return `[${label}](command:groundedNotes.openSourceAt?${encodeURIComponent(JSON.stringify([arg]))})`;
}

/**
 * Hover text for the citation or link under `position` (a date elsewhere); `sizeOf`
 * gives the size of files that are not read (attachments), when known.
 */
export function hover(
  view: WorkspaceView,
  uri: DocUri,
  position: Position,
  problemsOf?: (uri: DocUri) => readonly Problem[],
  sizeOf?: (uri: DocUri) => number | undefined,
): Hover | undefined {
  const at = citationAt(view, uri, position);
  if (!at) {
    const lines = view.lines(uri);
    const date = lines ? dateHover(view, uri, lines.offsetAt(position)) : undefined;
    return date && lines ? { contents: date.markdown, range: lines.range(date.span) } : undefined;
  }
  const { note, citation } = at;
  const range = view.lines(uri)!.range(citation);
  const r = view.resolve(note, citation);
  if (r.kind === 'source') {
    const { source, passage } = r;
    const parts = [sourceHeader(source)];
    if (passage.kind === 'whole') {
      const first = source.paragraphs.find((p) => !source.headings.some((h) => h.start === p.start) && p.start !== source.date?.span.start);
      if (first) parts.push('> ' + escapeMarkdown(shorten(source.text.slice(first.start, first.end), 400)));
      const size = source.pages ? `${source.pages.length} pages` : `${source.paragraphs.length} paragraphs`;
      parts.push(`The whole source · ${size} · ${openSourceLink(source, 0, 0, 'Open source')}`);
    } else {
      if (passage.stale) {
        parts.push(
          passage.stale.lost
            ? `⚠ Anchor \`${escapeMarkdown(passage.anchor ?? '')}\` is lost: its quote is no longer in the source.`
            : `⚠ Anchor \`${escapeMarkdown(passage.anchor ?? '')}\` is stale: re-anchored to the closest text ` +
                `(${Math.round(passage.stale.similarity * 100)}% similar).`,
        );
      }
      if (!passage.stale?.lost) {
        parts.push(passageQuote(view.sourceText(source), passage));
        parts.push(`${passageLocation(source, passage)} · ${openSourceLink(source, passage.start, passage.end)}`);
      }
    }
    const lines = view.lines(source.uri);
    const inPassage = lines
      ? (problemsOf?.(source.uri) ?? []).filter((p) => {
          const s = lines.offsetAt(p.range.start);
          const e = lines.offsetAt(p.range.end);
          return s < passage.end && e > passage.start;
        })
      : [];
    for (const p of inPassage) parts.push(`⚠ In this passage: ${escapeMarkdown(p.message)} (${p.code})`);
    if (r.shadows) parts.push(`Source ${escapeMarkdown(source.id)} shadows the note \`${escapeMarkdown(r.shadows.stem)}\`.`);
    return { contents: parts.join('\n\n'), range };
  }
  const link = linkHover(view, citation, r, sizeOf);
  return link === undefined ? undefined : { contents: link, range };
}

/**
 * Anchor resolution (SPEC §2): named, heading, paragraph, line and quote anchors,
 * tried in that order, each yielding a passage or a reason it does not exist.
 */
import { normalize, originalSpan, type NormalizedText } from './normalize.js';
import type { AnchorDefinition, Passage, SourceIndex, Span } from './types.js';
import { nameIndexOf } from './suggest.js';
import { extended } from './extended.js';

export type AnchorResult = { ok: true; passage: Passage } | { ok: false; malformed?: string; reason?: string; suggestions: string[] };

const LINE = /^L(\d+)(?:-L?(\d+))?$/i;
const PARAGRAPH = /^p(\d+)$/i;
const QUOTE = /^(["\u201c])([\s\S]*)["\u201d]$/;
/** The PDF open parameter `page=12`, optionally with a paragraph of that page: `page=12&p=3`. */
const PAGE = /^page=([^&]*)(?:&p=?([^&]*))?$/i;

/** Every occurrence of `needle` (already normalised) in the normalised source. */
function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * Finds a text-quote selector exactly (after normalisation). With a prefix or suffix,
 * the occurrence they surround wins; without, the first.
 */
export function findQuote(
  n: NormalizedText,
  selector: { quote: string; prefix?: string; suffix?: string },
  within?: Span,
): Span | undefined {
  const quote = normalize(selector.quote);
  let hits = occurrences(n.text, quote);
  // A page (named anchors' `page:` key) keeps the occurrences that start on it.
  if (within) hits = hits.filter((at) => n.offsets[at]! >= within.start && n.offsets[at]! < Math.max(within.end, within.start + 1));
  if (hits.length === 0) return undefined;
  const prefix = selector.prefix ? normalize(selector.prefix) : '';
  const suffix = selector.suffix ? normalize(selector.suffix) : '';
  const fits = (at: number) =>
    (!prefix || n.text.slice(0, at).trimEnd().endsWith(prefix.trimEnd())) &&
    (!suffix ||
      n.text
        .slice(at + quote.length)
        .trimStart()
        .startsWith(suffix.trimStart()));
  const at = hits.find(fits);
  if (at === undefined) return undefined;
  return originalSpan(n, at, at + quote.length);
}

/** The span of lines `from`..`to` (1-based, inclusive), without the final line break. */
function lineSpan(source: SourceIndex, from: number, to: number): Span {
  const starts = source.lineStarts;
  const start = starts[from - 1]!;
  let end = to < starts.length ? starts[to]! : source.text.length;
  while (end > start && (source.text[end - 1] === '\n' || source.text[end - 1] === '\r')) end--;
  return { start, end };
}

/** Resolves the text after `#` in a citation of `source`. */
export function resolveAnchor(
  source: SourceIndex,
  anchor: string,
  named: Map<string, Passage>,
  normalized: () => NormalizedText,
): AnchorResult {
  const passage = (span: Span, kind: Passage['kind']): AnchorResult => ({
    ok: true,
    passage: { sourceUri: source.uri, start: span.start, end: span.end, kind, anchor },
  });
  const namedHit = named.get(anchor) ?? named.get(anchor.toLowerCase());
  if (namedHit) return { ok: true, passage: extended(namedHit, { anchor }) };
  const element = source.ids?.find((e) => e.id === anchor) ?? source.ids?.find((e) => e.id.toLowerCase() === anchor.toLowerCase());
  if (element) return passage(element, 'id');
  const page = PAGE.exec(anchor);
  if (page) return pageAnchor(source, anchor, page[1]!, page[2]);
  const lower = anchor.toLowerCase();
  const heading = source.headings.find((h) => h.slug === lower) ?? source.headings.find((h) => h.slug === slugLike(anchor));
  if (heading) return passage(heading, 'heading');
  const p = PARAGRAPH.exec(anchor);
  if (p) {
    const n = Number(p[1]);
    const block = source.paragraphs[n - 1];
    if (n >= 1 && block) return passage(block, 'paragraph');
    return {
      ok: false,
      reason: `source ${source.id} has ${source.paragraphs.length} paragraphs (p1–p${source.paragraphs.length})`,
      suggestions: [],
    };
  }
  const l = LINE.exec(anchor);
  if (l) {
    const from = Number(l[1]);
    const to = l[2] === undefined ? from : Number(l[2]);
    if (from < 1 || to < from)
      return {
        ok: false,
        malformed: `bad line range \`${anchor}\`: lines count from L1 and a range ends after it starts`,
        suggestions: [],
      };
    const count = source.lineStarts.length;
    if (to > count) return { ok: false, reason: `source ${source.id} has ${count} lines`, suggestions: [] };
    return passage(lineSpan(source, from, to), 'line');
  }
  if (/^L\d*-/i.test(anchor) || /^L$/i.test(anchor)) {
    return { ok: false, malformed: `bad line range \`${anchor}\`: write \`L12\` or \`L12-L15\``, suggestions: [] };
  }
  const q = QUOTE.exec(anchor);
  if (q) {
    const words = q[2]!;
    const span = words.trim() ? findQuote(normalized(), { quote: words }) : undefined;
    if (span) return passage(span, 'quote');
    return { ok: false, reason: `the words ${anchor} do not occur in source ${source.id}`, suggestions: [] };
  }
  // `named` is built once per version of the source and its anchor file.
  const names = nameIndexOf(named, () => [...named.keys(), ...(source.ids ?? []).map((e) => e.id), ...source.headings.map((h) => h.slug)]);
  return { ok: false, suggestions: names.closest(anchor) };
}

/** The paragraphs that start on a page (a paragraph never spans two pages: a page break ends one). */
export function paragraphsOfPage(source: SourceIndex, page: Span): SourceIndex['paragraphs'] {
  return source.paragraphs.filter((p) => p.start >= page.start && p.start < page.end);
}

/** `page=12` (the whole page) or `page=12&p=3` (its third paragraph). */
function pageAnchor(source: SourceIndex, anchor: string, pageText: string, paragraphText: string | undefined): AnchorResult {
  const ok = (span: Span, kind: Passage['kind']): AnchorResult => ({
    ok: true,
    passage: { sourceUri: source.uri, start: span.start, end: span.end, kind, anchor },
  });
  if (!source.pages)
    return { ok: false, reason: `source ${source.id} has no pages: \`page=\` anchors are for PDF sources`, suggestions: [] };
  const n = /^\d+$/.test(pageText) ? Number(pageText) : NaN;
  if (!(n >= 1))
    return { ok: false, malformed: `bad page \`${anchor}\`: write \`page=12\` or \`page=12&p=3\` (pages count from 1)`, suggestions: [] };
  const page = source.pages[n - 1];
  if (!page)
    return {
      ok: false,
      reason: `source ${source.id} has ${source.pages.length} page${source.pages.length === 1 ? '' : 's'}`,
      suggestions: [],
    };
  if (paragraphText === undefined) return ok(page, 'page');
  const k = /^\d+$/.test(paragraphText) ? Number(paragraphText) : NaN;
  if (!(k >= 1))
    return { ok: false, malformed: `bad paragraph in \`${anchor}\`: write \`page=${n}&p=3\` (paragraphs count from 1)`, suggestions: [] };
  const paragraphs = paragraphsOfPage(source, page);
  const block = paragraphs[k - 1];
  if (!block)
    return {
      ok: false,
      reason: `page ${n} of source ${source.id} has ${paragraphs.length} paragraph${paragraphs.length === 1 ? '' : 's'}`,
      suggestions: [],
    };
  return ok(block, 'paragraph');
}

function slugLike(anchor: string): string {
  return anchor
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * Resolves every named anchor of a source exactly; those not found are re-anchored.
 * `normalized` is the source's one normalised text, shared with the re-anchoring.
 */
export function resolveNamed(
  source: SourceIndex,
  defs: readonly AnchorDefinition[],
  normalized: () => NormalizedText,
  reanchor?: (hay: NormalizedText, def: AnchorDefinition) => { start: number; end: number; similarity: number; lost: boolean } | undefined,
): Map<string, Passage> {
  const out = new Map<string, Passage>();
  for (const def of defs) {
    const n = normalized();
    const page = def.page !== undefined ? source.pages?.[def.page - 1] : undefined;
    const span = findQuote(n, def, page);
    if (span) {
      out.set(def.key, { sourceUri: source.uri, start: span.start, end: span.end, kind: 'named', anchor: def.key });
      continue;
    }
    const moved = reanchor?.(n, def);
    if (moved) {
      out.set(def.key, {
        sourceUri: source.uri,
        start: moved.start,
        end: moved.end,
        kind: 'named',
        anchor: def.key,
        stale: { similarity: moved.similarity, lost: moved.lost },
      });
    } else {
      out.set(def.key, { sourceUri: source.uri, start: 0, end: 0, kind: 'named', anchor: def.key, stale: { similarity: 0, lost: true } });
    }
  }
  return out;
}

/**
 * The built-in anchor kind a name would be read as (`L5`, `L5-L7`: a line; `p1`: a
 * paragraph; `page=3`: a page), if any. A named anchor of that name would win over it
 * and silently re-target every existing citation such as `[[002#p1]]`.
 */
export function builtInAnchorKind(name: string): 'line' | 'paragraph' | 'page' | undefined {
  if (LINE.test(name)) return 'line';
  if (PARAGRAPH.test(name)) return 'paragraph';
  if (/^page=/i.test(name)) return 'page';
  return undefined;
}

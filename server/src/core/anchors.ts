/**
 * Anchor resolution (SPEC §2): named, heading, paragraph, line and quote anchors,
 * tried in that order, each yielding a passage or a reason it does not exist.
 */
import { normalize, normalizeWithMap, originalSpan, type NormalizedText } from './normalize.js';
import type { AnchorDefinition, Passage, SourceIndex, Span } from './types.js';
import { nameIndexOf } from './suggest.js';

export type AnchorResult =
  | { ok: true; passage: Passage }
  | { ok: false; malformed?: string; reason?: string; suggestions: string[] };

const LINE = /^L(\d+)(?:-L?(\d+))?$/i;
const PARAGRAPH = /^p(\d+)$/i;
const QUOTE = /^(["\u201c])([\s\S]*)["\u201d]$/;

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
export function findQuote(n: NormalizedText, selector: { quote: string; prefix?: string; suffix?: string }): Span | undefined {
  const quote = normalize(selector.quote);
  const hits = occurrences(n.text, quote);
  if (hits.length === 0) return undefined;
  const prefix = selector.prefix ? normalize(selector.prefix) : '';
  const suffix = selector.suffix ? normalize(selector.suffix) : '';
  const fits = (at: number) =>
    (!prefix || n.text.slice(0, at).trimEnd().endsWith(prefix.trimEnd())) &&
    (!suffix || n.text.slice(at + quote.length).trimStart().startsWith(suffix.trimStart()));
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
  if (namedHit) return { ok: true, passage: { ...namedHit, anchor } };
  const lower = anchor.toLowerCase();
  const heading = source.headings.find((h) => h.slug === lower) ?? source.headings.find((h) => h.slug === slugLike(anchor));
  if (heading) return passage(heading, 'heading');
  const p = PARAGRAPH.exec(anchor);
  if (p) {
    const n = Number(p[1]);
    const block = source.paragraphs[n - 1];
    if (n >= 1 && block) return passage(block, 'paragraph');
    return { ok: false, reason: `source ${source.id} has ${source.paragraphs.length} paragraphs (p1–p${source.paragraphs.length})`, suggestions: [] };
  }
  const l = LINE.exec(anchor);
  if (l) {
    const from = Number(l[1]);
    const to = l[2] === undefined ? from : Number(l[2]);
    if (from < 1 || to < from) return { ok: false, malformed: `bad line range \`${anchor}\`: lines count from L1 and a range ends after it starts`, suggestions: [] };
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
  const names = nameIndexOf(named, () => [...named.keys(), ...source.headings.map((h) => h.slug)]);
  return { ok: false, suggestions: names.closest(anchor) };
}

function slugLike(anchor: string): string {
  return anchor.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Resolves every named anchor of a source exactly; those not found are returned for re-anchoring. */
export function resolveNamed(
  source: SourceIndex,
  defs: readonly AnchorDefinition[],
  reanchor?: (text: string, def: AnchorDefinition) => { start: number; end: number; similarity: number; lost: boolean } | undefined,
): Map<string, Passage> {
  const out = new Map<string, Passage>();
  let n: NormalizedText | undefined;
  for (const def of defs) {
    n ??= normalizeWithMap(source.text);
    const span = findQuote(n, def);
    if (span) {
      out.set(def.key, { sourceUri: source.uri, start: span.start, end: span.end, kind: 'named', anchor: def.key });
      continue;
    }
    const moved = reanchor?.(source.text, def);
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

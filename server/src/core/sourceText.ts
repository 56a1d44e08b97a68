/**
 * What is derived from one version of a source's text and shared by anchors, rules
 * and features: its normalised text with the offset map, its paragraph and line
 * lookups, and the sentences of each paragraph. Each part is built on first use and
 * kept with the version (the index drops it when the source changes), so a check
 * normalises a source once however many anchors are stale, and segments a paragraph
 * once however many rules and hovers read it.
 */
import { normalizeWithMap, type NormalizedText } from './normalize.js';
import { sourceSentencesIn } from './parse/sentences.js';
import { LineIndex, lastStartingAtOrBefore } from './text.js';
import type { Block, SourceIndex, Span } from './types.js';

export interface SourceText {
  readonly source: SourceIndex;
  /** The text normalised for quote matching, with its map back to the source's offsets. */
  normalized(): NormalizedText;
  /** Offset ↔ position conversion. */
  lines(): LineIndex;
  /** The paragraph holding `offset`, else the first one after it. */
  paragraphAt(offset: number): Block | undefined;
  /** The sentences of a paragraph (line breaks inside it read as spaces). */
  sentencesOf(paragraph: Span): readonly Span[];
}

/** The derived data of `source`, each part computed lazily and at most once. */
export function sourceText(source: SourceIndex): SourceText {
  let normalized: NormalizedText | undefined;
  let lines: LineIndex | undefined;
  const sentences = new Map<string, Span[]>();
  return {
    source,
    normalized: () => (normalized ??= normalizeWithMap(source.text)),
    lines: () => (lines ??= new LineIndex(source.text, source.lineStarts)),
    paragraphAt: (offset) => paragraphAt(source.paragraphs, offset),
    sentencesOf(paragraph) {
      const key = `${paragraph.start}:${paragraph.end}`;
      let found = sentences.get(key);
      if (!found) sentences.set(key, (found = sourceSentencesIn(source.text, paragraph)));
      return found;
    },
  };
}

/** The block holding an offset, else the first block after it (blocks in document order, disjoint). */
export function paragraphAt(paragraphs: readonly Block[], offset: number): Block | undefined {
  const i = lastStartingAtOrBefore(paragraphs, offset);
  const here = paragraphs[i];
  if (here && (offset < here.end || offset === here.start)) return here;
  return paragraphs[i + 1];
}

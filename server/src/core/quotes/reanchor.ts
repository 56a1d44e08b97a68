/**
 * Re-anchoring a text-quote selector whose exact quote is gone from its source, as
 * Hypothesis does: the closest fuzzy match of the quote, preferring the place its
 * prefix and suffix still point to. Below `LOST_THRESHOLD` the anchor is lost.
 */
import { normalize, type NormalizedText } from '../normalize.js';
import { fuzzyFind } from './fuzzy.js';

/** Similarity (1 − edits/length) below which a moved quote counts as lost. */
export const LOST_THRESHOLD = 0.75;

export interface Selector {
  quote: string;
  prefix?: string;
  suffix?: string;
}

/**
 * Where the quote most likely went in a source (`hay`: its normalised text, built
 * once per version and shared by every stale anchor): span, similarity, lost or not.
 */
export function reanchor(
  hay: NormalizedText,
  selector: Selector,
): { start: number; end: number; similarity: number; lost: boolean } | undefined {
  let hint: number | undefined;
  // The prefix (or suffix) that still matches exactly tells where to look first.
  if (selector.prefix) {
    const p = normalize(selector.prefix).trimEnd();
    const at = p ? hay.text.indexOf(p) : -1;
    if (at >= 0) hint = at + p.length + 1;
  }
  if (hint === undefined && selector.suffix) {
    const s = normalize(selector.suffix).trimStart();
    const at = s ? hay.text.indexOf(s) : -1;
    if (at >= 0) hint = Math.max(0, at - normalize(selector.quote).length - 1);
  }
  const match = fuzzyFind(hay, selector.quote, 1 - LOST_THRESHOLD + 0.15, hint);
  if (!match) return undefined;
  return { start: match.start, end: match.end, similarity: match.similarity, lost: match.similarity < LOST_THRESHOLD };
}

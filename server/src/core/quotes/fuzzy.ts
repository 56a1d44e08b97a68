/**
 * Fuzzy text search (Myers' bit-parallel algorithm, via approx-string-match, as
 * Hypothesis uses for re-anchoring), on normalised text mapped back to the original.
 */
import search from 'approx-string-match';
import { normalize, normalizeWithMap, originalSpan, type NormalizedText } from '../normalize.js';
import type { Span } from '../types.js';
import { extended } from '../extended.js';

export interface FuzzyMatch extends Span {
  /** 1 − edits / length of the searched words: 1 is an exact match. */
  similarity: number;
}

/** Longest patterns searched fuzzily; longer quotes are matched by their first part. */
const MAX_PATTERN = 512;

/**
 * The best approximate occurrence of `needle` in `hay` (already normalised, with its map),
 * within `maxErrorRate` edits per character. Among equally good matches, the one
 * nearest `hint` (a normalised offset) wins.
 */
export function fuzzyFind(hay: NormalizedText, needle: string, maxErrorRate = 0.35, hint?: number): FuzzyMatch | undefined {
  const pattern = normalize(needle).slice(0, MAX_PATTERN);
  if (pattern.length === 0) return undefined;
  const maxErrors = Math.floor(pattern.length * maxErrorRate);
  const matches = search(hay.text, pattern, maxErrors);
  if (matches.length === 0) return undefined;
  let best = matches[0]!;
  for (const m of matches) {
    if (
      m.errors < best.errors ||
      (m.errors === best.errors && hint !== undefined && Math.abs(m.start - hint) < Math.abs(best.start - hint))
    )
      best = m;
  }
  // Trim the match to whole words: a fuzzy end often cuts into a neighbour.
  let { start, end } = best;
  while (start < end && hay.text[start] === ' ') start++;
  while (end > start && hay.text[end - 1] === ' ') end--;
  return extended(originalSpan(hay, start, end), { similarity: 1 - best.errors / pattern.length });
}

/** Fuzzy search on plain text (normalises it first). */
export function fuzzyFindIn(text: string, needle: string, maxErrorRate?: number): FuzzyMatch | undefined {
  return fuzzyFind(normalizeWithMap(text), needle, maxErrorRate);
}

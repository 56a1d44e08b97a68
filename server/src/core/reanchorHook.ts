/**
 * Where a named anchor's exact quote is gone from its source, fuzzy re-anchoring
 * (quotes/reanchor.ts) finds where it moved.
 */
import type { AnchorDefinition } from './types.js';

/** Re-anchors a definition in `text`; undefined when nothing similar is left. */
export function reanchorDefinition(
  _text: string,
  _def: AnchorDefinition,
): { start: number; end: number; similarity: number; lost: boolean } | undefined {
  return undefined;
}

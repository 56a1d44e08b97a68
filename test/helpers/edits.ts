/** Applying the text edits the service returns, as an editor would. */
import { LineIndex } from '../../server/src/core/text.js';
import type { TextEdit } from '../../server/src/core/types.js';

/** `text` with the edits made (all of them against `text` as it was; none may overlap). */
export function applyEdits(text: string, edits: readonly Pick<TextEdit, 'range' | 'newText'>[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  return out;
}

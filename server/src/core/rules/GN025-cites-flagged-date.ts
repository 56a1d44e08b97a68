/** GN025: a citation of a passage that holds a date flagged in its source. */
import { sourceDates } from '../dates/index.js';
import type { Problem } from '../types.js';
import type { Rule } from './rule.js';

export const citesFlaggedDate: Rule = {
  code: 'GN025',
  name: 'cites-flagged-date',
  defaultSeverity: 'information',
  description: 'A citation of a passage that holds a date the source gets wrong (GN020, GN021 or GN024 in the source): the note may have inherited the error.',
  example: '`[[000#biden-october-8]]` → The cited passage holds a date flagged in source 000: October 8, 2021 was a Friday, not a Wednesday (GN020)',
  checkNote(note, view) {
    const lines = view.lines(note.uri);
    if (!lines) return [];
    const out: Problem[] = [];
    for (const c of note.citations) {
      const r = view.resolve(note, c);
      if (r.kind !== 'source' || r.passage.kind === 'whole' || r.passage.stale?.lost) continue;
      const found = sourceDates(view, r.source).findings.filter(
        (f) => f.code !== 'GN023' && f.span.start < r.passage.end && r.passage.start < f.span.end,
      );
      if (found.length === 0) continue;
      const f = found[0]!;
      out.push({
        uri: note.uri,
        range: lines.range(c),
        code: 'GN025',
        message: `The cited passage holds a date flagged in source ${r.source.id}: ${f.message} (${f.code})`,
        related: [{ uri: r.source.uri, range: view.lines(r.source.uri)!.range(f.span), message: f.message }],
      });
    }
    return out;
  },
};

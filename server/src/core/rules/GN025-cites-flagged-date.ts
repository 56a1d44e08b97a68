/** GN025: a citation of a passage that holds a date flagged in its source. */
import { sourceDates } from '../dates/index.js';
import type { DateFinding } from '../dates/index.js';
import { judgeDates } from './dateJudgments.js';
import type { Problem, Span } from '../types.js';

/** A finding covers one date or one range: never more than this many characters. */
const LONGEST_FINDING = 400;

/** The findings (sorted by start) that overlap `span`, found by binary search: a note citing thousands of passages stays linear. */
function findingsOverlapping(findings: readonly DateFinding[], span: Span): DateFinding[] {
  let lo = 0;
  let hi = findings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (findings[mid]!.span.start < span.start - LONGEST_FINDING) lo = mid + 1;
    else hi = mid;
  }
  const out: DateFinding[] = [];
  for (let i = lo; i < findings.length && findings[i]!.span.start < span.end; i++) {
    const f = findings[i]!;
    if (f.span.start >= 0 && span.start < f.span.end) out.push(f);
  }
  return out;
}
import type { Rule } from './rule.js';

export const citesFlaggedDate: Rule = {
  code: 'GN025',
  name: 'cites-flagged-date',
  defaultSeverity: 'information',
  description:
    'A citation of a passage that holds a date the source gets wrong (GN020, GN021 or GN024 in the ' +
    'source): the note may have inherited the error.',
  example:
    '`[[000#biden-october-8]]` → The cited passage holds a date flagged in source 000: October 8, ' +
    '2021 was a Friday, not a Wednesday (GN020)',
  checkNote(note, view) {
    const lines = view.lines(note.uri);
    if (!lines) return [];
    const out: Problem[] = [];
    for (const c of note.citations) {
      const r = view.resolve(note, c);
      if (r.kind !== 'source' || r.passage.kind === 'whole' || r.passage.stale?.lost) continue;
      // Findings of the source as a whole (GN023, span -1) overlap no passage.
      const found = findingsOverlapping(judgeDates(r.source.text, sourceDates(view, r.source)), r.passage);
      if (found.length === 0) continue;
      const f = found[0]!;
      out.push({
        uri: note.uri,
        range: lines.range(c),
        code: citesFlaggedDate.code,
        message: `The cited passage holds a date flagged in source ${r.source.id}: ${f.message} (${f.code})`,
        related: [{ uri: r.source.uri, range: view.lines(r.source.uri)!.range(f.span), message: f.message }],
      });
    }
    return out;
  },
};

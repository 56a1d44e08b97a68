/**
 * A document's date findings from every date rule (GN020, GN021, GN023, GN024): the dates
 * "flagged" in it, as hovers, timelines, GN022 and GN025 show or use them.
 */
import { datesOf } from '../dates/index.js';
import type { DateAnalysis, DateFinding } from '../dates/analyze.js';
import { compareOrdinal } from '../text.js';
import type { DocUri, Span } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { datedText, judged, type DateRule } from './dateFindings.js';
import { weekdayMismatch } from './GN020-weekday-mismatch.js';
import { dateOutOfContext } from './GN021-date-out-of-context.js';
import { sourceDateInconsistent } from './GN023-source-date-inconsistent.js';
import { invalidDate } from './GN024-invalid-date.js';

/** The rules whose findings flag a date of the text they judge. */
const DATE_RULES: readonly DateRule[] = [weekdayMismatch, dateOutOfContext, sourceDateInconsistent, invalidDate];

const memo = new WeakMap<DateAnalysis, DateFinding[]>();

/** Every date rule's findings in a text with these date facts, sorted by start, then code; computed once per analysis. */
export function judgeDates(text: string, facts: DateAnalysis): DateFinding[] {
  let all = memo.get(facts);
  if (!all) {
    all = DATE_RULES.flatMap((rule) => judged(rule, text, facts)).sort(
      (a, b) => a.span.start - b.span.start || compareOrdinal(a.code, b.code),
    );
    memo.set(facts, all);
  }
  return all;
}

/** The date findings of a note or source (none for other files). */
export function dateFindings(view: WorkspaceView, uri: DocUri): DateFinding[] {
  const facts = datesOf(view, uri);
  const text = datedText(view, uri);
  return facts && text !== undefined ? judgeDates(text, facts) : [];
}

/** The findings (sorted by start, as `dateFindings` gives them) whose span covers the mention. */
export function findingsOver(findings: readonly DateFinding[], m: Span): DateFinding[] {
  const out: DateFinding[] = [];
  // Findings are sorted by start and a finding covers at most a range of two dates.
  let lo = 0;
  let hi = findings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (findings[mid]!.span.start <= m.start) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let i = hi; i >= 0; i--) {
    const f = findings[i]!;
    if (f.span.start < 0 || m.start - f.span.start > 200) break;
    if (f.span.end >= m.end - 1) out.unshift(f);
  }
  return out;
}

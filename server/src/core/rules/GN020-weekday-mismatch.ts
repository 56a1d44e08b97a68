/** GN020: a weekday and a date that disagree. */
import { addDays, formatDate, formatWithWeekday, weekdayOf, WEEKDAY_NAMES, type CalendarDate } from '../dates/calendar.js';
import type { DateFinding, DateFix } from '../dates/analyze.js';
import { dateProblems, type DateRule } from './dateFindings.js';

/** The date of the same month nearest to `c` that falls on `weekday`. */
function nearestInMonth(c: CalendarDate, weekday: number): CalendarDate | undefined {
  for (let k = 1; k <= 3; k++) {
    for (const delta of [-k, k]) {
      const d = addDays(c, delta);
      if (d.m === c.m && weekdayOf(d) === weekday) return d;
    }
  }
  return undefined;
}

export const weekdayMismatch: DateRule = {
  code: 'GN020',
  name: 'weekday-mismatch',
  defaultSeverity: 'warning',
  sourceSeverity: 'information',
  description:
    'A weekday and a date that disagree for the resolved year. A year-less date takes its year from ' +
    'its reference time (the document date, unless a fronted date of another year earlier in the ' +
    'paragraph moved the narrative; with no document date, the nearest full date before it, else the ' +
    'cited sources) and the tense of the verb group that governs it. A written weekday that agrees ' +
    'with the date in the year of the document date, the narrative or a year named just before is ' +
    'evidence for that year, so it is not flagged.',
  example:
    '"on Wednesday, October 8" in a December 2021 story → October 8, 2021 was a Friday, not a ' +
    'Wednesday. Fixes: change the weekday to Friday, or the date to Wednesday, October 6.',
  judge(_text, facts) {
    const out: DateFinding[] = [];
    for (const m of facts.mentions) {
      if (m.kind !== 'date' || !m.weekday || !m.resolved) continue;
      const actual = weekdayOf(m.resolved);
      if (actual === m.weekday.value) continue;
      const stated = WEEKDAY_NAMES[m.weekday.value]!;
      const real = WEEKDAY_NAMES[actual]!;
      const fixes: DateFix[] = [{ title: `Change the weekday to ${real}`, span: m.weekday.span, newText: real }];
      const sameMonth = nearestInMonth(m.resolved, m.weekday.value);
      if (sameMonth && m.day)
        fixes.push({
          title: `Change the date to ${formatWithWeekday(sameMonth, !!m.year)}`,
          span: m.day.span,
          newText: String(sameMonth.d),
        });
      const span = { start: m.start, end: m.end };
      out.push({
        code: weekdayMismatch.code,
        span,
        message: `${formatDate(m.resolved)} was a ${real}, not a ${stated}${m.year ? '' : ` (year from ${m.basis ?? 'the context'})`}`,
        fixes,
      });
    }
    return out;
  },
  checkNote: (note, view) => dateProblems(view, note.uri, weekdayMismatch),
  checkSource: (source, view) => dateProblems(view, source.uri, weekdayMismatch),
};

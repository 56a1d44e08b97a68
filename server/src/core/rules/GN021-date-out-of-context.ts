/** GN021: a date outside the time span of its context. */
import {
  dayNumber,
  formatDate,
  formatSpan,
  formatWithWeekday,
  fromDayNumber,
  weekdayOf,
  WEEKDAY_NAMES,
  type CalendarDate,
} from '../dates/calendar.js';
import type { DateFinding } from '../dates/analyze.js';
import { dateProblems, type DateRule } from './dateFindings.js';

/** How far outside its context's span a date may lie before GN021 looks for a better date. */
const CONTEXT_MARGIN_DAYS = 3;

/** In a window of days, the date on `weekday`: the one with the written day of month, else the latest. */
function bestInWindow(lo: number, hi: number, weekday: number, day?: number): CalendarDate | undefined {
  let best: CalendarDate | undefined;
  // A window wider than a year says nothing about where a date belongs.
  if (hi - lo > 400) return undefined;
  for (let n = lo; n <= hi; n++) {
    const c = fromDayNumber(n);
    if (weekdayOf(c) !== weekday) continue;
    if (day !== undefined && c.d === day) return c;
    best = c;
  }
  return best;
}

export const dateOutOfContext: DateRule = {
  code: 'GN021',
  name: 'date-out-of-context',
  defaultSeverity: 'warning',
  sourceSeverity: 'information',
  description:
    'A date whose weekday is wrong and that lies outside the span of the dates around it (the ' +
    "document's own timeline, or the cited sources' timelines), while a date with the stated weekday " +
    'lies inside: the message names the span and suggests that date.',
  example:
    '"Wednesday, October 8" amid a December 7–9, 2021 timeline → October 8 lies outside the ' +
    'timeline around it (December 7–9, 2021); did you mean Wednesday, December 8, 2021?',
  judge(text, facts) {
    const out: DateFinding[] = [];
    // Only a timeline of two or more dates says where the text is.
    const spans = [facts.timeline, ...facts.context].filter((t) => t.start && t.end && t.count >= 2);
    for (const m of facts.mentions) {
      // Only a year-less date with the wrong weekday can have been put in the wrong place by its writer's context.
      if (m.kind !== 'date' || !m.weekday || !m.resolved || m.year) continue;
      if (weekdayOf(m.resolved) === m.weekday.value) continue;
      const stated = WEEKDAY_NAMES[m.weekday.value]!;
      const span = { start: m.start, end: m.end };
      const written = text.slice(span.start, span.end);
      for (const t of spans) {
        const lo = dayNumber(t.start!) - CONTEXT_MARGIN_DAYS;
        const hi = dayNumber(t.end!) + CONTEXT_MARGIN_DAYS;
        const at = dayNumber(m.resolved);
        if (at >= lo && at <= hi) continue;
        const candidate = bestInWindow(lo, hi, m.weekday.value, m.day?.value);
        if (!candidate) continue;
        const suggestion = `${stated}, ${formatDate(candidate, false)}`;
        out.push({
          code: dateOutOfContext.code,
          span,
          message:
            `${formatDate(m.resolved, false)} lies outside the timeline around it ` +
            `(${formatSpan(t.start!, t.end!)}); did you mean ${formatWithWeekday(candidate)}?`,
          fixes: [{ title: `Change ${JSON.stringify(written)} to ${JSON.stringify(suggestion)}`, span, newText: suggestion }],
        });
        break;
      }
    }
    return out;
  },
  checkNote: (note, view) => dateProblems(view, note.uri, dateOutOfContext),
  checkSource: (source, view) => dateProblems(view, source.uri, dateOutOfContext),
};

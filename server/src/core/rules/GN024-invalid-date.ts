/** GN024: a date that cannot exist, or a range that ends before it starts. */
import { dayNumber, daysInMonth, formatDate, isValid, MONTH_NAMES } from '../dates/calendar.js';
import type { DateFinding } from '../dates/analyze.js';
import type { DateMention, RangeMention } from '../dates/types.js';
import { dateProblems, type DateRule } from './dateFindings.js';

/** Words before a date that say it does not exist ("there is no February 31st"). */
const DENIED_BEFORE = /\b(?:no|not|never|invalid|impossible|nonexistent)\s+(?:such\s+(?:date|day)\s+as\s+|an?\s+|the\s+)?$/i;
/** Words after a date that say it does not exist ("2030-02-29 is not a valid date"). */
const DENIED_AFTER = /^(?:st|nd|rd|th)?,?\s+(?:is|was|are|does|do)(?:n['’]t|\s+not|\s+never)?\s+(?:a\s+)?(?:valid|invalid|exist|real)\b/i;

/**
 * Days a month does not have ("April 31", "February 29, 2022"), unless the text says so
 * itself, or names that day more than once: a slip of the pen is not repeated, a text
 * about a date that cannot exist (how a date API treats "February 30") names it again.
 */
function impossibleDates(text: string, mentions: readonly DateMention[]): DateFinding[] {
  const out: DateFinding[] = [];
  let named: Map<number, number> | undefined;
  const timesNamed = (month: number, day: number) => {
    if (!named) {
      named = new Map();
      for (const m of mentions) {
        if (m.kind !== 'date' || !m.month || !m.day) continue;
        const key = m.month.value * 100 + m.day.value;
        named.set(key, (named.get(key) ?? 0) + 1);
      }
    }
    return named.get(month * 100 + day) ?? 0;
  };
  for (const m of mentions) {
    if (m.kind !== 'date' || !m.month || !m.day) continue;
    const y = m.year?.value ?? m.resolved?.y;
    const max = daysInMonth(m.month.value, y);
    if (m.day.value >= 1 && m.day.value <= max) continue;
    if (timesNamed(m.month.value, m.day.value) > 1) continue;
    if (DENIED_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) || DENIED_AFTER.test(text.slice(m.end, m.end + 40))) continue;
    const monthName = MONTH_NAMES[m.month.value - 1]!;
    const why =
      m.month.value === 2 && m.day.value === 29 && y !== undefined
        ? `${y} is not a leap year`
        : `${monthName}${m.month.value === 2 && y !== undefined ? ` ${y}` : ''} has ${max} days`;
    out.push({
      code: invalidDate.code,
      span: {
        start: Math.min(m.month.span.start, m.day.span.start),
        end: Math.max(m.month.span.end, m.day.span.end, m.year?.span.end ?? 0),
      },
      message: `${monthName} ${m.day.value}${y !== undefined ? `, ${y}` : ''} does not exist: ${why}`,
      fixes: [{ title: `Change to ${monthName} ${max}`, span: m.day.span, newText: String(max) }],
    });
  }
  return out;
}

/**
 * A range that ends before it starts. A year-less start takes the end's year, or the
 * year before when its month comes later ("December 28 to January 3, 2022" crosses a year),
 * so only a range inside one month, or with both years written, can run backwards. A bare
 * "to" without "from" before it may map one date to another ("constrain February 29th to
 * February 28th"): not judged.
 */
function backwardRanges(text: string, ranges: readonly RangeMention[]): DateFinding[] {
  const out: DateFinding[] = [];
  for (const r of ranges) {
    const a = r.from;
    const b = r.to;
    if (r.list || !a.month || !a.day || !b.month || !b.day) continue;
    if (/^\s*to\s*$/i.test(text.slice(a.end, b.start)) && !/\bfrom\s+$/i.test(text.slice(Math.max(0, a.start - 8), a.start))) continue;
    const bothYears = !!a.year && !!b.year;
    if (!bothYears && a.month.value !== b.month.value) continue;
    const y = b.year?.value ?? a.year?.value ?? b.resolved?.y ?? a.resolved?.y ?? 2000;
    const from = { y: a.year?.value ?? y, m: a.month.value, d: a.day.value };
    const to = { y: b.year?.value ?? y, m: b.month.value, d: b.day.value };
    if (!isValid(from) || !isValid(to) || dayNumber(to) >= dayNumber(from)) continue;
    out.push({
      code: invalidDate.code,
      span: { start: r.start, end: r.end },
      message: `This range ends (${formatDate(to, !!b.year)}) before it starts (${formatDate(from, !!a.year)})`,
      fixes: [],
    });
  }
  return out;
}

export const invalidDate: DateRule = {
  code: 'GN024',
  name: 'invalid-date',
  defaultSeverity: 'warning',
  sourceSeverity: 'information',
  description:
    'A date that cannot exist (February 30, April 31, February 29 of a common year) or a range that ends before it starts. ' +
    'A day the text itself calls impossible, or names more than once (a text about such dates), is not flagged.',
  example: '"on April 31, 2022" → April 31, 2022 does not exist: April has 30 days',
  judge: (text, facts) => [...impossibleDates(text, facts.mentions), ...backwardRanges(text, facts.ranges)],
  checkNote: (note, view) => dateProblems(view, note.uri, invalidDate),
  checkSource: (source, view) => dateProblems(view, source.uri, invalidDate),
};

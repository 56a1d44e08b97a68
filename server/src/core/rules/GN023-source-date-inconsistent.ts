/** GN023: a source's stated date disagrees with what its own text implies. */
import { formatDate, MONTH_NAMES } from '../dates/calendar.js';
import type { DateAnalysis, DateFinding } from '../dates/analyze.js';
import { dateProblems, type DateRule } from './dateFindings.js';

/** The message names the phrase, the event it counts from, and what they imply; the finding is on the stated date (placed by the check). */
function statedDateFinding({ stated, implied: i }: NonNullable<DateAnalysis['contradiction']>): DateFinding {
  const e = i.elapsed;
  const event = i.event;
  const phrase = e.text.length > 60 ? `${e.text.slice(0, 60).trim()}…` : e.text.trim();
  return {
    code: sourceDateInconsistent.code,
    span: { start: -1, end: -1 },
    message:
      `This source is dated ${formatDate(stated.date)}, but its own text implies ` +
      `about ${MONTH_NAMES[i.date.m - 1]} ${i.date.y}: “${phrase}” counted from “${event.text.trim()}” ` +
      `(${formatDate(event.resolved!)})`,
    fixes: [],
    related: [
      { span: e, message: `${e.approximate ? 'About ' : ''}${e.amount} ${e.unit}${e.amount === 1 ? '' : 's'} after the event` },
      { span: event, message: `The event: ${formatDate(event.resolved!)}` },
    ],
  };
}

export const sourceDateInconsistent: DateRule = {
  code: 'GN023',
  name: 'source-date-inconsistent',
  defaultSeverity: 'information',
  sourceSeverity: 'information',
  description:
    'Inside a source: its stated date (date line, front matter or title) disagrees with what its ' +
    'own text implies, such as "nearly 10 months since" an event the text dates to February 24 of ' +
    'this year. Only phrases that count to the text’s own present do so ("N months since …", or "N ' +
    'days after …" tied to "now" or "today"); "on May 3, 40 days after the flood" dates May 3. The ' +
    'source’s year-less dates are then read against the date its text implies.',
  example:
    'source 002, headed "June 18, 2024", says "nearly 10 months since" the invasion of "February 24 ' +
    'of this year" → This source is dated June 18, 2024, but its own text implies about December ' +
    '2024: …',
  judge: (_text, facts) => (facts.contradiction ? [statedDateFinding(facts.contradiction)] : []),
  checkSource: (source, view) => dateProblems(view, source.uri, sourceDateInconsistent, () => source.date?.span),
};

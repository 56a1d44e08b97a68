/** GN023: a source's stated date disagrees with what its own text implies. */
import type { Rule } from './rule.js';
import { dateProblems } from './dateFindings.js';

export const sourceDateInconsistent: Rule = {
  code: 'GN023',
  name: 'source-date-inconsistent',
  defaultSeverity: 'information',
  sourceSeverity: 'information',
  description:
    'Inside a source: its stated date (date line, front matter or title) disagrees with what its own text implies, such as "nearly 10 months since" an event the text dates to February 24 of this year. Only phrases that count to the text’s own present do so ("N months since …", or "N days after …" tied to "now" or "today"); "on May 3, 40 days after the flood" dates May 3. The source’s year-less dates are then read against the date its text implies.',
  example: 'source 002, headed "June 18, 2024", says "nearly 10 months since" the invasion of "February 24 of this year" → This source is dated June 18, 2024, but its own text implies about December 2024: …',
  checkSource: (source, view) => dateProblems(view, source.uri, 'GN023', () => source.date?.span),
};

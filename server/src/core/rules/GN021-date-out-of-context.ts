/** GN021: a date outside the time span of its context. */
import type { Rule } from './rule.js';
import { dateProblems } from './dateFindings.js';

export const dateOutOfContext: Rule = {
  code: 'GN021',
  name: 'date-out-of-context',
  defaultSeverity: 'warning',
  sourceSeverity: 'information',
  description: 'A date whose weekday is wrong and that lies outside the span of the dates around it (the document\'s own timeline, or the cited sources\' timelines), while a date with the stated weekday lies inside: the message names the span and suggests that date.',
  example: '"Wednesday, October 8" amid a December 7–9, 2021 timeline → October 8 lies outside the timeline around it (December 7–9, 2021); did you mean Wednesday, December 8, 2021?',
  checkNote: (note, view) => dateProblems(view, note.uri, dateOutOfContext.code),
  checkSource: (source, view) => dateProblems(view, source.uri, dateOutOfContext.code),
};

/** GN020: a weekday and a date that disagree. */
import type { Rule } from './rule.js';
import { dateProblems } from './dateFindings.js';

export const weekdayMismatch: Rule = {
  code: 'GN020',
  name: 'weekday-mismatch',
  defaultSeverity: 'warning',
  sourceSeverity: 'information',
  description:
    'A weekday and a date that disagree for the resolved year. A year-less date takes its year from its reference time (the document date, unless a fronted date of another year earlier in the paragraph moved the narrative; with no document date, the nearest full date before it, else the cited sources) and the tense of the verb group that governs it. A written weekday that agrees with the date in the year of the document date, the narrative or a year named just before is evidence for that year, so it is not flagged.',
  example: '"on Wednesday, October 8" in a December 2021 story → October 8, 2021 was a Friday, not a Wednesday. Fixes: change the weekday to Friday, or the date to Wednesday, October 6.',
  checkNote: (note, view) => dateProblems(view, note.uri, 'GN020'),
  checkSource: (source, view) => dateProblems(view, source.uri, 'GN020'),
};

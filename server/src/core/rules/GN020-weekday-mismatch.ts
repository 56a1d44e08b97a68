/** GN020: a weekday and a date that disagree. */
import type { Rule } from './rule.js';
import { dateProblems } from './dateFindings.js';

export const weekdayMismatch: Rule = {
  code: 'GN020',
  name: 'weekday-mismatch',
  defaultSeverity: 'warning',
  sourceSeverity: 'information',
  description: 'A weekday and a date that disagree for the resolved year. A year-less date takes its year from its reference time (the nearest full date before it, else the document date, else the cited sources), with the tense rule for months after the reference month.',
  example: '"on Wednesday, October 8" in a December 2021 story → October 8, 2021 was a Friday, not a Wednesday. Fixes: change the weekday to Friday, or the date to Wednesday, October 6.',
  checkNote: (note, view) => dateProblems(view, note.uri, 'GN020'),
  checkSource: (source, view) => dateProblems(view, source.uri, 'GN020'),
};

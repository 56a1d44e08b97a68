/** GN024: a date that cannot exist, or a range that ends before it starts. */
import type { Rule } from './rule.js';
import { dateProblems } from './dateFindings.js';

export const invalidDate: Rule = {
  code: 'GN024',
  name: 'invalid-date',
  defaultSeverity: 'warning',
  sourceSeverity: 'information',
  description: 'A date that cannot exist (February 30, April 31, February 29 of a common year) or a range that ends before it starts.',
  example: '"on April 31, 2022" → April 31, 2022 does not exist: April has 30 days',
  checkNote: (note, view) => dateProblems(view, note.uri, invalidDate.code),
  checkSource: (source, view) => dateProblems(view, source.uri, invalidDate.code),
};

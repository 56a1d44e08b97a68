/** GN009: the problems of a file past the first 1,000, counted in one entry. Reported by the service. */
import type { Rule } from './rule.js';

export const moreProblems: Rule = {
  code: 'GN009',
  name: 'more-problems',
  defaultSeverity: 'error',
  description:
    'A file has more problems than are listed per file (1,000): the rest are counted in this one ' +
    'entry, whose severity is the worst among them, so an editor and CI stay responsive and the ' +
    'count stays true.',
  example: 'a note with 130,000 `[[999]]` → 129,001 more problems in this file are not listed (129,001 errors): only the first 999 are',
};

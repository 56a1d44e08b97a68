/** GN008: a check that failed on a file, so the file's problems are incomplete. Reported by the service. */
import type { Rule } from './rule.js';

export const checkFailed: Rule = {
  code: 'GN008',
  name: 'check-failed',
  defaultSeverity: 'error',
  description:
    'A check failed with an internal error on this file, so its other problems may be incomplete: a ' +
    'failed check never looks like a clean file. The error is logged; please report it.',
  example: 'a rule that throws → Not fully checked: check GN001 failed on this file (RangeError: …); its problems may be missing',
};

/** Counting problems by severity, the one definition the status bar, Check Workspace and the command line share. */
import type { Problem } from './types.js';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  /** Information and hints. */
  infos: number;
}

/** How many of the problems are errors, warnings, and information or hints (no severity counts as a warning, as it is shown). */
export function countProblems(lists: Iterable<readonly Problem[]>): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const list of lists) {
    for (const p of list) {
      const severity = p.severity ?? 'warning';
      if (severity === 'error') counts.errors++;
      else if (severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
  }
  return counts;
}

/** Every rule, in one table: the README's diagnostic table and SARIF's rule list come from it. */
import type { NotesConfig } from '../config.js';
import type { Severity } from '../types.js';
import { unknownSource } from './GN001-unknown-source.js';
import { unknownAnchor } from './GN002-unknown-anchor.js';
import { ambiguousSource } from './GN003-ambiguous-source.js';
import { malformedCitation } from './GN004-malformed-citation.js';
import { staleAnchor } from './GN005-stale-anchor.js';
import { invalidAnchorFile } from './GN006-invalid-anchor-file.js';
import { misquote } from './GN010-misquote.js';
import { skippedFile } from './GN007-skipped-file.js';
import { checkFailed } from './GN008-check-failed.js';
import { moreProblems } from './GN009-more-problems.js';
import { weekdayMismatch } from './GN020-weekday-mismatch.js';
import { dateOutOfContext } from './GN021-date-out-of-context.js';
import { dateContradictsSource } from './GN022-date-contradicts-source.js';
import { sourceDateInconsistent } from './GN023-source-date-inconsistent.js';
import { invalidDate } from './GN024-invalid-date.js';
import { citesFlaggedDate } from './GN025-cites-flagged-date.js';
import type { Rule } from './rule.js';

export const rules: readonly Rule[] = [
  unknownSource,
  unknownAnchor,
  ambiguousSource,
  malformedCitation,
  staleAnchor,
  invalidAnchorFile,
  misquote,
  skippedFile,
  checkFailed,
  moreProblems,
  weekdayMismatch,
  dateOutOfContext,
  dateContradictsSource,
  sourceDateInconsistent,
  invalidDate,
  citesFlaggedDate,
].sort((a, b) => a.code.localeCompare(b.code));

const byCode = new Map(rules.map((r) => [r.code, r]));

/** The rule with this code. */
export function ruleByCode(code: string): Rule | undefined {
  return byCode.get(code);
}

/**
 * The severity a problem is shown with, or `off`: the user's setting wins, then the
 * problem's own (a lost anchor is an error), then the rule's default for sources or notes.
 */
export function effectiveSeverity(code: string, config: NotesConfig, inSource: boolean, own?: Severity): Severity | 'off' {
  const setting = config.diagnostics[code];
  if (setting) return setting;
  if (own) return own;
  const rule = byCode.get(code);
  if (!rule) return 'warning';
  return inSource && rule.sourceSeverity ? rule.sourceSeverity : rule.defaultSeverity;
}

/** The README anchor documenting a code (`codeDescription` links point there). */
export function ruleDocAnchor(code: string): string {
  const rule = byCode.get(code);
  return rule ? `${rule.code}-${rule.name}`.toLowerCase() : code.toLowerCase();
}

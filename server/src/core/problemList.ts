/**
 * A document's problem list, kept safe at any size: rules' results appended without
 * spreading (a spread of 130,000 problems threw a RangeError), a rule that throws
 * reported as GN008 rather than passed over, and the list cut at a fixed length with
 * one GN009 entry that counts the rest.
 */
import type { Rule } from './rules/rule.js';
import { checkFailed } from './rules/GN008-check-failed.js';
import { moreProblems } from './rules/GN009-more-problems.js';
import type { DocUri, Problem, Severity } from './types.js';

/** Problems listed per document; the rest are counted in one GN009 entry. */
export const MAX_PROBLEMS_PER_DOCUMENT = 1000;

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
const NOUN: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  information: ['information', 'information'],
  hint: ['hint', 'hints'],
};

const count = (n: number) => n.toLocaleString('en-US');

/** Appends every item of `items` to `out`, however many (no argument spread). */
export function appendAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}

/**
 * `p` with the severity it is reported at, copied field by field: a spread of a problem
 * with fixes (added after it was made) gave every copy a hidden class of its own, 20,000
 * of them on the real vault shape's check.
 */
export function withSeverity(p: Problem, severity: Severity, fixes = true): Problem {
  const out: Problem = { uri: p.uri, range: p.range, code: p.code, message: p.message, severity };
  if (fixes && p.fixes) out.fixes = p.fixes;
  if (p.related) out.related = p.related;
  return out;
}

/** Every field `withSeverity` copies: a field added to `Problem` fails to compile here until it is copied too. */
const COPIED: Record<keyof Problem, true> = {
  uri: true,
  range: true,
  code: true,
  message: true,
  severity: true,
  fixes: true,
  related: true,
};
void COPIED;

/** The GN008 problem for a rule that threw on `uri`. */
export function checkFailure(uri: DocUri, rule: Rule, error: unknown): Problem {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    uri,
    range: START,
    code: checkFailed.code,
    severity: 'error',
    message:
      `Not fully checked: check ${rule.code} (${rule.name}) failed on this file ` +
      `(${message.split('\n')[0]!.slice(0, 200)}); its problems may be missing`,
  };
}

/**
 * At most `limit` problems, in order: past it, the first `limit - 1` and one GN009 entry
 * at the first problem left out, with the worst severity among those it counts.
 */
export function capProblems(problems: Problem[], limit = MAX_PROBLEMS_PER_DOCUMENT): Problem[] {
  if (problems.length <= limit) return problems;
  const kept = problems.slice(0, limit - 1);
  const rest = problems.slice(limit - 1);
  const bySeverity = new Map<Severity, number>();
  for (const p of rest) {
    const s = p.severity ?? 'warning';
    bySeverity.set(s, (bySeverity.get(s) ?? 0) + 1);
  }
  const severities = [...bySeverity.keys()].sort((a, b) => RANK[a] - RANK[b]);
  const parts = severities.map((s) => `${count(bySeverity.get(s)!)} ${NOUN[s][bySeverity.get(s) === 1 ? 0 : 1]}`);
  const first = rest[0]!;
  const listed = `only the first ${count(limit - 1)} are`;
  kept.push({
    uri: first.uri,
    range: { start: first.range.start, end: first.range.start },
    code: moreProblems.code,
    severity: severities[0]!,
    message: `${count(rest.length)} more problems in this file are not listed (${parts.join(', ')}): ${listed}`,
  });
  return kept;
}

/** Every rule, in one table: the README's diagnostic table and SARIF's rule list come from it. */
import type { NotesConfig } from '../config.js';
import type { Severity } from '../types.js';
import type { Rule } from './rule.js';
import { allRules } from './all.js';
import { compareOrdinal } from '../text.js';

export type { Code } from './all.js';

/** Every rule file's rule (`all.ts`, generated from this folder), by code. */
export const rules: readonly Rule[] = [...allRules].sort((a, b) => compareOrdinal(a.code, b.code));

const byCode = new Map<string, Rule>(rules.map((r) => [r.code, r]));

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

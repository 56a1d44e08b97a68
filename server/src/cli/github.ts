/**
 * `--format github`: one GitHub Actions workflow command per finding
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), which the runner
 * turns into annotations on the pull request's files. Values are escaped as the runner
 * reads them (actions/toolkit `command.ts`): `%`, CR and LF everywhere, and `:` and `,`
 * in properties too, so a message or file name cannot end the command or start another.
 */
import { ruleByCode } from '../core/rules/registry.js';
import type { Severity } from '../core/types.js';
import type { Finding } from './format.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** A message escaped for the data part of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A value escaped for a property of a workflow command. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command per finding. `prefix` is the checked folder relative to the
 * repository root (the runner resolves `file` against it), `''` when they are the same.
 */
export function formatGithub(findings: readonly Finding[], prefix = ''): string {
  return findings
    .map((f) => {
      const rule = ruleByCode(f.code);
      const file = prefix ? `${prefix.replace(/\/+$/, '')}/${f.file}` : f.file;
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(rule ? `${f.code} ${rule.name}` : f.code)}`,
      ];
      return `::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(f.message)}`;
    })
    .join('\n');
}

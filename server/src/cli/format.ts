/** The command line's output formats: text lines, a JSON array, SARIF 2.1.0. */
import type { Problem, Severity } from '../core/types.js';
import { rules, ruleDocAnchor } from '../core/rules/registry.js';
import { DOCS_URL, VERSION } from '../core/product.js';
import { terminalSafe, terminalSafePath } from './terminal.js';

/** One problem as the CLI reports it: path relative to the checked folder, 1-based positions. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  /** In a PDF: the page, and the line on that page (`line` stays the line of the extracted text). */
  page?: number;
  pageLine?: number;
}

/** Where a problem in a PDF stands: its page and the line on the page. */
export type PageLocator = (uri: string, range: Problem['range']) => { page: number; line: number } | undefined;

/** Turns problems into sorted findings. */
export function toFindings(problems: Iterable<[string, Problem[]]>, relative: (uri: string) => string, pageOf?: PageLocator): Finding[] {
  const out: Finding[] = [];
  for (const [uri, list] of problems) {
    const file = list.length > 0 ? relative(uri) : '';
    for (const p of list) {
      const onPage = pageOf?.(uri, p.range);
      out.push({
        file,
        line: p.range.start.line + 1,
        column: p.range.start.character + 1,
        endLine: p.range.end.line + 1,
        endColumn: p.range.end.character + 1,
        severity: p.severity ?? 'warning',
        code: p.code,
        message: p.message,
        ...(onPage ? { page: onPage.page, pageLine: onPage.line } : {}),
      });
    }
  }
  return out.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

/**
 * `file:line:col severity code message`, one per line, with control characters escaped
 * (`terminal.ts`). In a PDF the position is the page and the line on it, in the PDF open
 * parameter's words: `report.pdf#page=12:7:5`.
 */
export function formatText(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const at = f.page !== undefined ? `#page=${f.page}:${f.pageLine}` : `:${f.line}`;
      return `${terminalSafePath(f.file)}${at}:${f.column} ${f.severity} ${terminalSafe(f.code)} ${terminalSafe(f.message)}`;
    })
    .join('\n');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A SARIF 2.1.0 log with the rule registry as the driver's rules. */
export function formatSarif(findings: readonly Finding[]): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'grounded-notes',
            version: VERSION,
            informationUri: DOCS_URL.slice(0, -1),
            rules: rules.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: r.description },
              helpUri: DOCS_URL + ruleDocAnchor(r.code),
              defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: rules.findIndex((r) => r.code === f.code),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
                // In a PDF: lines of the extracted text, and the page as a property.
                region: {
                  startLine: f.line,
                  startColumn: f.column,
                  endLine: f.endLine,
                  endColumn: f.endColumn,
                  ...(f.page !== undefined ? { properties: { page: f.page, pageLine: f.pageLine } } : {}),
                },
              },
            },
          ],
        })),
      },
    ],
  };
}

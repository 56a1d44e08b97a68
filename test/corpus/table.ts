/**
 * Prints the README's robustness table from the corpus (`cases.ts`):
 * `npx tsx test/corpus/table.ts`.
 */
import { pathToFileURL } from 'node:url';
import { cases, type CorpusCase } from './cases.js';

function outcome(c: CorpusCase): string {
  // Messages that differ only in the first `name` are one line: `10× GN006 Anchor `…` …`.
  const found = new Map<string, string[]>();
  for (const e of c.expect) {
    const key = `${e.code} ${e.message.replace(/`[^`]*`/, '`…`')}`;
    found.set(key, [...(found.get(key) ?? []), `${e.code} ${e.message}`]);
  }
  const problems = [...found].map(([k, all]) => (all.length > 1 ? `${all.length}× ${k}` : all[0]!));
  const parts = [problems.length > 0 ? problems.join('; ') : 'no problem'];
  if (c.also) parts.push(c.also);
  return parts.join('; ').replace(/\|/g, '\\|');
}

/** The table, one row per case. */
export function robustnessTable(): string {
  const rows = ['| class of input | cases | outcome |', '|---|---|---|'];
  for (const c of cases) rows.push(`| ${c.class} | ${c.input.replace(/\|/g, '\\|')}${c.cli ? ' (also CLI)' : ''} | ${outcome(c)} |`);
  return rows.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.stdout.write(robustnessTable() + '\n');

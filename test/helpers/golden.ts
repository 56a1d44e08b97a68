/**
 * The golden file of the example workspace: what `grounded-notes check examples/briefings
 * --format json` prints, kept in `test/golden/briefings.json`. The command line's test
 * compares its output with it (`UPDATE=1 npx mocha test/unit/cli.test.ts` rewrites it);
 * the core, the language server and VS Code's tests read their expectations from it, so
 * every front end is held to the same findings and a change is made in one place.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../server/src/cli/format.js';

/** One finding as the command line's JSON writes it (1-based lines and columns). */
export type { Finding };

export const GOLDEN_FILE = join(import.meta.dirname, '../golden/briefings.json');

/** Every finding of the example workspace, in the command line's order. */
export function golden(): Finding[] {
  return JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Finding[];
}

/** The findings of one file of the example (its path relative to the workspace). */
export function goldenOf(file: string): Finding[] {
  return golden().filter((f) => f.file === file);
}

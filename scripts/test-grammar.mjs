#!/usr/bin/env node
// Runs the TextMate grammar tests (test/grammar/*.test.md) with vscode-tmgrammar-test,
// one file per case, and prints `grammar: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'node_modules/vscode-tmgrammar-test/dist/unit.js');
const files = readdirSync(join(root, 'test/grammar')).filter((f) => f.endsWith('.test.md'));
let passed = 0;
let failed = 0;
for (const f of files) {
  const r = spawnSync(
    process.execPath,
    [cli, '-g', 'test/grammar/markdown-base.tmLanguage.json', '-g', 'syntaxes/citation.tmLanguage.json', `test/grammar/${f}`],
    { cwd: root, encoding: 'utf8' },
  );
  process.stdout.write(r.stdout + r.stderr);
  if (r.status === 0) passed++;
  else failed++;
}
console.log(`grammar: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

#!/usr/bin/env node
// Runs every test suite and prints one closing line, `N passed, N failed`, summed over
// all suites: type-check, unit/protocol/property tests (mocha), the grammar test, and
// the suites that run inside a real VS Code and Neovim (when their runner is present).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);

/** Runs a command, echoing its output; resolves with the exit code and the output. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
    child.on('error', (e) => resolve({ code: 1, out: String(e) }));
  });
}

/** The last `N passed, N failed` line of a suite's output. */
function counts(out) {
  const all = [...out.matchAll(/(\d+) passed, (\d+) failed/g)];
  const last = all[all.length - 1];
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
}

const suites = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '-b'], single: true },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.'], single: true },
  { name: 'format', cmd: 'npx', args: ['prettier', '--check', '.'], single: true },
  { name: 'bundle', cmd: 'node', args: ['scripts/bundle.mjs'], single: true, when: () => existsSync(join(root, 'scripts/bundle.mjs')) },
  { name: 'mocha', cmd: 'npx', args: ['mocha', '--reporter', 'spec'], mocha: true },
  { name: 'grammar', cmd: 'npm', args: ['run', '--silent', 'test:grammar'], when: () => existsSync(join(root, 'test/grammar')) },
  { name: 'vscode', cmd: 'node', args: ['test/vscode/run-all.mjs'], when: () => existsSync(join(root, 'test/vscode/run-all.mjs')) },
];

let passed = 0;
let failed = 0;
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  if (suite.when && !suite.when()) continue;
  console.log(`\n=== ${suite.name}`);
  const { code, out } = await run(suite.cmd, suite.args);
  let c;
  if (suite.mocha) {
    const p = /(\d+) passing/.exec(out);
    const f = /(\d+) failing/.exec(out);
    c = p || f ? { passed: Number(p?.[1] ?? 0), failed: Number(f?.[1] ?? 0) } : undefined;
  } else if (suite.single) {
    c = { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
  } else {
    c = counts(out);
  }
  if (!c) c = { passed: 0, failed: 1 };
  // A suite that crashed after reporting still fails the run.
  if (code !== 0 && c.failed === 0) c.failed = 1;
  console.log(`=== ${suite.name}: ${c.passed} passed, ${c.failed} failed`);
  passed += c.passed;
  failed += c.failed;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

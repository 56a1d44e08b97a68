#!/usr/bin/env node
// Runs the extension-host suite in a desktop VS Code through @vscode/test-electron:
// VSCODE_EXECUTABLE_PATH names the VS Code to use; without it, runTests downloads
// VSCODE_VERSION (`1.91.0`, `stable`, `insiders`; default stable), which needs internet
// access (CI: .github/workflows/ci.yml). The suite runs on a temp copy of
// examples/briefings and prints `N passed, N failed`.
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'gn-electron-'));
const folder = join(tmp, 'briefings');
const reportFile = join(tmp, 'report.json');
cpSync(join(repo, 'examples/briefings'), folder, { recursive: true });

let exitCode = 1;
try {
  exitCode = await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
    version: process.env.VSCODE_VERSION || undefined,
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(repo, 'test/suite/index.cjs'),
    extensionTestsEnv: { GROUNDED_NOTES_TEST_REPORT: reportFile },
    launchArgs: [
      folder,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      join(tmp, 'user-data'),
    ],
  });
} catch (e) {
  console.error(`VS Code did not run the suite: ${e.message ?? e}`);
} finally {
  const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : undefined;
  for (const test of report?.tests ?? [])
    console.log(`  ${test.state === 'passed' ? '✓' : '✗'} ${test.title}${test.error ? `\n${test.error}` : ''}`);
  console.log(report ? `${report.passed} passed, ${report.failed} failed` : '0 passed, 1 failed (no report)');
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);

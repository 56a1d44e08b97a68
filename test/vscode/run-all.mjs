#!/usr/bin/env node
// Tests Grounded Notes in real editors: the extension-host suite (test/suite) and UI tests
// in VS Code (code-server in Debian's Chromium), and the language server in the LSP
// clients of Neovim and Emacs (Eglot). Ends with `vscode: N passed, N failed`.
// Arguments pick groups: `node test/vscode/run-all.mjs ui neovim` (default: all four).
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, ensureCodeServer, startCodeServer } from './codeServer.mjs';
import { launchBrowser } from './browser.mjs';
import { runExtensionHostSuite } from './extensionHost.mjs';
import { runUiTests } from './ui.mjs';
import { runNeovimTests } from './neovim.mjs';
import { runEmacsTests } from './emacs.mjs';
import { endAll, endAllOnExit } from './processes.mjs';

const GROUPS = ['extension-host', 'ui', 'neovim', 'emacs'];
const selected = process.argv.slice(2);
for (const group of selected) if (!GROUPS.includes(group)) throw new Error(`unknown group ${group}; the groups are ${GROUPS.join(', ')}`);
const runs = (group) => selected.length === 0 || selected.includes(group);

const startedAt = Date.now();
const results = [];

function record(group, title, ok, error) {
  results.push({ group, title, ok });
  const details = ok
    ? ''
    : '\n' +
      String(error)
        .split('\n')
        .map((line) => `      ${line}`)
        .join('\n');
  console.log(`  ${ok ? '✓' : '✗'} [${group}] ${title}${details}`);
}

/** A fresh copy of the example workspace in `tmp`, so that tests may edit it. */
function exampleCopy(tmp, name) {
  const folder = join(tmp, name, 'briefings');
  cpSync(join(REPO, 'examples/briefings'), folder, { recursive: true });
  return folder;
}

/** The editors load the built extension and server; build them if they are missing. */
function ensureBuilt() {
  if (existsSync(join(REPO, 'dist/extension.js')) && existsSync(join(REPO, 'dist/server.js'))) return;
  const bundle = spawnSync(process.execPath, [join(REPO, 'scripts/bundle.mjs')], { stdio: 'inherit' });
  if (bundle.status !== 0) throw new Error('node scripts/bundle.mjs failed');
}

/** The VS Code groups: one code-server and one browser for both. */
async function runInVsCode(tmp) {
  let server;
  let browser;
  try {
    ensureCodeServer();
    const reportFile = join(tmp, 'extension-host-report.json');
    server = await startCodeServer({ dir: tmp, env: { GROUNDED_NOTES_TEST_REPORT: reportFile } });
    console.log(`code-server ${server.url} (pid ${server.pid})`);
    browser = await launchBrowser();

    if (runs('extension-host')) {
      console.log('extension-host suite (test/suite)');
      try {
        const report = await runExtensionHostSuite({
          browser: browser.browser,
          server,
          folder: exampleCopy(tmp, 'extension-host'),
          reportFile,
          timeoutMs: 5 * 60_000,
        });
        for (const test of report.tests) record('extension host', test.title, test.state === 'passed', test.error);
        if (report.tests.length === 0) record('extension host', 'the suite ran tests', false, 'the report lists no tests');
      } catch (e) {
        record('extension host', 'the suite ran', false, e.message);
      }
    }
    if (runs('ui')) {
      console.log('UI tests');
      await runUiTests({ browser: browser.browser, server, folder: exampleCopy(tmp, 'ui'), record });
    }
  } catch (e) {
    record(
      'vscode',
      'code-server and Chromium started',
      false,
      `${e.message}${server ? `\n--- code-server log ---\n${server.logTail()}` : ''}`,
    );
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

endAllOnExit();
const tmp = mkdtempSync(join(tmpdir(), 'gn-vscode-'));
// Also when a signal ends the run early (the `finally` below does not run then).
process.once('exit', () => rmSync(tmp, { recursive: true, force: true }));
try {
  ensureBuilt();
  if (runs('extension-host') || runs('ui')) await runInVsCode(tmp);
  if (runs('neovim')) {
    console.log('Neovim');
    await runNeovimTests({ record });
  }
  if (runs('emacs')) {
    console.log('Emacs (Eglot)');
    await runEmacsTests({ record });
  }
} catch (e) {
  record('harness', 'set-up', false, e.stack ?? e);
} finally {
  await endAll();
  rmSync(tmp, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`\nvscode: ${passed} passed, ${failed} failed (${Math.round((Date.now() - startedAt) / 1000)} s)`);
process.exit(failed > 0 ? 1 : 0);

#!/usr/bin/env node
// A third LSP client: Debian's Emacs 28 with Eglot (emacs-nox, elpa-eglot), in batch mode,
// configured as the README says (emacs-eglot.el), talks to dist/server.js on a copy of
// examples/briefings. Run alone: `node test/vscode/emacs.mjs`, or from run-all.mjs.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endAll, endAllOnExit, endGroup, spawnGroup } from './processes.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const EMACS = process.env.EMACS_PATH || '/usr/bin/emacs';
const TIMEOUT_MS = 150_000;

/** Runs Emacs on `folder` and returns what emacs-eglot.el recorded. */
async function runEmacs(folder, work) {
  const resultFile = join(work, 'emacs-result.json');
  // Emacs's own files (eglot's events buffer is in memory; ~/.emacs.d) stay in the temp folder.
  const env = { ...process.env, GN_SERVER: join(REPO, 'dist/server.js'), GN_ROOT: folder, GN_RESULT: resultFile, HOME: work };
  const emacs = spawnGroup('emacs', EMACS, ['--batch', '-l', join(REPO, 'test/vscode/emacs-eglot.el')], {
    cwd: folder,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  emacs.stdout.on('data', (d) => (output += d));
  emacs.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => emacs.once('exit', resolve));
  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)));
  const outcome = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  // Ends the server that Eglot started too (same process group), however Emacs ended.
  await endGroup(emacs.pid);
  const context = `\n--- emacs output ---\n${output.trim()}`;
  if (outcome === 'timeout') throw new Error(`Emacs did not finish in ${TIMEOUT_MS / 1000} s${context}`);
  if (!existsSync(resultFile)) throw new Error(`Emacs exited (${outcome}) without writing its result${context}`);
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  if (result.errors.length > 0) throw new Error(`${result.errors.join('\n')}${context}`);
  return result;
}

/** Runs the Emacs tests; reports each through `record(group, title, ok, error)`. */
export async function runEmacsTests({ record }) {
  const work = mkdtempSync(join(tmpdir(), 'gn-emacs-'));
  const removeWork = () => rmSync(work, { recursive: true, force: true });
  process.once('exit', removeWork); // also when a signal ends the run early
  const folder = join(work, 'briefings');
  cpSync(join(REPO, 'examples/briefings'), folder, { recursive: true });
  const tests = [
    {
      title: 'Flymake shows GN002 for [[002#kirby-brifing]] in notes/broken-citations.md',
      check: (result) => {
        const gn002 = result.diagnostics.find((d) => d.text.includes('kirby-brifing'));
        assert.ok(gn002, `no GN002 among ${JSON.stringify(result.diagnostics.map((d) => d.text))}`);
        assert.deepEqual(gn002, {
          line: 6,
          column: 85,
          endColumn: 98,
          type: 'eglot-error',
          text: 'grounded-notes [GN002]: No anchor `kirby-brifing` in source 002; did you mean `kirby-briefing`?',
        });
      },
    },
    {
      title: 'the hover over [[002#kirby-briefing]] quotes the Kirby sentence',
      check: (result) => {
        assert.match(result.hover, /^\*\*Source 002\*\* — The Legal System/);
        assert.match(result.hover, /John Kirby clarified Biden.s comments/);
      },
    },
  ];
  try {
    if (!existsSync(EMACS))
      throw new Error(`${EMACS} is missing: run scripts/setup-vscode.sh (it installs Debian's emacs-nox and elpa-eglot)`);
    const result = await runEmacs(folder, work);
    for (const test of tests) {
      try {
        test.check(result);
        record('emacs', test.title, true);
      } catch (e) {
        record('emacs', test.title, false, e.message);
      }
    }
  } catch (e) {
    for (const test of tests) record('emacs', test.title, false, e.message);
  } finally {
    removeWork();
    process.off('exit', removeWork);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  endAllOnExit();
  let failed = 0;
  let passed = 0;
  await runEmacsTests({
    record: (group, title, ok, error) => {
      if (ok) passed++;
      else failed++;
      console.log(`  ${ok ? '✓' : '✗'} [${group}] ${title}${ok ? '' : `\n${error}`}`);
    },
  });
  await endAll();
  console.log(`emacs: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

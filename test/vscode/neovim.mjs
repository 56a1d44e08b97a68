#!/usr/bin/env node
// A second LSP client: Debian's Neovim 0.7 (headless, built-in client, neovim-init.lua)
// talks to dist/server.js on a copy of examples/briefings. Run alone:
// `node test/vscode/neovim.mjs`, or from run-all.mjs.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endAll, endAllOnExit, endGroup, spawnGroup } from './processes.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const NVIM = process.env.NVIM_PATH || '/usr/bin/nvim';
const TIMEOUT_MS = 90_000;

/** Runs Neovim on `folder` and returns what neovim-init.lua recorded. */
async function runNeovim(folder, work) {
  const resultFile = join(work, 'nvim-result.json');
  // Neovim's own state (the LSP log, shada) goes to the temp folder, not the user's home.
  const env = {
    ...process.env,
    GN_SERVER: join(REPO, 'dist/server.js'),
    GN_ROOT: folder,
    GN_RESULT: resultFile,
    XDG_STATE_HOME: work,
    XDG_CACHE_HOME: work,
    XDG_DATA_HOME: work,
    XDG_CONFIG_HOME: work,
  };
  const nvim = spawnGroup('neovim', NVIM, ['--headless', '-n', '-i', 'NONE', '-u', join(REPO, 'test/vscode/neovim-init.lua')], {
    cwd: folder,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  nvim.stdout.on('data', (d) => (output += d));
  nvim.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => nvim.once('exit', resolve));
  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)));
  const outcome = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  // Ends the server that Neovim started too (same process group), however Neovim ended.
  await endGroup(nvim.pid);
  const lspLog = [join(work, 'nvim/lsp.log'), join(work, 'lsp.log')].find(existsSync);
  const context =
    `\n--- neovim output ---\n${output.trim()}\n--- lsp.log (last lines) ` +
    `---\n${lspLog ? readFileSync(lspLog, 'utf8').split('\n').slice(-20).join('\n') : '(none)'}`;
  if (outcome === 'timeout') throw new Error(`Neovim did not finish in ${TIMEOUT_MS / 1000} s${context}`);
  if (!existsSync(resultFile)) throw new Error(`Neovim exited (${outcome}) without writing its result${context}`);
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  if (result.errors.length > 0) throw new Error(`${result.errors.join('\n')}${context}`);
  return result;
}

/** Runs the Neovim tests; reports each through `record(group, title, ok, error)`. */
export async function runNeovimTests({ record }) {
  const work = mkdtempSync(join(tmpdir(), 'gn-nvim-'));
  const removeWork = () => rmSync(work, { recursive: true, force: true });
  process.once('exit', removeWork); // also when a signal ends the run early
  const folder = join(work, 'briefings');
  cpSync(join(REPO, 'examples/briefings'), folder, { recursive: true });
  const tests = [
    {
      title: 'publishes GN002 for [[002#kirby-brifing]] in notes/broken-citations.md',
      check: (result) => {
        const diagnostics = result.diagnostics['notes/broken-citations.md'] ?? [];
        const gn002 = diagnostics.find((d) => d.code === 'GN002' && d.range.start.line === 5);
        assert.ok(gn002, `no GN002 on line 6 among ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line + 1]))}`);
        assert.deepEqual(gn002.range, { start: { line: 5, character: 85 }, end: { line: 5, character: 98 } });
        assert.match(gn002.message, /did you mean `kirby-briefing`/);
      },
    },
    {
      title: 'hover over [[002#kirby-briefing]] quotes the Kirby sentence',
      check: (result) => {
        const contents = result.hover?.contents;
        const text = typeof contents === 'string' ? contents : (contents?.value ?? JSON.stringify(contents));
        assert.match(text ?? '', /John Kirby clarified Biden.s comments/, `hover: ${text}`);
      },
    },
  ];
  try {
    if (!existsSync(NVIM)) throw new Error(`${NVIM} is missing: run scripts/setup-vscode.sh (it installs Debian's neovim)`);
    const result = await runNeovim(folder, work);
    for (const test of tests) {
      try {
        test.check(result);
        record('neovim', test.title, true);
      } catch (e) {
        record('neovim', test.title, false, e.message);
      }
    }
  } catch (e) {
    for (const test of tests) record('neovim', test.title, false, e.message);
  } finally {
    removeWork();
    process.off('exit', removeWork);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  endAllOnExit();
  let failed = 0;
  let passed = 0;
  await runNeovimTests({
    record: (group, title, ok, error) => {
      if (ok) passed++;
      else failed++;
      console.log(`  ${ok ? '✓' : '✗'} [${group}] ${title}${ok ? '' : `\n${error}`}`);
    },
  });
  await endAll();
  console.log(`neovim: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

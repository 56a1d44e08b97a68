/**
 * The performance benchmark: measures the `grounded-notes check` command line and
 * the language server (over stdio, as an editor would) on generated workspaces of
 * several sizes, and on the two vault shapes measured on real vaults (`vaults.mjs`:
 * the real shape, Markdown lists with ~19 `[[page]]` links per note, and the
 * path-link shape); compares `check` with remark-validate-links at 2,000 notes; and
 * times the floor on every workspace: a bare `[[…]]` regex scan of the same files
 * (`floor.mjs`), to which each check is compared.
 *
 *   node bench/run.mjs [--sizes 1000,2000,10000] [--shapes real,paths] [--quick] [--out file] [--workdir dir]
 *   node bench/run.mjs --readme     rewrites README's bench block from the results file
 *
 * It prints a table and writes the figures to bench/results.json (or --out).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { EDIT_NOTE, generateWorkspace } from './generate.mjs';
import { generatePathShape, generateRealShape } from './vaults.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = join(BENCH, '..');
const CLI = join(REPO, 'bin/grounded-notes.js');
// What VS Code runs: the server through its compile cache.
const SERVER = join(REPO, 'dist/launch.js');
const REMARK = join(REPO, 'node_modules/remark-cli/cli.js');
const FLOOR = join(BENCH, 'floor.mjs');
const SEED = 1;
const SIDE_BY_SIDE_NOTES = 2000;
/** While the server indexes, the open note is hovered this often (a user pointing at citation after citation). */
const HOVER_EVERY_MS = 50;
/** A server that has not published every note by then is stuck, not slow. */
const SERVER_TIMEOUT_MS = 5 * 60 * 1000;

// ---- options ---------------------------------------------------------------------

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,2000,10000' },
    shapes: { type: 'string', default: 'real,paths' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: join(BENCH, 'results.json') },
    workdir: { type: 'string', default: join(BENCH, 'workspaces') },
    readme: { type: 'boolean', default: false },
  },
});

/** The vault shapes and their sizes (notes) in a full run; a quick run takes a fiftieth. */
const SHAPES = {
  real: { notes: 10000, label: 'real shape', generate: generateRealShape },
  paths: { notes: 6500, label: 'path-link shape', generate: generatePathShape },
};

const shapeNames = args.shapes
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s !== '');
for (const name of shapeNames) if (!SHAPES[name]) throw new Error(`unknown shape "${name}": use ${Object.keys(SHAPES).join(', ')}`);

/**
 * How many times each figure is taken. The full plan keeps `npm run bench` under ten
 * minutes on two cores: cold and warm checks and warm starts five times each (medians;
 * on a shared machine three let one slow run decide).
 */
const plan = args.quick
  ? {
      sizes: [50, 100],
      checkRuns: () => 1,
      edits: 20,
      requests: 20,
      sideBySideNotes: 100,
      sideBySideRuns: 1,
      shapes: shapeNames.map((name) => ({ name, notes: Math.round(SHAPES[name].notes / 50) })),
    }
  : {
      sizes: args.sizes
        .split(',')
        .filter((s) => s.trim() !== '')
        .map((s) => Number(s.trim())),
      checkRuns: () => 5,
      edits: 200,
      requests: 200,
      sideBySideNotes: SIDE_BY_SIDE_NOTES,
      sideBySideRuns: 3,
      shapes: shapeNames.map((name) => ({ name, notes: SHAPES[name].notes })),
    };

// ---- statistics --------------------------------------------------------------------

function median(values) {
  return percentile(values, 50);
}

/** Nearest-rank percentile; undefined for no samples. */
function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (x, digits = 1) => (x === undefined ? undefined : Math.round(x * 10 ** digits) / 10 ** digits);

// ---- workspaces --------------------------------------------------------------------

/**
 * The workspace of `notes` notes in `style`, generated once per generator version:
 * a stamp beside it records the generator's hash, so a changed generator regenerates.
 */
function workspace(notes, style) {
  const folder = join(args.workdir, `${style}-${notes}`);
  const stampFile = `${folder}.json`;
  const generatorHash = hashText(['generate.mjs', 'vaults.mjs'].map((f) => readFileSync(join(BENCH, f), 'utf8')).join('\n'));
  if (existsSync(stampFile) && existsSync(folder)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.generatorHash === generatorHash && stamp.seed === SEED) return stamp;
  }
  const generate = SHAPES[style]?.generate ?? ((o) => generateWorkspace({ ...o, style }));
  const made = { ...generate({ notes, folder, seed: SEED }), seed: SEED, generatorHash };
  writeFileSync(stampFile, JSON.stringify(made));
  return made;
}

function hashText(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

// ---- processes ---------------------------------------------------------------------

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true']).status === 0;

/**
 * Runs a command to completion: wall time, peak RSS (GNU time's maximum resident set
 * size; without it, the highest VmHWM seen while polling /proc), CPU time of all its
 * threads (user and system, from GNU time; without it, undefined), exit code, output.
 */
function measureProcess(command, commandArgs, cwd) {
  return new Promise((resolve, reject) => {
    const rssFile = join(mkdtempSync(join(tmpdir(), 'gn-bench-')), 'rss');
    const [cmd, cmdArgs] = hasGnuTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...commandArgs]] : [command, commandArgs];
    const start = performance.now();
    const child = spawn(cmd, cmdArgs, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (d) => stdout.push(d));
    child.stderr.on('data', (d) => stderr.push(d));
    let polledKB = 0;
    const poll = hasGnuTime ? undefined : setInterval(() => (polledKB = Math.max(polledKB, peakRssKB(child.pid) ?? 0)), 20);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      clearInterval(poll);
      // GNU time's last line (a first one says when the command exits with an error).
      const [rssKB, user, system] = hasGnuTime ? readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [polledKB];
      rmSync(dirname(rssFile), { recursive: true, force: true });
      const cpuMs = user === undefined ? undefined : (user + system) * 1000;
      resolve({
        ms,
        peakRssMB: rssKB / 1024,
        cpuMs,
        code,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      });
    });
  });
}

/** The peak resident set size of a live process, in KB (Linux). */
function peakRssKB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

// ---- the command line ------------------------------------------------------------

/** Passed to every `check` when the CLI has it, so each run is cold. */
const noCacheFlags = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout.includes('--no-cache') ? ['--no-cache'] : [];

async function runCheck(folder, cacheDir) {
  const cacheFlags = cacheDir ? ['--cache-dir', cacheDir] : noCacheFlags;
  const r = await measureProcess(process.execPath, [CLI, 'check', folder, '--format', 'json', ...cacheFlags], REPO);
  if (r.code !== 0 && r.code !== 1) throw new Error(`grounded-notes check failed (${r.code}):\n${r.stderr}`);
  const findings = JSON.parse(r.stdout);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    ms: r.ms,
    peakRssMB: r.peakRssMB,
    cpuMs: r.cpuMs,
    findings: findings.length,
    brokenFound: findings.filter((f) => f.code === 'GN001' || f.code === 'GN002').length,
    errors,
  };
}

/** The floor: a bare `[[…]]` regex scan of the same Markdown files, in a process of its own. */
async function runFloor(folder) {
  const r = await measureProcess(process.execPath, [FLOOR, folder], REPO);
  if (r.code !== 0) throw new Error(`the floor scan failed (${r.code}):\n${r.stderr}`);
  return r;
}

/**
 * Cold checks and floor scans of a workspace, alternately (so load on the machine
 * weighs on both alike); medians, and the check's as a multiple of the floor's.
 */
async function measureCheck(folder, runs) {
  const results = [];
  const floors = [];
  for (let i = 0; i < runs; i++) {
    floors.push(await runFloor(folder));
    results.push(await runCheck(folder));
  }
  const coldCheckMs = median(results.map((r) => r.ms));
  const floorMs = median(floors.map((r) => r.ms));
  const [, files, links, bytes] = /(\d+) files, (\d+) links, (\d+) bytes/.exec(floors[0].stdout).map(Number);
  return {
    markdownFiles: files,
    markdownMB: bytes / 2 ** 20,
    links,
    coldCheckMs,
    coldCheckRuns: runs,
    checkPeakRssMB: Math.max(...results.map((r) => r.peakRssMB)),
    checkCpuMs: results[0].cpuMs === undefined ? undefined : median(results.map((r) => r.cpuMs)),
    checkFindings: results[0].findings,
    floorMs,
    floorPeakRssMB: Math.max(...floors.map((r) => r.peakRssMB)),
    checkOverFloor: coldCheckMs / floorMs,
  };
}

/** `check --cache-dir` run once to fill the persisted index, then again (median): the CLI's warm start. */
async function measureWarmCheck(folder, runs) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'gn-bench-cli-cache-'));
  try {
    const first = await runCheck(folder, cacheDir);
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await runCheck(folder, cacheDir));
    if (warm.some((r) => r.findings !== first.findings)) throw new Error('a warm check printed other findings than the cold one');
    return { warmCheckMs: median(warm.map((r) => r.ms)), warmCheckRuns: runs };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

// ---- the language server -----------------------------------------------------------

/** A language server started on `folder`, speaking JSON-RPC over stdio. */
class Server {
  constructor(folder, cacheDir) {
    this.folder = folder;
    this.cacheDir = cacheDir;
    this.startedAt = performance.now();
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.on('data', (d) => (this.stderr = (this.stderr + d).slice(-4000)));
    this.waiters = [];
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      const at = performance.now();
      this.firstDiagnosticsAt ??= at;
      // Compared as paths: servers and clients encode characters such as `&` or `,` in URIs differently.
      const path = fileURLToPath(p.uri);
      this.waiters = this.waiters.filter((w) => (fileURLToPath(w.uri) === path ? (w.resolve(at), false) : true));
    });
    // Every file checked and its diagnostics published (a file without problems is sent none): the
    // server then says it is ready, after the last of them.
    this.allDiagnostics = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(this.failure(`not ready after ${SERVER_TIMEOUT_MS} ms`)), SERVER_TIMEOUT_MS);
      this.connection.onNotification('groundedNotes/status', (p) => {
        if (p?.state !== 'ready') return;
        clearTimeout(timer);
        resolve(performance.now());
      });
    });
    this.ready = this.allDiagnostics;
    // An editor answers these; the benchmark has nothing to register or show.
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  uri(rel) {
    return pathToFileURL(join(this.folder, rel)).toString();
  }

  failure(message) {
    return new Error(`${message}; server log:\n${this.stderr}`);
  }

  async initialize() {
    const root = pathToFileURL(this.folder).toString();
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'bench' }],
      capabilities: { window: { workDoneProgress: true } },
      initializationOptions: { cacheDir: this.cacheDir },
    });
    this.connection.sendNotification('initialized', {});
  }

  /** Resolves with the arrival time of the next diagnostics for `uri`. */
  nextDiagnostics(uri) {
    return new Promise((resolve) => this.waiters.push({ uri, resolve }));
  }

  /** Milliseconds from `send()` to its answer. */
  async timeRequest(method, params) {
    const start = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: performance.now() - start, result };
  }

  async stop() {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
    this.connection.sendNotification('exit');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** Positions in the edit note: inside each citation's id (hover), right after `[[` and after `#` (completion). */
function citationPositions(text) {
  const hover = [];
  const completion = [];
  text.split('\n').forEach((line, lineNo) => {
    for (const m of line.matchAll(/\[\[([^\]#|]+)(#?)/g)) {
      hover.push({ line: lineNo, character: m.index + 3 });
      completion.push({ line: lineNo, character: m.index + 2 });
      if (m[2]) completion.push({ line: lineNo, character: m.index + 2 + m[1].length + 1 });
    }
  });
  return { hover, completion };
}

/**
 * A cold start of the server: the time to the first and to all notes' diagnostics,
 * with the edit note opened at once and hovered every 50 ms until all diagnostics
 * are out (an editor that restores a note and a user who points at a citation);
 * then, on the indexed workspace, re-check after one-character edits, hover and
 * completion latency, and the server's peak RSS.
 */
async function measureColdServer(stamp, cacheDir, openNote = EDIT_NOTE) {
  const server = new Server(stamp.folder, cacheDir);
  const editUri = server.uri(openNote);
  const text = readFileSync(join(stamp.folder, openNote), 'utf8');
  const positions = citationPositions(text);
  try {
    await server.initialize();
    server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: editUri, languageId: 'markdown', version: 1, text },
    });

    const duringIndex = [];
    let hoverCount = 0;
    let indexed = false;
    const hoverNow = () => {
      const position = positions.hover[hoverCount++ % positions.hover.length];
      duringIndex.push(server.timeRequest('textDocument/hover', { textDocument: { uri: editUri }, position }));
    };
    hoverNow();
    const ticker = setInterval(() => !indexed && hoverNow(), HOVER_EVERY_MS);
    const allAt = await server.allDiagnostics;
    indexed = true;
    clearInterval(ticker);
    const duringIndexAnswers = await Promise.all(duringIndex);
    const duringIndexMs = duringIndexAnswers.map((a) => a.ms);
    // Edits wait for the first check to end: an edit before the last source is checked leaves the
    // persisted index without saved problems (they would not be the files' on disk), and the warm
    // start below would measure a second full check.
    await server.ready;

    // Alternately type and delete one character, so the note ends as it began.
    const lines = text.split('\n');
    const prose = lines.findIndex((l, i) => i > 5 && /^[A-Z]/.test(l));
    const bodyLine =
      prose >= 0
        ? prose
        : Math.max(
            0,
            lines.findIndex((l) => l.length > 2),
          );
    // Inside a list item's text, so the edit changes words, not the structure.
    const column = /^\s*- /.test(lines[bodyLine]) ? lines[bodyLine].indexOf('- ') + 3 : 1;
    let version = 1;
    const recheckMs = [];
    for (let i = 0; i < plan.edits; i++) {
      const at = { line: bodyLine, character: column };
      const change =
        i % 2 === 0
          ? { range: { start: at, end: at }, text: 'x' }
          : { range: { start: at, end: { line: bodyLine, character: column + 1 } }, text: '' };
      const published = server.nextDiagnostics(editUri);
      const sent = performance.now();
      server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: editUri, version: ++version },
        contentChanges: [change],
      });
      recheckMs.push((await published) - sent);
    }

    const timeAll = async (method, list, count) => {
      const samples = [];
      let answered = 0;
      for (let i = 0; i < count; i++) {
        const { ms, result } = await server.timeRequest(method, { textDocument: { uri: editUri }, position: list[i % list.length] });
        samples.push(ms);
        // Completion answers a list or a CompletionList; hover answers null when it has nothing.
        const items = Array.isArray(result) ? result.length : (result?.items?.length ?? (result ? 1 : 0));
        if (items > 0) answered++;
      }
      return { samples, answered };
    };
    const hovers = await timeAll('textDocument/hover', positions.hover, plan.requests);
    const completions = await timeAll('textDocument/completion', positions.completion, plan.requests);
    const serverPeakRssMB = (peakRssKB(server.child.pid) ?? NaN) / 1024;
    return {
      firstDiagnosticsMs: server.firstDiagnosticsAt - server.startedAt,
      allDiagnosticsMs: allAt - server.startedAt,
      recheckP50Ms: percentile(recheckMs, 50),
      recheckP95Ms: percentile(recheckMs, 95),
      recheckSamples: recheckMs.length,
      hoverP50Ms: percentile(hovers.samples, 50),
      hoverP95Ms: percentile(hovers.samples, 95),
      hoverSamples: hovers.samples.length,
      hoverAnswered: hovers.answered,
      completionP50Ms: percentile(completions.samples, 50),
      completionP95Ms: percentile(completions.samples, 95),
      completionSamples: completions.samples.length,
      completionAnswered: completions.answered,
      hoverDuringIndexP50Ms: percentile(duringIndexMs, 50),
      hoverDuringIndexP95Ms: percentile(duringIndexMs, 95),
      hoverDuringIndexMaxMs: percentile(duringIndexMs, 100),
      hoverDuringIndexSamples: duringIndexMs.length,
      hoverDuringIndexAnswered: duringIndexAnswers.filter((a) => a.result).length,
      serverPeakRssMB,
    };
  } finally {
    await server.stop();
  }
}

/** Restarts of the server on the same workspace and a filled `cacheDir`, each until all notes are diagnosed (median). */
async function measureWarmServer(stamp, cacheDir, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const server = new Server(stamp.folder, cacheDir);
    try {
      await server.initialize();
      times.push((await server.allDiagnostics) - server.startedAt);
    } finally {
      await server.stop();
    }
  }
  return median(times);
}

// ---- side by side ------------------------------------------------------------------

async function runRemark(folder) {
  // Run from the repository, where remark finds its plugin; `repository: false`: the
  // workspace is not a Git repository of its own.
  const r = await measureProcess(
    process.execPath,
    [REMARK, folder, '--use', 'remark-validate-links=repository:false', '--quiet', '--frail', '--no-color'],
    REPO,
  );
  const warnings = (r.stderr.match(/^\s*\d+:\d+(-\d+:\d+)?\s+warning\s/gm) ?? []).length;
  // `--frail` makes warnings fail the run; any other failure means remark did not check.
  if (r.code !== 0 && warnings === 0) throw new Error(`remark failed (${r.code}):\n${r.stderr.slice(-2000)}`);
  return { ms: r.ms, warnings };
}

/** remark-validate-links on the Markdown-link copy against `check` on the citation copy, alternating. */
async function measureSideBySide(notes) {
  const links = workspace(notes, 'links');
  const citations = workspace(notes, 'citations');
  const remark = [];
  const check = [];
  for (let i = 0; i < plan.sideBySideRuns; i++) {
    remark.push(await runRemark(links.folder));
    check.push(await runCheck(citations.folder));
  }
  const remarkMs = median(remark.map((r) => r.ms));
  const checkMs = median(check.map((r) => r.ms));
  return {
    notes,
    remarkValidateLinksMs: remarkMs,
    remarkRuns: remark.length,
    groundedNotesCheckMs: checkMs,
    checkRuns: check.length,
    speedup: remarkMs / checkMs,
    brokenReferences: links.brokenReferences,
    remarkBrokenLinksFound: remark[0].warnings,
    checkBrokenCitationsFound: check[0].brokenFound,
  };
}

// ---- report ------------------------------------------------------------------------

const format = (x) => (x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? Math.round(x).toLocaleString('en-US') : String(round(x)));

/** Rows of the per-size table: label, unit, figure key, SPEC target at 10,000 notes. */
const ROWS = [
  ['cold check, CLI (median)', 'ms', 'coldCheckMs', { max: 5000 }],
  ['check runs', '', 'coldCheckRuns'],
  ['regex floor (median)', 'ms', 'floorMs'],
  ['cold check / floor', '×', 'checkOverFloor'],
  ['CPU time of check, all threads (median)', 'ms', 'checkCpuMs'],
  ['peak RSS of check', 'MB', 'checkPeakRssMB', { max: 600 }],
  ['findings of check', '', 'checkFindings'],
  ['warm check, CLI (median)', 'ms', 'warmCheckMs', { max: 1000 }],
  ['first diagnostics, LSP', 'ms', 'firstDiagnosticsMs'],
  ['all notes diagnosed, LSP', 'ms', 'allDiagnosticsMs'],
  ['re-check after edit p50', 'ms', 'recheckP50Ms'],
  ['re-check after edit p95', 'ms', 'recheckP95Ms', { max: 30 }],
  ['hover p50', 'ms', 'hoverP50Ms'],
  ['hover p95', 'ms', 'hoverP95Ms', { max: 10 }],
  ['completion p50', 'ms', 'completionP50Ms'],
  ['completion p95', 'ms', 'completionP95Ms', { max: 10 }],
  ['hover during indexing p50', 'ms', 'hoverDuringIndexP50Ms'],
  ['hover during indexing p95', 'ms', 'hoverDuringIndexP95Ms', { max: 50 }],
  ['warm start, all diagnosed', 'ms', 'warmStartMs', { max: 1000 }],
  ['server peak RSS', 'MB', 'serverPeakRssMB'],
];
/** Rows of the vault-shape table: label, unit, figure key, targets per shape (SPEC §6, issue targets). */
const SHAPE_ROWS = [
  ['Markdown files', '', 'markdownFiles'],
  ['Markdown', 'MB', 'markdownMB'],
  ['[[…]] links', '', 'links'],
  ['cold check, CLI (median)', 'ms', 'coldCheckMs', { real: { max: 3000 }, paths: { max: 2000 } }],
  ['regex floor (median)', 'ms', 'floorMs'],
  ['cold check / floor', '×', 'checkOverFloor', { real: { max: 5 } }],
  ['CPU time of check, all threads (median)', 'ms', 'checkCpuMs'],
  ['peak RSS of check', 'MB', 'checkPeakRssMB', { real: { max: 400 } }],
  ['peak RSS of floor', 'MB', 'floorPeakRssMB'],
  ['findings of check', '', 'checkFindings'],
  ['warm check, CLI (median)', 'ms', 'warmCheckMs', { real: { max: 1000 }, paths: { max: 1000 } }],
  ['all notes diagnosed, LSP', 'ms', 'allDiagnosticsMs'],
  ['hover during indexing p50', 'ms', 'hoverDuringIndexP50Ms'],
  ['hover during indexing p95', 'ms', 'hoverDuringIndexP95Ms', { real: { max: 50 } }],
  ['hover during indexing max', 'ms', 'hoverDuringIndexMaxMs', { real: { max: 200 } }],
  ['hovers during indexing, answered', '', 'hoverDuringIndexAnswered'],
  ['hovers during indexing, sent', '', 'hoverDuringIndexSamples'],
  ['re-check after edit p95', 'ms', 'recheckP95Ms'],
  ['warm start, all diagnosed', 'ms', 'warmStartMs', { real: { max: 1000 }, paths: { max: 1000 } }],
  ['server peak RSS', 'MB', 'serverPeakRssMB'],
];
const TARGET_NOTES = 10000;
const COST_PER_NOTE_TARGET = { max: 1.3 };
const SPEED_UP_TARGET = { min: 10 };

const targetText = (target, suffix = '') =>
  !target ? '' : target.max !== undefined ? `≤ ${format(target.max)}${suffix}` : `≥ ${format(target.min)}${suffix}`;
const verdict = (value, target) =>
  !target || value === undefined ? '' : (target.max !== undefined ? value <= target.max : value >= target.min) ? 'met' : 'missed';

function textTable(header, rows) {
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => String(r[c]).length)));
  return [header, ...rows]
    .map((r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  '))
    .join('\n');
}

function markdownTable(header, rows) {
  return [header, header.map((_, c) => (c === 0 ? '---' : '---:')), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** The report's tables as [header, rows] pairs, shared by the terminal and the README. */
function reportTables(results) {
  const sizes = results.sizes;
  const atTarget = sizes.find((s) => s.notes === TARGET_NOTES);
  const perSize = [
    ['figure', 'unit', ...sizes.map((s) => `${s.notes.toLocaleString('en-US')} notes`), 'target at 10,000', 'met?'],
    ROWS.map(([label, unit, key, target]) => [
      label,
      unit,
      ...sizes.map((s) => format(s[key])),
      targetText(target),
      verdict(atTarget?.[key], target),
    ]),
  ];
  const summary = [];
  if (results.costPerNote) {
    const c = results.costPerNote;
    summary.push([
      `cold check cost per note, ${c.largeNotes.toLocaleString('en-US')} vs ${c.smallNotes.toLocaleString('en-US')} notes`,
      `${round(c.ratio, 2)}×`,
      targetText(COST_PER_NOTE_TARGET, '×'),
      verdict(c.ratio, COST_PER_NOTE_TARGET),
    ]);
  }
  const s = results.sideBySide;
  if (s) {
    summary.push([
      `remark-validate-links, ${s.notes.toLocaleString('en-US')} notes (median of ${s.remarkRuns})`,
      `${format(s.remarkValidateLinksMs)} ms`,
      '',
      '',
    ]);
    summary.push([
      `grounded-notes check, ${s.notes.toLocaleString('en-US')} notes (median of ${s.checkRuns})`,
      `${format(s.groundedNotesCheckMs)} ms`,
      '',
      '',
    ]);
    summary.push([
      'check speed-up over remark-validate-links',
      `${round(s.speedup, 1)}×`,
      targetText(SPEED_UP_TARGET, '×'),
      verdict(s.speedup, SPEED_UP_TARGET),
    ]);
    summary.push([
      `broken references found (of ${s.brokenReferences}): remark / check`,
      `${s.remarkBrokenLinksFound} / ${s.checkBrokenCitationsFound}`,
      '',
      '',
    ]);
  }
  const shapes = results.shapes ?? [];
  const perShape = [
    ['figure', 'unit', ...shapes.flatMap((s) => [`${SHAPES[s.shape].label}, ${s.notes.toLocaleString('en-US')} notes`, 'target', 'met?'])],
    SHAPE_ROWS.map(([label, unit, key, targets]) => [
      label,
      unit,
      ...shapes.flatMap((s) => [format(s[key]), targetText(targets?.[s.shape]), verdict(s[key], targets?.[s.shape])]),
    ]),
  ];
  return { perSize, perShape, summary: [['comparison', 'value', 'target', 'met?'], summary] };
}

function printReport(results) {
  const m = results.machine;
  const { perSize, perShape, summary } = reportTables(results);
  console.log(
    `\nGrounded Notes benchmark: ${m.cpus} × ${m.cpuModel}, Node ${m.node}, ${m.date}, load ` +
      `average ${m.loadAverageAtStart} → ${m.loadAverageAtEnd}\n`,
  );
  console.log(textTable(...perSize));
  console.log('');
  if (perShape[1].length > 0 && results.shapes?.length) {
    console.log(textTable(...perShape));
    console.log('');
  }
  console.log(textTable(...summary));
  for (const note of results.notes) console.log(`note: ${note}`);
}

const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

/** Rewrites the block between the bench markers in README.md from a results file. */
function rewriteReadme(resultsFile) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const m = results.machine;
  const { perSize, perShape, summary } = reportTables(results);
  const block = [
    README_START,
    `Measured ${m.date.slice(0, 10)} on ${m.cpus} × ${m.cpuModel}, Node ${m.node}, load ` +
      `average ${m.loadAverageAtStart} → ${m.loadAverageAtEnd}; \`npm run bench\` ` +
      `took ${results.runSeconds} s.`,
    '',
    markdownTable(...perSize),
    '',
    ...(results.shapes?.length ? [markdownTable(...perShape), ''] : []),
    markdownTable(...summary),
    ...(results.notes.length > 0 ? ['', ...results.notes.map((n) => `- ${n}`)] : []),
    README_END,
  ].join('\n');
  const readmeFile = join(REPO, 'README.md');
  const readme = readFileSync(readmeFile, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} block`);
  writeFileSync(readmeFile, readme.slice(0, start) + block + readme.slice(end + README_END.length));
  console.log(`README.md: bench block rewritten from ${resultsFile}`);
}

// ---- main --------------------------------------------------------------------------

async function main() {
  const began = performance.now();
  const results = {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      totalMemoryMB: Math.round(totalmem() / 2 ** 20),
      freeMemoryMB: Math.round(freemem() / 2 ** 20),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      date: new Date().toISOString(),
      // Other work on the machine slows every figure; the load average tells how much there was.
      loadAverageAtStart: round(loadavg()[0], 2),
    },
    sizes: [],
    notes: [],
  };
  let cacheWritten = true;
  for (const notes of plan.sizes) {
    const t = performance.now();
    const stamp = workspace(notes, 'citations');
    console.error(`[bench] ${notes} notes: workspace ready in ${Math.round(performance.now() - t)} ms; running check`);
    const check = await measureCheck(stamp.folder, plan.checkRuns(notes));
    const warmCheck = await measureWarmCheck(stamp.folder, plan.checkRuns(notes));
    console.error(`[bench] ${notes} notes: language server, cold`);
    const cacheDir = mkdtempSync(join(tmpdir(), 'gn-bench-cache-'));
    try {
      const cold = await measureColdServer(stamp, cacheDir);
      cacheWritten &&= readdirSync(cacheDir).length > 0;
      console.error(`[bench] ${notes} notes: language server, warm`);
      const warmStartMs = await measureWarmServer(stamp, cacheDir, plan.checkRuns(notes));
      results.sizes.push({ notes: stamp.notes.length, sources: stamp.sources, ...check, ...warmCheck, ...cold, warmStartMs });
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  results.shapes = [];
  for (const { name, notes } of plan.shapes) {
    const stamp = workspace(notes, name);
    console.error(`[bench] ${SHAPES[name].label}, ${notes} notes: check and floor`);
    const check = await measureCheck(stamp.folder, plan.checkRuns(notes));
    const warmCheck = await measureWarmCheck(stamp.folder, plan.checkRuns(notes));
    console.error(`[bench] ${SHAPES[name].label}, ${notes} notes: language server, cold and warm`);
    const cacheDir = mkdtempSync(join(tmpdir(), 'gn-bench-cache-'));
    try {
      const cold = await measureColdServer(stamp, cacheDir, stamp.notes[0]);
      const warmStartMs = await measureWarmServer(stamp, cacheDir, plan.checkRuns(notes));
      results.shapes.push({
        shape: name,
        notes: stamp.notes.length,
        brokenLinks: stamp.brokenReferences,
        ...check,
        ...warmCheck,
        ...cold,
        warmStartMs,
      });
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  if (!cacheWritten) results.notes.push('The server wrote nothing to its cacheDir: each warm start is a second cold start.');
  if (args.quick) results.notes.push(`Quick smoke run: one run of each command, ${plan.requests} samples per latency.`);
  for (const s of results.sizes) {
    if (!args.quick && s.coldCheckRuns === 1)
      results.notes.push(`At ${s.notes.toLocaleString('en-US')} notes the cold check ran once, to keep the run under ten minutes.`);
    if (s.hoverAnswered === 0 || s.completionAnswered === 0)
      results.notes.push(
        `At ${s.notes.toLocaleString('en-US')} notes hover or completion returned nothing: their latencies measure an empty answer.`,
      );
  }
  if (results.sizes.length >= 2) {
    const [small, large] = [results.sizes[0], results.sizes[results.sizes.length - 1]];
    results.costPerNote = {
      smallNotes: small.notes,
      largeNotes: large.notes,
      ratio: large.coldCheckMs / large.notes / (small.coldCheckMs / small.notes),
    };
  }
  // `--sizes ''` measures the vault shapes only.
  if (plan.sizes.length > 0) {
    console.error(`[bench] side by side at ${plan.sideBySideNotes} notes`);
    results.sideBySide = await measureSideBySide(plan.sideBySideNotes);
    if (results.sideBySide.remarkBrokenLinksFound === 0)
      results.notes.push('remark-validate-links reported no broken link although the copy has some: its figure is not a real check.');
  }
  results.machine.loadAverageAtEnd = round(loadavg()[0], 2);
  results.runSeconds = Math.round((performance.now() - began) / 1000);
  writeFileSync(args.out, JSON.stringify(results, (_, v) => (typeof v === 'number' ? round(v, 2) : v), 2) + '\n');
  printReport(results);
  console.log(`\n${results.runSeconds} s in all; figures written to ${args.out}`);
}

if (args.readme) rewriteReadme(args.out);
else await main();

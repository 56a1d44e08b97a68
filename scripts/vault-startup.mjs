// Starts the language server on real vaults as an editor does, with one note open from
// the first moment, and checks what it says before its index is built against what it
// says once it is ready (nothing changes on disk meanwhile, so the two must agree):
// - every diagnostic published during start-up that the last publish of its file no
//   longer holds is a false report at start; every one of the last publish that an
//   earlier publish of the file lacked is a report that came late (an incomplete list);
// - a hover and a definition request sent on each link of the open note right after it
//   is opened must answer as the same requests do once the server is ready (never null
//   or empty where they answer then); so must a completion right after the `[[` and the
//   `#` of its first 200 links offer the same names and headings in the same order (a
//   note's title beside its name comes once it is read; in a workspace with sources,
//   the sources read so far are offered).
// Each vault is started cold (an empty cache folder), then warm (the same folder again).
//
// Usage: npm run bundle && node scripts/vault-startup.mjs [--json] DIR[=convention] …
//   (a convention suffix, as eval:vaults takes, is ignored: the server detects it)
// It also compares what the server ends with, cold and warm, with what the command line
// reports on the same folder (`check --format json`): the two must say the same.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const root = join(import.meta.dirname, '..');
// What editors and users run: the server and the command line through the compile cache.
const SERVER = join(root, 'dist', 'launch.js');
const CLI = join(root, 'bin', 'grounded-notes.js');
const TIMEOUT_MS = 600_000;

/** The Markdown files of a vault (not in dot-folders or node_modules), relative paths. */
function markdownFiles(dir, rel = '') {
  const out = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...markdownFiles(dir, path));
    else if (e.isFile() && /\.md$/i.test(e.name)) out.push(path);
  }
  return out;
}

/** The note with the most `[[…]]` links: the one opened at start. */
function busiestNote(dir) {
  let best;
  for (const rel of markdownFiles(dir)) {
    const text = readFileSync(join(dir, rel), 'utf8');
    const links = [...text.matchAll(/\[\[/g)].length;
    if (!best || links > best.links) best = { rel, text, links };
  }
  return best;
}

/** Completion positions in a text's first `max` links: right after `[[`, and right after a `#` in the link. */
function completionPositions(text, max = 200) {
  const out = [];
  text.split('\n').forEach((line, lineNo) => {
    for (const m of line.matchAll(/\[\[([^\]\n|#]*)(#?)/g)) {
      if (out.length >= max) return;
      out.push({ line: lineNo, character: m.index + 2 });
      if (m[2]) out.push({ line: lineNo, character: m.index + 2 + m[1].length + 1 });
    }
  });
  return out;
}

/** A position inside each `[[…]]` of a text. */
function linkPositions(text) {
  const out = [];
  text.split('\n').forEach((line, lineNo) => {
    for (const m of line.matchAll(/\[\[[^\]\n]/g)) out.push({ line: lineNo, character: m.index + 2 });
  });
  return out;
}

const key = (d) => `${d.code}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${d.message}`;

/** One start of the server on `dir` with `note` open; what it published and answered before and after it was ready. */
async function start(dir, cacheDir, note) {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const c = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const publishes = new Map();
  c.onNotification('textDocument/publishDiagnostics', (p) => {
    let list = publishes.get(p.uri);
    if (!list) publishes.set(p.uri, (list = []));
    list.push(p.diagnostics);
  });
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${dir}: not ready after ${TIMEOUT_MS} ms\n${stderr}`)), TIMEOUT_MS);
    c.onNotification('groundedNotes/status', (p) => {
      if (p?.state !== 'ready') return;
      clearTimeout(timer);
      resolve(performance.now());
    });
  });
  c.onRequest('window/workDoneProgress/create', () => null);
  c.onRequest('client/registerCapability', () => null);
  c.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  c.listen();
  const t0 = performance.now();
  const rootUri = pathToFileURL(dir).toString();
  await c.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'vault' }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
    initializationOptions: { cacheDir },
  });
  c.sendNotification('initialized', {});
  const uri = pathToFileURL(join(dir, note.rel)).toString();
  c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: note.text } });
  const positions = linkPositions(note.text);
  const hover = (position) => c.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  const definition = (position) => c.sendRequest('textDocument/definition', { textDocument: { uri }, position });
  const completing = completionPositions(note.text);
  const complete = (position) => c.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  const [early, earlyDefinitions, earlyCompletions] = await Promise.all([
    Promise.all(positions.map(hover)),
    Promise.all(positions.map(definition)),
    Promise.all(completing.map(complete)),
  ]);
  const readyAt = await ready;
  const late = await Promise.all(positions.map(hover));
  const lateDefinitions = await Promise.all(positions.map(definition));
  const lateCompletions = await Promise.all(completing.map(complete));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await c.sendRequest('shutdown');
  c.sendNotification('exit');
  await exited;
  c.dispose();

  let falseAtStart = 0;
  let lateAtStart = 0;
  let filesWithFalse = 0;
  const falseByCode = {};
  const examples = [];
  let diagnostics = 0;
  let publishCount = 0;
  const final = new Set();
  for (const [file, list] of publishes) {
    publishCount += list.length;
    const last = new Set(list[list.length - 1].map(key));
    for (const d of list[list.length - 1])
      final.add(`${relative(dir, fileURLToPath(file))}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
    diagnostics += last.size;
    const withdrawn = new Map();
    for (const published of list.slice(0, -1)) for (const d of published) if (!last.has(key(d))) withdrawn.set(key(d), d);
    if (withdrawn.size > 0) filesWithFalse++;
    falseAtStart += withdrawn.size;
    for (const published of list.slice(0, -1)) {
      const had = new Set(published.map(key));
      for (const d of list[list.length - 1]) if (!had.has(key(d))) lateAtStart++;
    }
    for (const d of withdrawn.values()) {
      falseByCode[d.code] = (falseByCode[d.code] ?? 0) + 1;
      if (examples.length < 10) examples.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
    }
  }
  const text = (h) => (h ? JSON.stringify(h.contents) : null);
  const hoversWrong = early.filter((h, i) => text(h) !== text(late[i])).length;
  const hoversNullEarly = early.filter((h, i) => !h && late[i]).length;
  const definitionsWrong = earlyDefinitions.filter((d, i) => JSON.stringify(d) !== JSON.stringify(lateDefinitions[i])).length;
  // What would be inserted, in order (a note's title is shown beside its name once it is read).
  const offered = (list) =>
    JSON.stringify((Array.isArray(list) ? list : (list?.items ?? [])).map((item) => [item.label, item.textEdit?.newText]));
  const completionsWrong = earlyCompletions.filter((d, i) => offered(d) !== offered(lateCompletions[i])).length;
  return {
    readyMs: Math.round(readyAt - t0),
    files: publishes.size,
    publishes: publishCount,
    diagnostics,
    falseAtStart,
    lateAtStart,
    filesWithFalse,
    falseByCode,
    hovers: positions.length,
    hoversWrong,
    hoversNullEarly,
    definitionsWrong,
    completions: completing.length,
    completionsWrong,
    examples,
    final,
  };
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const dirs = args.filter((a) => !a.startsWith('--')).map((a) => (a.lastIndexOf('=') > 0 ? a.slice(0, a.lastIndexOf('=')) : a));
if (dirs.length === 0) {
  console.error('usage: node scripts/vault-startup.mjs [--json] DIR[=convention] …');
  process.exit(2);
}
/** What `check --format json` reports on `dir`, in the form `start` collects the server's last publishes. */
function cliReports(dir) {
  const r = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return new Set(JSON.parse(r.stdout).map((p) => `${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`));
}

/** How many reports one side has that the other has not, with a few of them. */
function differences(server, cli) {
  const onlyServer = [...server].filter((x) => !cli.has(x));
  const onlyCli = [...cli].filter((x) => !server.has(x));
  return { onlyServer: onlyServer.length, onlyCli: onlyCli.length, examples: [...onlyServer.slice(0, 3), ...onlyCli.slice(0, 3)] };
}

const rows = [];
for (const dir of dirs) {
  const note = busiestNote(dir);
  if (!note) continue;
  const cacheDir = mkdtempSync(join(tmpdir(), 'gn-startup-'));
  try {
    const cold = await start(dir, cacheDir, note);
    const warm = await start(dir, cacheDir, note);
    const cli = cliReports(dir);
    for (const s of [cold, warm]) {
      s.againstCli = differences(s.final, cli);
      delete s.final;
    }
    rows.push({ dir, open: note.rel, links: note.links, cold, warm });
    if (!json) console.error(`${dir}: cold ${JSON.stringify(cold)} warm ${JSON.stringify(warm)}`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
if (json) console.log(JSON.stringify(rows, null, 2));
else {
  console.log(
    '| vault | open note (links) | start | files published | publishes | diagnostics | false at start | late at start | hovers at start that differ (null) | definitions that differ | completions that differ | differ from the command line |',
  );
  console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows)
    for (const [name, s] of [
      ['cold', r.cold],
      ['warm', r.warm],
    ])
      console.log(
        `| ${r.dir} | ${r.open} (${r.links}) | ${name}, ready ${s.readyMs} ms | ${s.files} | ${s.publishes} | ${s.diagnostics} | ${s.falseAtStart} | ${s.lateAtStart} | ${s.hoversWrong} of ${s.hovers} (${s.hoversNullEarly}) | ${s.definitionsWrong} | ${s.completionsWrong} of ${s.completions} | ${s.againstCli.onlyServer + s.againstCli.onlyCli} |`,
      );
}

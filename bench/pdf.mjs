/**
 * The PDF benchmark: a generated 300-page text PDF (test/corpus/makePdf.ts) cited by a
 * note, beside the same note-only workspace without it.
 *
 *   node bench/pdf.mjs [--pages 300] [--runs 3] [--out bench/pdf-results.json]
 *   node bench/pdf.mjs --readme      rewrites README's PDF bench block from the results file
 *
 * Figures: the cold `grounded-notes check` of the workspace with and without the PDF
 * (new processes, medians), the PDF's extraction time inside that run (worker start,
 * pdf.js and layout), the cached warm cost (reading the extracted-text cache and
 * hashing the PDF), and hover latency on PDF citations in the language server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = join(BENCH, '..');
const CLI = join(REPO, 'bin/grounded-notes.js');
// What VS Code runs: the server through its compile cache.
const SERVER = join(REPO, 'dist/launch.js');
const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '300' },
    runs: { type: 'string', default: '3' },
    hovers: { type: 'string', default: '200' },
    out: { type: 'string', default: join(BENCH, 'pdf-results.json') },
    readme: { type: 'boolean', default: false },
  },
});

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const round = (x) => (x >= 100 ? Math.round(x) : Math.round(x * 10) / 10);

const NOTE = `# Reading the trade review

The last page [[r300#page=300]] and the middle [[r300#page=150]], one paragraph of it [[r300#page=150&p=1]],
a page near the start [[r300#page=3]] and its first paragraph [[r300#page=3&p=1]].
Page 299 says it too [[r300#page=299]], and the whole review [[r300]].
`;

/** Two workspaces: notes only, and the same with the PDF under sources/. */
function workspaces(pages) {
  const root = mkdtempSync(join(tmpdir(), 'gn-bench-pdf-'));
  const notesOnly = join(root, 'notes-only');
  mkdirSync(join(notesOnly, 'notes'), { recursive: true });
  mkdirSync(join(notesOnly, 'sources'), { recursive: true });
  writeFileSync(join(notesOnly, 'notes/trade.md'), NOTE);
  for (let i = 0; i < 200; i++)
    writeFileSync(join(notesOnly, `notes/n${i}.md`), `# Note ${i}\n\nSee [[trade]] and [[n${(i + 1) % 200}]].\n`);
  const withPdf = join(root, 'with-pdf');
  cpSync(notesOnly, withPdf, { recursive: true });
  const made = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'test/corpus/makePdf.ts'), join(withPdf, 'sources/r300_trade-review.pdf'), String(pages)],
    { cwd: REPO, encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`makePdf.ts failed: ${made.stderr}`);
  return { root, notesOnly, withPdf };
}

/** One `grounded-notes check` in a new process: wall time and the extraction timing it reports. */
function check(folder, extra = []) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'check', folder, '--format', 'json', ...extra], {
    encoding: 'utf8',
    env: { ...process.env, GROUNDED_NOTES_TIMING: '1' },
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`check failed (${r.status}): ${r.stderr}`);
  const timing = /timing: (.*)/.exec(r.stderr);
  return { ms, timing: timing ? JSON.parse(timing[1]) : undefined, findings: JSON.parse(r.stdout).length };
}

/** Hover latency on the note's PDF citations, once the server has diagnosed it. */
async function hovers(folder, count) {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(join(folder, 'notes/trade.md')).toString();
  // Indexed: every file, the note and the PDF among them, checked (a hover lists the PDF's problems
  // in the passage); the server then says it is ready.
  const diagnosed = new Promise((resolve) =>
    connection.onNotification('groundedNotes/status', (p) => {
      if (p?.state === 'ready') resolve();
    }),
  );
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const root = pathToFileURL(folder).toString();
  const started = performance.now();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'bench' }],
    capabilities: {},
  });
  connection.sendNotification('initialized', {});
  await diagnosed;
  const indexedMs = performance.now() - started;
  const positions = [];
  NOTE.split('\n').forEach((line, n) => {
    for (const m of line.matchAll(/\[\[r300/g)) positions.push({ line: n, character: m.index + 3 });
  });
  const samples = [];
  let answered = 0;
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const h = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positions[i % positions.length] });
    samples.push(performance.now() - t);
    if (h?.contents?.value?.includes('page')) answered++;
  }
  connection.dispose();
  child.kill();
  return { indexedMs, samples, answered };
}

async function main() {
  const pages = Number(args.pages);
  const runs = Number(args.runs);
  const load = [loadavg()[0]];
  const ws = workspaces(pages);
  try {
    const cold = [];
    const notesOnly = [];
    const extractMs = [];
    // Alternate, so both see the same load on a shared machine.
    for (let i = 0; i < runs; i++) {
      const a = check(ws.withPdf);
      cold.push(a.ms);
      extractMs.push(a.timing.extract.ms);
      notesOnly.push(check(ws.notesOnly).ms);
    }
    const cacheDir = join(ws.root, 'cache');
    check(ws.withPdf, ['--cache-dir', cacheDir]);
    const warm = [];
    const warmCheck = [];
    for (let i = 0; i < runs; i++) {
      // A note edit each time, so the saved problems do not short-cut the check.
      writeFileSync(join(ws.withPdf, 'notes/trade.md'), NOTE + `\nEdit ${i}.\n`);
      const r = check(ws.withPdf, ['--cache-dir', cacheDir]);
      if (r.timing.extract.reused !== 1) throw new Error(`the warm run read the PDF again: ${JSON.stringify(r.timing)}`);
      warm.push(r.timing.cacheLoadMs + r.timing.extract.reusedMs);
      warmCheck.push(r.ms);
    }
    writeFileSync(join(ws.withPdf, 'notes/trade.md'), NOTE);
    const h = await hovers(ws.withPdf, Number(args.hovers));
    load.push(loadavg()[0]);
    const results = {
      date: new Date().toISOString().slice(0, 10),
      machine:
        `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load ` +
        `average ${load.map((x) => x.toFixed(1)).join(' → ')}`,
      pages,
      runs,
      figures: {
        extractMs: median(extractMs),
        coldCheckWithPdfMs: median(cold),
        coldCheckNotesOnlyMs: median(notesOnly),
        warmCacheMs: median(warm),
        warmCheckWithPdfMs: median(warmCheck),
        serverIndexedMs: h.indexedMs,
        hoverP50Ms: percentile(h.samples, 50),
        hoverP95Ms: percentile(h.samples, 95),
        hoverAnswered: h.answered,
        hoverSamples: h.samples.length,
      },
    };
    writeFileSync(args.out, JSON.stringify(results, null, 2) + '\n');
    console.log(table(results).join('\n'));
  } finally {
    rmSync(ws.root, { recursive: true, force: true });
  }
}

const TARGETS = { extractMs: 3000, warmCacheMs: 50, hoverP95Ms: 10 };

function table(r) {
  const f = r.figures;
  const row = (name, value, target) =>
    `| ${name} | ${round(value).toLocaleString('en-US')} ` +
    `| ${target ? `≤ ${target.toLocaleString('en-US')}` : ''} ` +
    `| ${target ? (value <= target ? 'met' : 'missed') : ''} |`;
  return [
    `Measured ${r.date} on ${r.machine}; ${r.pages}-page generated PDF, medians of ${r.runs} runs.`,
    '',
    '| figure (ms) | value | target | met? |',
    '| --- | ---: | ---: | ---: |',
    row(`${r.pages}-page PDF read (worker start, pdf.js, layout)`, f.extractMs, TARGETS.extractMs),
    row('cached warm (cache file read + PDF hashed)', f.warmCacheMs, TARGETS.warmCacheMs),
    row(`hover on a PDF citation p50 (${f.hoverAnswered} of ${f.hoverSamples} answered)`, f.hoverP50Ms),
    row('hover on a PDF citation p95', f.hoverP95Ms, TARGETS.hoverP95Ms),
    row('cold check, 201 notes + the PDF', f.coldCheckWithPdfMs),
    row('cold check, the same 201 notes alone', f.coldCheckNotesOnlyMs),
    row('warm check with the cache, 201 notes + the PDF', f.warmCheckWithPdfMs),
    row('language server: start to ready (every file checked)', f.serverIndexedMs),
  ];
}

if (args.readme) {
  const r = JSON.parse(readFileSync(args.out, 'utf8'));
  const readme = join(REPO, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const block = `<!-- bench-pdf:start -->\n${table(r).join('\n')}\n<!-- bench-pdf:end -->`;
  writeFileSync(readme, text.replace(/<!-- bench-pdf:start -->[\s\S]*?<!-- bench-pdf:end -->/, block));
} else if (!existsSync(SERVER)) {
  console.error('Build first: npm run build');
  process.exitCode = 2;
} else {
  await main();
}

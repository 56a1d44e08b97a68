/**
 * The robustness budget: every 1 MB input, any shape, checked in at most 2 s. Runs the
 * whole service (index, every rule, a hover and a completion in the middle) over each
 * hostile shape (`test/corpus/shapes.ts`: repeated units, and "token, long run, token"
 * for every token of the hang detector) placed as a note, a plain-text source, a
 * Markdown source and an anchor file, and prints the CPU time of each, slowest first.
 * Every shape is screened at 256 KB first; those that would pass half the budget at
 * 1 MB if they grew linearly are measured at 1 MB.
 *
 *   npx tsx scripts/hostile-budget.ts [--size KB] [--screen KB] [--top N] [--json FILE]
 *
 * CPU time, not the clock: the machine is shared, and other work inflates wall time
 * far more. Figures still vary from run to run by 10–30 %; repeat before comparing.
 */
import { writeFileSync } from 'node:fs';
import { createNotesService, MemoryWorkspace } from '../server/src/core/index.js';
import { LineIndex } from '../server/src/core/text.js';
import { adversarial, BACKTRACKING, foundShapes, RUNS, shape, UNITS } from '../test/corpus/shapes.js';

type Role = 'note' | 'source.txt' | 'source.md' | 'anchors';
const ROLES: Role[] = ['note', 'source.txt', 'source.md', 'anchors'];

/** Tokens that start what a regex of the server matches: every token of the hang detector, and the issue's. */
const LEADS = [...new Set([...Object.values(BACKTRACKING).flatMap((r) => r.leads), '[[001', '[[001#"', 'k:', 'k: |', '"'])];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const SIZE = Number(arg('size') ?? 1024) * 1024;
const SCREEN = Number(arg('screen') ?? 256) * 1024;
const TOP = Number(arg('top') ?? 25);
const BUDGET_MS = 2000;

/** The workspace for a shape in a role: the shape's file, and what cites or anchors it. */
function files(role: Role, text: string): { files: Record<string, string>; uri: string } {
  const source = 'The vote passed on Friday, December 10, 2021.\n\nIt was close.\n';
  const note = 'See [[001#p1]] and [[001#vote]], on Friday.\n';
  switch (role) {
    case 'note':
      return { files: { 'sources/001_a.txt': source, 'notes/n.md': text }, uri: 'memory:///ws/notes/n.md' };
    case 'source.txt':
      return {
        files: { 'sources/001_a.txt': text, 'sources/001_a.anchors.yaml': 'vote: The vote passed\n', 'notes/n.md': note },
        uri: 'memory:///ws/sources/001_a.txt',
      };
    case 'source.md':
      return {
        files: { 'sources/001_a.md': text, 'sources/001_a.anchors.yaml': 'vote: The vote passed\n', 'notes/n.md': note },
        uri: 'memory:///ws/sources/001_a.md',
      };
    default:
      return {
        files: { 'sources/001_a.txt': source, 'sources/001_a.anchors.yaml': text, 'notes/n.md': note },
        uri: 'memory:///ws/sources/001_a.anchors.yaml',
      };
  }
}

interface Result {
  shape: string;
  role: Role;
  /** Characters of the shape. */
  size: number;
  cpuMs: number;
  wallMs: number;
  problems: number;
}

async function measure(name: string, role: Role, text: string): Promise<Result> {
  const { files: f, uri } = files(role, text);
  const before = process.cpuUsage();
  const started = performance.now();
  const service = createNotesService({ workspace: new MemoryWorkspace(['memory:///ws'], f) });
  await service.initialize();
  let problems = 0;
  for (const list of service.allProblems().values()) problems += list.length;
  const middle = new LineIndex(text).positionAt(Math.floor(text.length / 2));
  service.hover(uri, middle);
  service.completion(uri, middle);
  const used = process.cpuUsage(before);
  return { shape: name, role, size: text.length, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - started, problems };
}

function shapes(size: number): { name: string; text: string; roles: Role[] }[] {
  const out: { name: string; text: string; roles: Role[] }[] = [];
  for (const unit of UNITS) out.push({ name: `${JSON.stringify(unit)} × N`, text: adversarial(unit, size), roles: ROLES });
  for (const lead of LEADS)
    for (const run of RUNS)
      out.push({ name: `${JSON.stringify(lead)} + ${JSON.stringify(run)} × N + "y"`, text: shape(lead, run, 'y', size), roles: ROLES });
  // A shape found in the date analysis is read as a note, which the service analyses for its dates.
  for (const found of foundShapes(size))
    out.push({ name: found.name, text: found.text, roles: [found.role === 'dates' ? 'note' : found.role] });
  out.push({ name: '`[[999]] ` × N (unknown citations)', text: '[[999]] '.repeat(size / 8), roles: ['note'] });
  out.push({ name: '`[[001#p1]] ` × N (resolving citations)', text: '[[001#p1]] '.repeat(Math.ceil(size / 11)), roles: ['note'] });
  out.push({
    name: 'a dated sentence with a citation × N',
    text: 'On Friday, December 10, 2021 it passed [[001#p1]]. '.repeat(Math.ceil(size / 52)),
    roles: ['note', 'source.txt'],
  });
  return out;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const kb = (n: number) => `${fmt(n / 1024)} KB`;

async function main(): Promise<void> {
  const startedAt = Date.now();
  const screened: Result[] = [];
  const small = shapes(SCREEN);
  for (const s of small) for (const role of s.roles) screened.push(await measure(s.name, role, s.text));
  process.stderr.write(`screened ${screened.length} runs at ${kb(SCREEN)} in ${Math.round((Date.now() - startedAt) / 1000)} s\n`);
  // Linear growth to the full size; what would pass half the budget there is measured there.
  const suspect = screened.filter((r) => (r.cpuMs * SIZE) / SCREEN > BUDGET_MS / 2);
  const full = new Map(shapes(SIZE).map((s) => [s.name, s.text]));
  const results: Result[] = [];
  for (const r of suspect) {
    results.push(await measure(r.shape, r.role, full.get(r.shape)!));
    process.stderr.write(`${results.length}/${suspect.length} at ${kb(SIZE)}: ${r.shape} as ${r.role}: ${fmt(results.at(-1)!.cpuMs)} ms\n`);
  }
  results.sort((a, b) => b.cpuMs - a.cpuMs);
  const over = results.filter((r) => r.cpuMs > BUDGET_MS);
  const cpu = screened.map((r) => r.cpuMs).sort((a, b) => a - b);
  console.log(
    `${screened.length} runs (${small.length} shapes × the roles they fit), ` +
      `Node ${process.version}, ${Math.round((Date.now() - startedAt) / 1000)} s in all`,
  );
  console.log(
    `At ${kb(SCREEN)}: CPU per run median ${fmt(cpu[Math.floor(cpu.length / 2)]!)} ms, 95th ` +
      `percentile ${fmt(cpu[Math.floor(cpu.length * 0.95)]!)} ms, max ${fmt(cpu[cpu.length - 1]!)} ms.`,
  );
  console.log(
    `At ${kb(SIZE)}: ${suspect.length} runs measured (those over ${fmt(BUDGET_MS / 2)} ms if ` +
      `linear); over the ${fmt(BUDGET_MS)} ms budget: ${over.length}.`,
  );
  console.log('');
  console.log(`| shape (${kb(SIZE)}) | as | CPU ms | wall ms | problems |`);
  console.log('|---|---|---:|---:|---:|');
  for (const r of results.slice(0, TOP))
    console.log(
      `| ${r.shape.replace(/\|/g, '\\|').replace(/\n/g, '\\n')} | ${r.role} | ${fmt(r.cpuMs)} | ${fmt(r.wallMs)} | ${fmt(r.problems)} |`,
    );
  const json = arg('json');
  if (json) writeFileSync(json, JSON.stringify({ size: SIZE, screen: SCREEN, node: process.version, screened, results }, null, 1));
}

await main();

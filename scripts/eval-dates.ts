// Measures the date checks: precision and recall per code on (a) the seed sources,
// (b) the labelled corpus (test/fixtures/dates/corpus.json), (c) textlint's and
// LanguageTool-style weekday cases (test/fixtures/dates/external.json), and (d)
// generated note/source pairs for GN022. Prints a table; exits 1 when a target is missed.
// Run: npm run eval:dates
// Real text (kept outside the repository; see the README's "Measured"):
//   npm run eval:dates -- --timeml DIR [--timeml DIR…] [--announcements DIR…] [--verbose]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNotesService, MemoryWorkspace } from '../server/src/core/index.js';
import type { Problem } from '../server/src/core/types.js';
import { LineIndex } from '../server/src/core/text.js';

const CODES = ['GN020', 'GN021', 'GN022', 'GN023', 'GN024'];
const root = join(import.meta.dirname, '..');
type Counts = Record<string, { tp: number; fp: number; fn: number }>;
const zero = (): Counts => Object.fromEntries(CODES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));

interface Labelled {
  path: string;
  text: string;
  labels: { start: number; end: number; codes: string[] }[];
}

async function problemsFor(files: Record<string, string>): Promise<Map<string, Problem[]>> {
  const ws = new MemoryWorkspace(['memory:///ws'], files);
  const service = createNotesService({ workspace: ws });
  await service.initialize();
  return service.allProblems();
}

/** Scores one set: every labelled mention against the date problems found in its file. */
async function score(docs: Labelled[], extra: Record<string, string> = {}): Promise<Counts> {
  const counts = zero();
  const files: Record<string, string> = { ...extra };
  for (const d of docs) files[d.path] = d.text;
  const problems = await problemsFor(files);
  for (const d of docs) {
    const lines = new LineIndex(d.text);
    const found = (problems.get(`memory:///ws/${d.path}`) ?? []).filter((p) => CODES.includes(p.code));
    const used = new Set<Problem>();
    for (const label of d.labels) {
      for (const code of CODES) {
        const hit = found.find(
          (p) => p.code === code && lines.offsetAt(p.range.start) < label.end && label.start < lines.offsetAt(p.range.end),
        );
        if (hit) used.add(hit);
        if (label.codes.includes(code)) counts[code]![hit ? 'tp' : 'fn']++;
        else if (hit) counts[code]!.fp++;
      }
    }
    for (const p of found) if (!used.has(p)) counts[p.code]!.fp++;
  }
  return counts;
}

function spanOf(text: string, needle: string, from: number): { start: number; end: number } {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`label ${JSON.stringify(needle)} not in text`);
  return { start: at, end: at + needle.length };
}

async function seeds(): Promise<Counts> {
  const s000 = readFileSync(join(root, 'examples/briefings/sources/000_73692c68c32165cb.txt'), 'utf8');
  const s002 = readFileSync(join(root, 'examples/briefings/sources/002_a3f28121737e2d7d.txt'), 'utf8');
  const labels000 = ['December 7, 2021', 'Wednesday, October 8', 'Thursday, December 9'].map((t) => ({
    ...spanOf(s000, t, 0),
    codes: t === 'Wednesday, October 8' ? ['GN020', 'GN021'] : [],
  }));
  const labels002 = [
    { ...spanOf(s002, 'June 18, 2024', 0), codes: ['GN023'] },
    { ...spanOf(s002, 'February 24', 0), codes: [] },
  ];
  return score([
    { path: 'sources/000_73692c68c32165cb.txt', text: s000, labels: labels000 },
    { path: 'sources/002_a3f28121737e2d7d.txt', text: s002, labels: labels002 },
  ]);
}

async function corpus(): Promise<Counts> {
  const docs = JSON.parse(readFileSync(join(root, 'test/fixtures/dates/corpus.json'), 'utf8')) as {
    id: string;
    text: string;
    labels: { text: string; codes: string[] }[];
  }[];
  return score(
    docs.map((d) => {
      const body = d.text.indexOf('\n');
      let from = body;
      const labels = d.labels.map((l) => {
        const s = spanOf(d.text, l.text, from);
        from = s.end;
        return { ...s, codes: l.codes };
      });
      return { path: `sources/${d.id}.txt`, text: d.text, labels };
    }),
  );
}

async function external(): Promise<Counts> {
  const { cases } = JSON.parse(readFileSync(join(root, 'test/fixtures/dates/external.json'), 'utf8')) as {
    cases: { text: string; codes: string[] }[];
  };
  return score(
    cases.map((c, i) => ({ path: `sources/x${i}.txt`, text: c.text + '\n', labels: [{ start: 0, end: c.text.length, codes: c.codes }] })),
  );
}

/** Note sentences that cite a dated passage, with the same or a different date. */
async function pairs(): Promise<Counts> {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const extra: Record<string, string> = {};
  const docs: Labelled[] = [];
  for (let i = 0; i < 40; i++) {
    const y = 2014 + (i % 10);
    const m = 1 + ((i * 5) % 12);
    const d = 3 + ((i * 7) % 20);
    const t = new Date(Date.UTC(y, m - 1, d));
    const id = `s${String(i).padStart(2, '0')}`;
    const stated = new Date(t.getTime() + 2 * 86400000);
    extra[`sources/${id}_x.txt`] =
      `${months[stated.getUTCMonth()]} ${stated.getUTCDate()}, ${stated.getUTCFullYear()}\n\n` +
      `On ${weekdays[t.getUTCDay()]}, ${months[m - 1]} ${d}, the board approved the merger.\n`;
    const differs = i % 2 === 1;
    const nd = differs ? d + 1 + (i % 3) : d;
    const date = `${months[m - 1]} ${nd}`;
    const text = `# Merger ${i}\n\nThe board approved the merger on ${date}, ${y} [[${id}#p2]].\n`;
    docs.push({ path: `notes/n${i}.md`, text, labels: [{ ...spanOf(text, `${date}, ${y}`, 0), codes: differs ? ['GN022'] : [] }] });
  }
  return score(docs, extra);
}

const TARGETS: Record<string, { precision?: number; recall?: number }> = {
  GN020: { precision: 0.95, recall: 0.9 },
  GN024: { precision: 0.95, recall: 0.9 },
  GN021: { precision: 0.9 },
  GN022: { precision: 0.9 },
};

const args = process.argv.slice(2);
const dirsAfter = (flag: string) => args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1]!] : []));
const timemlDirs = dirsAfter('--timeml');
const announcementDirs = dirsAfter('--announcements');
if (timemlDirs.length > 0 || announcementDirs.length > 0) {
  const { timemlReport, announcementsReport } = await import('./dates-eval/report.js');
  const verbose = args.includes('--verbose');
  if (timemlDirs.length > 0) await timemlReport(timemlDirs, verbose);
  if (announcementDirs.length > 0) await announcementsReport(announcementDirs, verbose);
  process.exit(0);
}

const fmt = (x: number | undefined) => (x === undefined ? '   –' : x.toFixed(2));
const sets: [string, Counts][] = [
  ['seeds', await seeds()],
  ['corpus', await corpus()],
  ['textlint + LanguageTool-style', await external()],
  ['note/source pairs', await pairs()],
];
const total = zero();
console.log('set                            code   TP  FP  FN  precision  recall');
for (const [name, counts] of sets) {
  for (const code of CODES) {
    const c = counts[code]!;
    total[code]!.tp += c.tp;
    total[code]!.fp += c.fp;
    total[code]!.fn += c.fn;
    if (c.tp + c.fp + c.fn === 0) continue;
    const p = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : undefined;
    const r = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : undefined;
    console.log(
      `${name.padEnd(30)} ${code} ` +
        ` ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)} ` +
        ` ${fmt(p).padStart(9)}  ${fmt(r).padStart(6)}`,
    );
  }
}
const externalFp = CODES.reduce((n, c) => n + sets[2]![1][c]!.fp, 0);
console.log('');
let ok = true;
for (const code of CODES) {
  const c = total[code]!;
  const p = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 1;
  const t = TARGETS[code];
  const met = (!t?.precision || p >= t.precision) && (!t?.recall || r >= t.recall);
  if (!met) ok = false;
  const goal = t && `${t.precision ? ` precision ≥ ${t.precision}` : ''}${t.recall ? `, recall ≥ ${t.recall}` : ''}`;
  console.log(`all ${code}: precision ${p.toFixed(2)}, recall ${r.toFixed(2)}${t ? ` (target${goal}: ${met ? 'met' : 'MISSED'})` : ''}`);
}
console.log(
  `false positives on the textlint and LanguageTool-style cases: ${externalFp} (target 0: ${externalFp === 0 ? 'met' : 'MISSED'})`,
);
if (externalFp > 0) ok = false;
process.exit(ok ? 0 : 1);

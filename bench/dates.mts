// The date analysis on 1 MB texts of the densest shapes (every word a date, or a note
// that dates and cites every sentence) and on the whole check of such a note. Prints
// CPU milliseconds per MB (median of 5 runs after a warm-up) next to a floor measured
// in the same run: one regular-expression scan of the same text for month and weekday
// names. Run: npm run bench:dates
import { analyzeDates } from '../server/src/core/dates/analyze.js';
import { createNotesService, MemoryWorkspace } from '../server/src/core/index.js';
import { defaultConfig } from '../server/src/core/config.js';

const MB = 1024 * 1024;
const FLOOR = new RegExp(
  '\\b(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
    'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b',
  'g',
);

function cpuMs(f: () => unknown): number {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function measure(f: () => unknown, runs = 5): number {
  f();
  return median(Array.from({ length: runs }, () => cpuMs(f)));
}

const shapes: [string, string][] = [
  ['every word a month-day date ("Jan. 5 Jan. 5 …")', 'Jan. 5 '],
  ['every word a weekday ("Monday, Monday, …")', 'Monday, '],
  ['news sentences ("He said on Friday that it was over.")', 'He said on Friday that it was over. '],
  [
    'a note dating and citing every sentence',
    'On Wednesday, March 3 the board met [[001#p1]]. It voted on Friday, March 5 (see ' +
      'https://example.org/2019-03-04-notes) [[001#p2]].\n\n',
  ],
];

console.log('shape                                                        analysis ms/MB   floor ms/MB   ratio');
for (const [name, unit] of shapes) {
  const text = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  const ms = measure(() =>
    analyzeDates(text, { isSource: true, documentDate: { date: { y: 2021, m: 3, d: 10 }, basis: 'the date line' } }),
  );
  const floor = measure(() => [...text.matchAll(FLOOR)].length);
  console.log(`${name.padEnd(60)} ${ms.toFixed(0).padStart(14)} ${floor.toFixed(0).padStart(13)} ${(ms / floor).toFixed(1).padStart(7)}×`);
}

// The whole check (parse, every rule) of a 1 MB note of dated, cited sentences.
const paragraph = shapes[3]![1];
const note = '---\ndate: 2021-03-10\n---\n' + paragraph.repeat(Math.ceil(MB / paragraph.length));
const files = { 'sources/001_base.txt': 'Hello there.\n\nSecond paragraph.\n', 'notes/dated.md': note };
const runs: number[] = [];
for (let i = 0; i < 4; i++) {
  const service = createNotesService({ workspace: new MemoryWorkspace(['memory:///ws'], files), config: { ...defaultConfig } });
  const c = process.cpuUsage();
  await service.initialize();
  service.allProblems();
  const d = process.cpuUsage(c);
  runs.push((d.user + d.system) / 1000);
}
console.log(
  `\nwhole check of that 1 MB note: first run ${runs[0]!.toFixed(0)} ms CPU, then ` +
    `median ${median(runs.slice(1)).toFixed(0)} ms (budget 2,000 ms)`,
);
console.log(
  `(CPU time; the machine's load average ` +
    `was ${(await import('node:os')).loadavg()[0]!.toFixed(1)} — figures on a busy machine are ` +
    `noisy, repeat runs)`,
);

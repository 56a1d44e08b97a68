// Measures extraction on real PDFs and saved web pages (kept outside the repository):
// speed, two-column pages, running headers and footers left out, hyphenation joins
// (with samples to check by hand), files that fail, and web pages' titles, dates, ids.
// Run: npx tsx scripts/measure-extraction.ts DIR... [--samples] [--json OUT]
// Extraction runs on the bundled worker (`npm run bundle` first), as in the server.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const args = process.argv.slice(2);
const dirs = args.filter((a) => !a.startsWith('--') && !args[args.indexOf(a) - 1]?.startsWith('--json'));
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const showSamples = args.includes('--samples');
const worker = new Worker(join(import.meta.dirname, '../dist/extractWorker.mjs'));

interface Row {
  file: string;
  bytes: number;
  ms: number;
  error?: string;
  pages?: number;
  chars?: number;
  twoColumnPages?: number;
  headerFooterLines?: number;
  hyphenJoins?: number;
  hyphenKept?: number;
  headings?: number;
  notice?: boolean;
  title?: string;
  date?: string;
  ids?: number;
  samples?: string[];
  running?: string[];
}

let id = 0;
function extract(
  format: 'pdf' | 'html',
  bytes: Uint8Array,
): Promise<{
  doc?: { text: string; pages?: unknown[]; headings: unknown[]; ids?: unknown[]; title?: string; date?: { iso: string }; notice?: string };
  stats?: Record<string, unknown>;
  error?: string;
}> {
  const n = ++id;
  return new Promise((resolve) => {
    const on = (m: { id: number }) => {
      if (m.id !== n) return;
      worker.off('message', on);
      resolve(m as never);
    };
    worker.on('message', on);
    worker.postMessage({ id: n, format, bytes });
  });
}

const rows: Row[] = [];
const load0 = loadavg()[0]!;
for (const dir of dirs) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const format = /\.pdf$/i.test(name) ? 'pdf' : /\.html?$/i.test(name) ? 'html' : undefined;
    if (!format || !statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    const t = performance.now();
    const r = await extract(format, bytes);
    const row: Row = { file: path, bytes: bytes.length, ms: performance.now() - t };
    if (r.error || !r.doc) row.error = r.error ?? 'no result';
    else {
      const s = (r.stats ?? {}) as Record<string, number & string[]>;
      Object.assign(row, {
        pages: r.doc.pages?.length,
        chars: r.doc.text.length,
        twoColumnPages: s.twoColumnPages,
        headerFooterLines: s.headerFooterLines,
        hyphenJoins: s.hyphenJoins,
        hyphenKept: s.hyphenKept,
        headings: r.doc.headings.length,
        notice: !!r.doc.notice,
        title: r.doc.title,
        date: r.doc.date?.iso,
        ids: r.doc.ids?.length,
        samples: s.hyphenSamples,
        running: s.runningSamples,
      });
    }
    rows.push(row);
    process.stderr.write('.');
  }
}
await worker.terminate();
process.stderr.write('\n');

const pdfs = rows.filter((r) => /\.pdf$/i.test(r.file));
const pages = (rs: Row[]) => rs.reduce((a, r) => a + (r.pages ?? 0), 0);
const sum = (rs: Row[], k: keyof Row) => rs.reduce((a, r) => a + Number(r[k] ?? 0), 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
const okPdfs = pdfs.filter((r) => !r.error);
const html = rows.filter((r) => !/\.pdf$/i.test(r.file));
const out = [
  `load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} (2 cores; other work on the machine slows every figure)`,
  `PDFs: ${pdfs.length} files, ${okPdfs.length} read, ${pdfs.length - okPdfs.length} failed ` +
    `(${[...new Set(pdfs.filter((r) => r.error).map((r) => r.error))].join('; ')})`,
  `  pages ${pages(okPdfs)}, ${(pages(okPdfs) / (sum(okPdfs, 'ms') / 1000)).toFixed(0)} pages/s ` +
    `overall, median file ${median(okPdfs.map((r) => (r.pages ?? 0) / (r.ms / 1000))).toFixed(0)} ` +
    `pages/s`,
  `  no text layer: ${okPdfs.filter((r) => r.notice).length} files; two-column ` +
    `pages: ${sum(okPdfs, 'twoColumnPages')} of ${pages(okPdfs)} ` +
    `in ${okPdfs.filter((r) => (r.twoColumnPages ?? 0) > 0).length} files`,
  `  running header/footer lines left out: ${sum(okPdfs, 'headerFooterLines')} ` +
    `in ${okPdfs.filter((r) => (r.headerFooterLines ?? 0) > 0).length} files ` +
    `(${(sum(okPdfs, 'headerFooterLines') / Math.max(1, pages(okPdfs))).toFixed(2)} a page)`,
  `  hyphens at line ends: ${sum(okPdfs, 'hyphenJoins')} joined, ${sum(okPdfs, 'hyphenKept')} ` +
    `kept; outline or heading lines in ${okPdfs.filter((r) => (r.headings ?? 0) > 0).length} files`,
  `Web pages: ${html.length} files, ${html.filter((r) => !r.error).length} read; ` +
    `median ${median(html.map((r) => r.ms)).toFixed(0)} ms, ` +
    `slowest ${Math.max(0, ...html.map((r) => r.ms)).toFixed(0)} ms`,
  `  with a title ${html.filter((r) => r.title).length}, a ` +
    `date ${html.filter((r) => r.date).length}, ids ${html.filter((r) => (r.ids ?? 0) > 0).length} ` +
    `(${sum(html, 'ids')} ids)`,
];
console.log(out.join('\n'));
if (showSamples) {
  for (const r of okPdfs) {
    if (r.samples?.length) console.log(`\n${r.file}\n  joins: ${r.samples.slice(0, 8).join(' · ')}`);
    if (r.running?.length)
      console.log(
        `  left out: ${r.running
          .slice(0, 6)
          .map((t) => JSON.stringify(t))
          .join(' · ')}`,
      );
  }
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 1));

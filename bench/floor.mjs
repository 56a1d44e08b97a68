/**
 * The floor every check is compared with: a bare `[[…]]` regular-expression scan of
 * the same Markdown files, as a process of its own (read every file, count matches).
 * Nothing a real check could skip is skipped: the walk, the reads, the decoding.
 *
 * Usage: node bench/floor.mjs <folder>   prints `<files> files, <links> links, <bytes> bytes`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LINK = /\[\[([^\]\n]*)\]\]/g;

function scan(dir, totals) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) scan(path, totals);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
      const text = readFileSync(path, 'utf8');
      totals.files++;
      totals.bytes += Buffer.byteLength(text);
      for (const m of text.matchAll(LINK)) if (m[1] !== undefined) totals.links++;
    }
  }
}

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: node bench/floor.mjs <folder>\n');
  process.exit(2);
}
const totals = { files: 0, links: 0, bytes: 0 };
scan(folder, totals);
process.stdout.write(`${totals.files} files, ${totals.links} links, ${totals.bytes} bytes\n`);

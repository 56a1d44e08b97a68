/**
 * "Did you mean" on a real vault: every `[[target]]` whose target names no note
 * (by file name or vault-relative path) gets suggestions from the index
 * (`NameIndex`) and from the plain scan it replaced (every name of similar length,
 * bound a third of the name's length); prints the time of each, how often they
 * agree, and examples where they differ.
 *
 *   npx tsx scripts/eval-suggest.ts <vault folder> [--examples N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { editDistance, NameIndex } from '../server/src/core/suggest.js';

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(path, out);
    else if (entry.name.toLowerCase().endsWith('.md')) out.push(path);
  }
  return out;
}

/** The suggestions of the scan this project used before the index: a third of the length, prefixes at the bound. */
function plainScan(names: readonly string[], name: string, limit = 3): string[] {
  const lower = name.toLowerCase();
  const max = Math.max(2, Math.floor(name.length / 3));
  const scored = new Map<string, number>();
  for (const c of names) {
    const other = c.toLowerCase();
    if (other === lower || Math.abs(other.length - lower.length) > max) continue;
    const d = editDistance(lower, other, max);
    if (d <= max) scored.set(c, d);
  }
  if (lower.length >= 3)
    for (const c of names)
      if (!scored.has(c) && c.toLowerCase() !== lower && (c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase())))
        scored.set(c, max);
  return [...scored]
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([c]) => c);
}

const [folder, ...rest] = process.argv.slice(2);
if (!folder) {
  process.stderr.write('usage: npx tsx scripts/eval-suggest.ts <vault folder> [--examples N]\n');
  process.exit(2);
}
const examples = rest[0] === '--examples' ? Number(rest[1]) : 8;
const files = markdownFiles(folder);
const paths = files.map((f) => relative(folder, f).replace(/\.md$/i, ''));
const stems = paths.map((p) => p.slice(p.lastIndexOf('/') + 1));
const known = new Set([...paths, ...stems].map((n) => n.toLowerCase()));
const names = [...new Set([...stems, ...paths])];
const unknown = new Set<string>();
for (const f of files) {
  for (const m of readFileSync(f, 'utf8').matchAll(/\[\[([^\]|#\n]+)/g)) {
    const target = m[1]!.trim();
    if (target && !known.has(target.toLowerCase()) && !known.has(target.toLowerCase().replace(/\.md$/, ''))) unknown.add(target);
  }
}
const targets = [...unknown];
let t = performance.now();
const index = new NameIndex(names);
const fromIndex = targets.map((q) => index.closest(q));
const indexMs = performance.now() - t;
t = performance.now();
const fromScan = targets.map((q) => plainScan(names, q));
const scanMs = performance.now() - t;
let same = 0;
let onlyFar = 0;
const differing: string[] = [];
targets.forEach((q, i) => {
  const a = fromIndex[i]!.join(', ');
  const b = fromScan[i]!.join(', ');
  if (a === b) same++;
  else {
    // The scan found something the index does not offer only at three or more edits.
    if (fromScan[i]!.every((s) => fromIndex[i]!.includes(s) || editDistance(q, s) >= 3)) onlyFar++;
    if (differing.length < examples) differing.push(`  ${JSON.stringify(q)}\n    index: ${a || '–'}\n    scan:  ${b || '–'}`);
  }
});
console.log(`${files.length} notes, ${names.length} names (file names and vault paths), ${unknown.size} distinct unknown targets`);
console.log(
  `index: ${indexMs.toFixed(0)} ms ` +
    `(${((indexMs * 1000) / Math.max(1, targets.length)).toFixed(0)} µs per name); plain ` +
    `scan: ${scanMs.toFixed(0)} ms`,
);
console.log(
  `same suggestions: ${same} of ${targets.length}; differing only by suggestions three or more edits away (or their ties): ${onlyFar}`,
);
if (differing.length > 0) console.log(`examples:\n${differing.join('\n')}`);

/**
 * The line reading of notes (`parse/blocks.ts`) against the Markdown parser on real
 * folders: for every `.md` file, whether the line reading takes it and, where it does,
 * whether it finds what the parser finds (excluded spans, prose blocks, headings, front
 * matter, link reference definitions, as the property test compares them); what sends
 * the rest to the parser, by count and size.
 *
 *   npm run eval:reading -- FOLDER...
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { readBlocksOrWhyNot } from '../server/src/core/parse/blocks.js';
import { markdownStructure } from '../server/src/core/parse/tree.js';

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('usage: npm run eval:reading -- FOLDER...');
  process.exit(2);
}

let files = 0;
let bytes = 0;
let parserBytes = 0;
let compared = 0;
const differ: string[] = [];
const reasons = new Map<string, { files: number; bytes: number }>();

function visit(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) visit(path);
    else if (entry.isFile() && entry.name.endsWith('.md')) read(path);
  }
}

function read(path: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return;
  }
  files++;
  bytes += text.length;
  const fast = readBlocksOrWhyNot(text);
  if (typeof fast === 'string') {
    const r = reasons.get(fast) ?? { files: 0, bytes: 0 };
    r.files++;
    r.bytes += text.length;
    reasons.set(fast, r);
    parserBytes += text.length;
    return;
  }
  const parsed = markdownStructure(text);
  compared++;
  const same =
    isDeepStrictEqual(fast.excluded, parsed.excluded) &&
    isDeepStrictEqual(fast.blocks, parsed.blocks) &&
    isDeepStrictEqual(fast.headings, parsed.headings) &&
    isDeepStrictEqual(fast.frontMatter, parsed.frontMatter) &&
    isDeepStrictEqual(fast.definitions ?? [], parsed.definitions ?? []);
  if (!same) differ.push(path);
}

for (const folder of folders) visit(folder);
const mb = (n: number) => (n / 1e6).toFixed(1);
console.log(`${files} Markdown files, ${mb(bytes)} MB`);
console.log(
  `read by the line reading: ${compared} (${((100 * compared) / Math.max(1, files)).toFixed(1)} %), ${mb(bytes - parserBytes)} MB`,
);
console.log(`  of which found otherwise than the parser finds: ${differ.length}`);
for (const path of differ.slice(0, 20)) console.log(`    ${path}`);
console.log(`left to the parser: ${files - compared} files, ${mb(parserBytes)} MB, because of`);
for (const [why, r] of [...reasons].sort((a, b) => b[1].files - a[1].files))
  console.log(`  ${String(r.files).padStart(6)} files ${mb(r.bytes).padStart(6)} MB  ${why}`);

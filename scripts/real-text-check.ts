/**
 * Checks two robustness changes against real text nobody on the project wrote:
 * - YAML nesting: how deep the front matter of real notes nests (the bound refuses
 *   more than 100 levels), and that every front matter reads as `yaml`'s `parse`
 *   reads it;
 * - sentences segmented in windows equal sentences of the whole paragraph, on every
 *   paragraph of the notes and on long paragraphs made of a whole book's chapters,
 *   and how long each way takes.
 *
 *   npx tsx scripts/real-text-check.ts <folder of .md files> [<plain-text book>]
 *
 * The README's Robustness section names the data and the commits used.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, Parser, type CST } from 'yaml';
import { blankLineBlocks } from '../server/src/core/parse/note.js';
import { sentencesIn } from '../server/src/core/parse/sentences.js';
import { MAX_YAML_NESTING, parseYamlBounded, yamlValue } from '../server/src/core/parse/yaml.js';

function* markdownFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* markdownFiles(path);
    else if (name.endsWith('.md')) yield path;
  }
}

/** Nesting of collections in the parser's syntax tree. */
function depthOf(text: string): number {
  let max = 0;
  const stack: [CST.Token | null | undefined, number][] = [];
  for (const token of new Parser().parse(text)) if (token.type === 'document') stack.push([token.value, 0]);
  while (stack.length > 0) {
    const [t, d] = stack.pop()!;
    if (!t || (t.type !== 'block-map' && t.type !== 'block-seq' && t.type !== 'flow-collection')) continue;
    max = Math.max(max, d + 1);
    for (const item of t.items as { key?: CST.Token | null; value?: CST.Token }[]) stack.push([item.key, d + 1], [item.value, d + 1]);
  }
  return max;
}

function read(f: () => unknown): string {
  try {
    return JSON.stringify(f());
  } catch {
    return 'error';
  }
}

function frontMatter(folder: string): void {
  const depths = new Map<number, number>();
  let files = 0;
  let withFrontMatter = 0;
  let refused = 0;
  let differ = 0;
  for (const path of markdownFiles(folder)) {
    files++;
    const text = readFileSync(path, 'utf8');
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
    if (!m) continue;
    withFrontMatter++;
    const yaml = m[1]!;
    const depth = depthOf(yaml);
    depths.set(depth, (depths.get(depth) ?? 0) + 1);
    if ('tooDeepAt' in parseYamlBounded(yaml)) refused++;
    if (read(() => yamlValue(yaml)) !== read(() => parse(yaml, { maxAliasCount: 10 }))) differ++;
  }
  const histogram = [...depths]
    .sort((a, b) => a[0] - b[0])
    .map(([d, n]) => `${d}: ${n}`)
    .join(', ');
  console.log(
    `front matter: ${withFrontMatter} of ${files} notes; nesting depth (depth: notes) ${histogram}; ` +
      `refused over ${MAX_YAML_NESTING}: ${refused}; read differently from yaml's parse: ${differ}`,
  );
}

function compareSentences(label: string, paragraphs: { text: string; start: number; end: number }[]): void {
  let mismatches = 0;
  let sentences = 0;
  for (const p of paragraphs) {
    const whole = sentencesIn(p.text, p, Infinity);
    sentences += whole.length;
    for (const window of [64, 256, 2000]) if (JSON.stringify(sentencesIn(p.text, p, window)) !== JSON.stringify(whole)) mismatches++;
  }
  console.log(
    `${label}: ${paragraphs.length} paragraphs, ${sentences} sentences; windows of 64, 256 and ` +
      `2,000 characters that differ from the whole: ${mismatches}`,
  );
}

function notesSentences(folder: string): void {
  const paragraphs: { text: string; start: number; end: number }[] = [];
  for (const path of markdownFiles(folder)) {
    const text = readFileSync(path, 'utf8');
    for (const b of blankLineBlocks(text)) paragraphs.push({ text, start: b.start, end: b.end });
  }
  compareSentences('notes', paragraphs);
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function book(path: string): void {
  // One paragraph per chapter: a book's running text, as one long paragraph of a source.
  // The copy used is tokenised ("whale , and"): the space before punctuation is taken out.
  const text = readFileSync(path, 'utf8')
    .replace(/\r/g, '')
    .replace(/ ([.,;:!?])/g, '$1');
  const lines = text.split('\n');
  const chapters: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (/^(CHAPTER|Chapter) \d+/.test(line) && current.length > 0) {
      chapters.push(current.join(' '));
      current = [];
    }
    if (line.trim()) current.push(line.trim());
  }
  chapters.push(current.join(' '));
  const joined = chapters.join('\n\n');
  compareSentences(
    `book, one paragraph per chapter (${chapters.length})`,
    blankLineBlocks(joined).map((b) => ({ text: joined, start: b.start, end: b.end })),
  );
  const all = chapters.join(' ');
  for (const kb of [60, 120, 240]) {
    const span = { start: 0, end: Math.min(all.length, kb * 1024) };
    let t = cpu();
    const whole = sentencesIn(all, span, Infinity).length;
    const wholeMs = cpu() - t;
    t = cpu();
    const windowed = sentencesIn(all, span).length;
    console.log(
      `book as one ${kb} KB paragraph: whole ${Math.round(wholeMs)} ms CPU (${whole} sentences), in ` +
        `windows ${Math.round(cpu() - t)} ms CPU (${windowed} sentences)`,
    );
  }
  const t = cpu();
  const n = sentencesIn(all, { start: 0, end: all.length }).length;
  console.log(`book as one ${Math.round(all.length / 1024)} KB paragraph, in windows: ${Math.round(cpu() - t)} ms CPU (${n} sentences)`);
}

const [folder, bookPath] = process.argv.slice(2);
if (!folder) {
  console.error('usage: npx tsx scripts/real-text-check.ts <folder of .md files> [<plain-text book>]');
  process.exit(2);
}
frontMatter(folder);
notesSentences(folder);
if (bookPath) book(bookPath);

// Generates the labelled date corpus (test/fixtures/dates/corpus.json) deterministically:
// short news-style documents with a date line and date mentions, some clean, some with a
// systematic corruption of the weekday, day, month or year. Each label is the truth of
// the written text (computed from the calendar), not the checker's output.
// Run: npx tsx scripts/make-date-corpus.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SUBJECTS = ['The minister', 'A spokesperson', 'The committee', 'Her office', 'The company', 'Officials', 'The mayor', 'Negotiators'];
const VERBS = [
  'announced the plan',
  'met the delegation',
  'signed the agreement',
  'published the figures',
  'held a briefing',
  'confirmed the talks',
  'rejected the offer',
];

let seed = 20211207;
function rand(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const wd = (t: Date) => t.getUTCDay();
const shift = (t: Date, n: number) => new Date(t.getTime() + n * 86400000);
const mdy = (t: Date) => `${MONTHS[t.getUTCMonth()]} ${t.getUTCDate()}`;

export interface Label {
  /** The mention's text, found by its first occurrence after `after` characters. */
  text: string;
  codes: string[];
}
export interface Doc {
  id: string;
  text: string;
  labels: Label[];
}

const docs: Doc[] = [];
for (let i = 0; i < 110; i++) {
  const y = 2012 + Math.floor(rand() * 13);
  const ref = day(y, 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28));
  const lines = [`${mdy(ref)}, ${y}`, ''];
  const labels: Label[] = [];
  // A clean full date a few days before the date line, and a clean year-less date: a timeline.
  const a = shift(ref, -(2 + Math.floor(rand() * 4)));
  const fa = `${WEEKDAYS[wd(a)]}, ${mdy(a)}, ${a.getUTCFullYear()}`;
  lines.push(`${pick(SUBJECTS)} ${pick(VERBS)} on ${fa}.`);
  labels.push({ text: fa, codes: [] });
  const b = shift(ref, -1);
  const fb = `${WEEKDAYS[wd(b)]}, ${mdy(b)}`;
  lines.push(`${pick(SUBJECTS)} said on ${fb} that the work was done.`);
  labels.push({ text: fb, codes: [] });
  // One more mention: clean or corrupted.
  const kind = i % 7;
  const c = shift(ref, -(1 + Math.floor(rand() * 3)));
  if (kind === 0) {
    const t = `${WEEKDAYS[wd(c)]}, ${mdy(c)}`;
    lines.push(`${pick(SUBJECTS)} ${pick(VERBS)} on ${t}.`);
    labels.push({ text: t, codes: [] });
  } else if (kind === 1) {
    // Weekday corrupted: the date stays in context.
    const w = (wd(c) + 1 + Math.floor(rand() * 6)) % 7;
    const t = `${WEEKDAYS[w]}, ${mdy(c)}`;
    lines.push(`${pick(SUBJECTS)} ${pick(VERBS)} on ${t}.`);
    labels.push({ text: t, codes: ['GN020'] });
  } else if (kind === 2) {
    // Month corrupted, weekday kept: out of context and (usually) the wrong weekday.
    const back = 2 + Math.floor(rand() * 3);
    const m = ((c.getUTCMonth() - back + 12) % 12) + 1;
    const wy = m <= c.getUTCMonth() + 1 ? c.getUTCFullYear() : c.getUTCFullYear() - 1;
    const valid = c.getUTCDate() <= new Date(Date.UTC(wy, m, 0)).getUTCDate();
    if (!valid) continue;
    const written = day(wy, m, c.getUTCDate());
    const t = `${WEEKDAYS[wd(c)]}, ${MONTHS[m - 1]} ${c.getUTCDate()}`;
    lines.push(`${pick(SUBJECTS)} ${pick(VERBS)} on ${t}.`);
    labels.push({ text: t, codes: wd(written) === wd(c) ? [] : ['GN020', 'GN021'] });
  } else if (kind === 3) {
    // Day corrupted past the end of its month.
    const m = pick([2, 4, 6, 9, 11]);
    const d = m === 2 ? 30 : 31;
    const t = `${MONTHS[m - 1]} ${d}`;
    lines.push(`${pick(SUBJECTS)} set a deadline of ${t}.`);
    labels.push({ text: t, codes: ['GN024'] });
  } else if (kind === 4) {
    // Year corrupted in a full date.
    const wrongYear = c.getUTCFullYear() - 1 - Math.floor(rand() * 3);
    const written = day(wrongYear, c.getUTCMonth() + 1, c.getUTCDate());
    const t = `${WEEKDAYS[wd(c)]}, ${mdy(c)}, ${wrongYear}`;
    lines.push(`${pick(SUBJECTS)} ${pick(VERBS)} on ${t}.`);
    labels.push({ text: t, codes: wd(written) === wd(c) ? [] : ['GN020'] });
  } else if (kind === 5) {
    // Things that look like dates and are not to be flagged.
    lines.push(`${pick(SUBJECTS)} may 3 times revise the form dated 03/04/${y}, as in March ${y}.`);
    const fri = `${WEEKDAYS[wd(c)]}`;
    lines.push(`They spoke again on ${fri}.`);
    labels.push({ text: `March ${y}`, codes: [] });
    labels.push({ text: fri, codes: [] });
  } else {
    // A backwards range, or a forward one.
    const back = rand() < 0.5;
    const from = `${MONTHS[c.getUTCMonth()]} ${back ? 20 : 5}`;
    const t = `${from}–${back ? 12 : 9}`;
    lines.push(`The hearings ran ${t}.`);
    labels.push({ text: t, codes: back ? ['GN024'] : [] });
  }
  docs.push({ id: `corpus-${String(i).padStart(3, '0')}`, text: lines.join('\n') + '\n', labels });
}
const out = join(import.meta.dirname, '../test/fixtures/dates/corpus.json');
writeFileSync(out, JSON.stringify(docs, null, 1) + '\n');
const mentions = docs.reduce((n, d) => n + d.labels.length, 0);
console.log(`${docs.length} documents, ${mentions} labelled mentions → ${out}`);

// Prints the real-text figures of `npm run eval:dates -- --timeml DIR` and
// `-- --announcements DIR` (see realText.ts for what each figure means).
import { readAnnouncementsDir, readTimemlDir } from './readers.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flagScore, withWeekdays, writtenPairs, yearAccuracy, type FlagScore, type Reviewed, type YearScore } from './realText.js';

const reviewed = (JSON.parse(readFileSync(join(import.meta.dirname, 'reviewed.json'), 'utf8')) as { errors: Reviewed[] }).errors;

const pct = (a: number, b: number) => (b === 0 ? '  –' : `${((100 * a) / b).toFixed(1)} %`);

function printFlags(name: string, s: FlagScore, verbose: boolean): { perHundred: number; precision: number; recall: number } {
  const broken = Object.values(s.broken);
  const total = broken.reduce((n, b) => n + b.total, 0);
  const found = broken.reduce((n, b) => n + b.found, 0);
  const falseFlags = s.falseFlags.length;
  const perHundred = s.mentions ? (100 * falseFlags) / s.mentions : 0;
  const precision = found + falseFlags + s.newFalse > 0 ? found / (found + falseFlags + s.newFalse) : 1;
  const recall = total ? found / total : 1;
  console.log(`${name}: ${s.mentions} weekday+date mentions`);
  console.log(
    `  false flags on the unmodified text: ${falseFlags} (${perHundred.toFixed(1)} per 100 ` +
      `mentions)${falseFlags ? ': ' + countBy(s.falseFlags.map((f) => f.code)) : ''}`,
  );
  if (s.rightFlags.length)
    console.log(
      `  flags on dates the text itself gets wrong (a weekday that disagrees with a date written with its year, ` +
        `or reviewed in scripts/dates-eval/reviewed.json): ${s.rightFlags.length}: ${countBy(s.rightFlags.map((f) => f.code))}`,
    );

  for (const [kind, b] of Object.entries(s.broken))
    console.log(
      `  broken copies, ${kind.padEnd(16)} ${String(b.found).padStart(5)} / ${String(b.total).padEnd(5)} found (${pct(b.found, b.total)})`,
    );
  console.log(`  new false flags in broken copies: ${s.newFalse}`);
  console.log(`  precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`);
  if (verbose) {
    for (const f of s.falseFlags) console.log(`    FLAG ${f.doc} ${f.code} ${f.message}\n         ${f.context}`);
    for (const f of s.rightFlags) console.log(`    RIGHT ${f.doc} ${f.code} ${f.message}\n         ${f.context}`);
    for (const m of s.misses) console.log(`    MISS ${m}`);
  }
  return { perHundred, precision, recall };
}

function countBy(xs: string[]): string {
  const c = new Map<string, number>();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  return [...c].map(([k, n]) => `${k} ×${n}`).join(', ');
}

function printYears(label: string, s: YearScore, verbose: boolean): number {
  console.log(`  ${label}: ${s.right} / ${s.total} right (${pct(s.right, s.total)}); found ${s.found}`);
  if (verbose) for (const m of s.misses) console.log(`    MISS ${m}`);
  return s.total ? s.right / s.total : 1;
}

export interface RealFigures {
  monthDay?: number;
  weekday?: number;
  perHundred: number;
  precision: number;
  recall: number;
}

/** TimeML / MEANTIME corpora: year accuracy against gold, then weekdays written next to the gold dates. */
export async function timemlReport(dirs: string[], verbose: boolean): Promise<RealFigures> {
  const docs = dirs.flatMap((d) => readTimemlDir(d));
  console.log(`TimeML corpora: ${docs.length} documents with a creation date (${dirs.join(', ')})`);
  const years = await yearAccuracy(docs);
  const monthDay = printYears('year of year-less month-day dates', years.monthDay, verbose);
  const weekday = printYears('date of bare weekdays', years.weekday, verbose);
  const texts = docs.map((d) => ({ id: d.id, bodyStart: d.bodyStart, ...withWeekdays(d) })).filter((t) => t.mentions.length > 0);
  const flags = printFlags(`  weekdays written next to the gold dates (${texts.length} documents)`, await flagScore(texts), verbose);
  return { monthDay, weekday, ...flags };
}

/** Announcement-style documents: the authors' own weekday+date mentions. */
export async function announcementsReport(dirs: string[], verbose: boolean): Promise<RealFigures> {
  const docs = dirs.flatMap((d) => readAnnouncementsDir(d));
  const texts = docs
    .map((d) => ({ id: d.id, text: d.text, bodyStart: d.bodyStart, mentions: writtenPairs(d.text, d.bodyStart) }))
    .filter((t) => t.mentions.length > 0);
  console.log(`Announcements: ${docs.length} dated documents, ${texts.length} with weekday+date mentions (${dirs.join(', ')})`);
  return printFlags('  the authors’ weekday+date mentions', await flagScore(texts, reviewed), verbose);
}

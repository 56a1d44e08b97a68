// Measures the date checks on real text (see readers.ts): year accuracy against gold
// TIMEX3 values, false flags on unmodified text per 100 weekday+date mentions, and
// precision/recall on copies where one weekday+date mention is broken by script
// (weekday swapped, day moved, impossible day).
import { createNotesService, MemoryWorkspace } from '../../server/src/core/index.js';
import { defaultConfig } from '../../server/src/core/config.js';
import { datesOf } from '../../server/src/core/dates/index.js';
import type { DateMention } from '../../server/src/core/dates/types.js';
import type { Problem } from '../../server/src/core/types.js';
import { LineIndex } from '../../server/src/core/text.js';
import type { RealDoc } from './readers.js';

const ROOT = 'memory:///ws';
const FLAG_CODES = new Set(['GN020', 'GN021', 'GN022', 'GN023', 'GN024']);
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// The month words and their numbers are this script's own, not the checker's (dates/en.ts): the
// evaluation reads the text independently of the checker under test.
const MONTH_WORD =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const MONTH_DAY = new RegExp(`^(${MONTH_WORD})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b|^(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_WORD})`);
const WEEKDAY_WORD = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;
const BARE_WEEKDAY =
  /^(?:(?:on|last|next|this|early|late)\s+)?((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?:\s+(?:morning|afternoon|evening|night))?$/i;
/** Weekday+date as authors write it, found independently of the checker under test. */
const WRITTEN_PAIR = new RegExp(
  `\\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?\\s+(?:the\\s+)?` +
    `(?:(${MONTH_WORD})\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_WORD}))(?![\\d])`,
  'dg',
);

export interface Flag {
  doc: string;
  code: string;
  start: number;
  message: string;
  context: string;
}

/** A weekday+date mention: where its weekday and day stand, and the date it names. */
export interface PairMention {
  start: number;
  end: number;
  weekday: { start: number; end: number; value: number };
  day: { start: number; end: number; value: number };
  month: number;
  /** The true date (gold), when known. */
  date?: { y: number; m: number; d: number };
}

interface Checked {
  problems: Problem[];
  offsets: { code: string; start: number; end: number; message: string }[];
  mentions: DateMention[];
}

/** Runs the checker on documents as sources of one workspace; returns, per doc id, its date problems and mentions. */
export async function check(docs: { id: string; text: string }[]): Promise<Map<string, Checked>> {
  const files: Record<string, string> = {};
  const uris = new Map<string, string>();
  docs.forEach((d, i) => {
    const path = `sources/d${String(i).padStart(5, '0')}_x.txt`;
    files[path] = d.text;
    uris.set(d.id, `${ROOT}/${path}`);
  });
  const service = createNotesService({
    workspace: new MemoryWorkspace([ROOT], files),
    config: { ...defaultConfig, maxFileSize: 50 * 1024 * 1024 },
  });
  await service.initialize();
  const all = service.allProblems();
  const out = new Map<string, Checked>();
  for (const d of docs) {
    const uri = uris.get(d.id)!;
    const lines = new LineIndex(d.text);
    const problems = (all.get(uri) ?? []).filter((p) => FLAG_CODES.has(p.code));
    const offsets = problems.map((p) => ({
      code: p.code,
      start: lines.offsetAt(p.range.start),
      end: lines.offsetAt(p.range.end),
      message: p.message,
    }));
    out.set(d.id, { problems, offsets, mentions: datesOf(service.view, uri)?.mentions ?? [] });
  }
  return out;
}

function monthNumber(word: string): number {
  const key = word.slice(0, 3).toLowerCase();
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(key) + 1;
}

function fullDate(value: string): { y: number; m: number; d: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : undefined;
}

function weekdayOf(c: { y: number; m: number; d: number }): number {
  return new Date(Date.UTC(c.y, c.m - 1, c.d)).getUTCDay();
}

function daysIn(m: number, y: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function context(text: string, start: number, end: number): string {
  return (text.slice(Math.max(0, start - 70), start) + '⟦' + text.slice(start, end) + '⟧' + text.slice(end, end + 50)).replace(/\s+/g, ' ');
}

export interface YearScore {
  total: number;
  right: number;
  found: number;
  misses: string[];
}

/** Year accuracy of year-less month-day dates, and date accuracy of bare weekdays, against gold TIMEX3 values. */
export async function yearAccuracy(docs: RealDoc[]): Promise<{ monthDay: YearScore; weekday: YearScore }> {
  const checked = await check(docs);
  const monthDay: YearScore = { total: 0, right: 0, found: 0, misses: [] };
  const weekday: YearScore = { total: 0, right: 0, found: 0, misses: [] };
  for (const doc of docs) {
    const mentions = checked.get(doc.id)!.mentions;
    const overlapping = (s: number, e: number, kind: string) => mentions.find((m) => m.kind === kind && m.start < e && s < m.end);
    for (const t of doc.gold) {
      const gold = fullDate(t.value);
      if (!gold || (t.type !== 'DATE' && t.type !== 'TIME')) continue;
      const text = t.text.replace(/\s+/g, ' ').trim();
      const md = MONTH_DAY.exec(
        text.replace(/^(?:(?:on|last|next|this)\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?)?/i, ''),
      );
      if (md && !/\b\d{4}\b/.test(text)) {
        const month = monthNumber(md[1] ?? md[4]!);
        const day = Number(md[2] ?? md[3]);
        // The annotators' value names the written month and day (else the TIMEX3 is not this date).
        if (month !== gold.m || day !== gold.d) continue;
        monthDay.total++;
        const m = overlapping(t.start, t.end, 'date');
        if (m) monthDay.found++;
        if (m?.resolved?.y === gold.y) monthDay.right++;
        else
          monthDay.misses.push(
            `${doc.id} (DCT ${doc.dct}): gold ${t.value.slice(0, 10)}, ` +
              `got ${m?.resolved ? m.resolved.y : 'nothing'}: ${context(doc.text, t.start, t.end)}`,
          );
        continue;
      }
      const bare = BARE_WEEKDAY.exec(text);
      if (bare && weekdayOf(gold) === WEEKDAYS.findIndex((w) => w.toLowerCase() === bare[1]!.toLowerCase())) {
        weekday.total++;
        // A weekday the checker read as part of a full date ("Thursday, Jan. 6") counts with that date.
        const m = overlapping(t.start, t.end, 'weekday') ?? overlapping(t.start, t.end, 'date');
        if (m) weekday.found++;
        const got = m?.resolved;
        if (got && got.y === gold.y && got.m === gold.m && got.d === gold.d) weekday.right++;
        else
          weekday.misses.push(
            `${doc.id} (DCT ${doc.dct}): gold ${t.value.slice(0, 10)}, ` +
              `got ${got ? `${got.y}-${got.m}-${got.d}` : 'nothing'}: ${context(doc.text, t.start, t.end)}`,
          );
      }
    }
  }
  return { monthDay, weekday };
}

/**
 * The same documents with the right weekday written before each gold month-day date
 * ("March 22" → "Friday, March 22"), as a writer who names the weekday would; and the
 * weekday+date mentions of the result.
 */
export function withWeekdays(doc: RealDoc): { text: string; mentions: PairMention[] } {
  const inserts: { at: number; weekday: string; len: number; date: { y: number; m: number; d: number }; monthFirst: boolean }[] = [];
  const existing: PairMention[] = [];
  for (const t of doc.gold) {
    const gold = fullDate(t.value);
    if (!gold || (t.type !== 'DATE' && t.type !== 'TIME')) continue;
    const text = doc.text.slice(t.start, t.end);
    if (WEEKDAY_WORD.test(text)) continue;
    const lead = /^(?:(?:on|early|late|mid)\s+)?/i.exec(text)![0].length;
    const md = MONTH_DAY.exec(text.slice(lead));
    if (!md || monthNumber(md[1] ?? md[4]!) !== gold.m || Number(md[2] ?? md[3]) !== gold.d) continue;
    // Not already preceded by a weekday ("Friday, <TIMEX3>March 22</TIMEX3>").
    if (WEEKDAY_WORD.test(doc.text.slice(Math.max(0, t.start + lead - 12), t.start + lead))) continue;
    inserts.push({ at: t.start + lead, weekday: WEEKDAYS[weekdayOf(gold)]!, len: md[0].length, date: gold, monthFirst: !!md[1] });
  }
  inserts.sort((a, b) => a.at - b.at);
  let text = '';
  let from = 0;
  const mentions: PairMention[] = [];
  for (const ins of inserts) {
    if (ins.at < from) continue;
    text += doc.text.slice(from, ins.at);
    const wStart = text.length;
    text += `${ins.weekday}, `;
    const dateStart = text.length;
    const written = doc.text.slice(ins.at, ins.at + ins.len);
    text += written;
    from = ins.at + ins.len;
    const dayMatch = ins.monthFirst ? /(\d{1,2})(?:st|nd|rd|th)?$/.exec(written)! : /^(\d{1,2})/.exec(written)!;
    const dayStart = dateStart + dayMatch.index;
    mentions.push({
      start: wStart,
      end: text.length,
      weekday: { start: wStart, end: wStart + ins.weekday.length, value: weekdayOf(ins.date) },
      day: { start: dayStart, end: dayStart + dayMatch[1]!.length, value: ins.date.d },
      month: ins.date.m,
      date: ins.date,
    });
  }
  text += doc.text.slice(from);
  return { text, mentions: [...mentions, ...existing].sort((a, b) => a.start - b.start) };
}

/** Weekday+date mentions as the authors wrote them (announcements: no gold). */
export function writtenPairs(text: string, from = 0): PairMention[] {
  const out: PairMention[] = [];
  for (const m of text.matchAll(WRITTEN_PAIR)) {
    if (m.index < from) continue;
    const dayGroup = m[3] !== undefined ? 3 : 4;
    const [dayStart, dayEnd] = m.indices![dayGroup]!;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      weekday: { start: m.index, end: m.index + m[1]!.length, value: WEEKDAYS.indexOf(m[1]!) },
      day: { start: dayStart, end: dayEnd, value: Number(m[dayGroup]) },
      month: monthNumber(m[2] ?? m[5]!),
    });
  }
  return out;
}

/** A mention the text itself gets wrong, reviewed by hand (see reviewed.json). */
export interface Reviewed {
  doc: string;
  mention: string;
  why: string;
}

export type Break = 'weekday swapped' | 'day moved' | 'impossible day';

/** One broken copy: the text with one mention changed, and the span the checker must flag. */
export function breakMention(
  text: string,
  m: PairMention,
  kind: Break,
  seed: number,
): { text: string; span: { start: number; end: number }; expect: string[] } | undefined {
  const replace = (s: { start: number; end: number }, by: string) => ({
    text: text.slice(0, s.start) + by + text.slice(s.end),
    delta: by.length - (s.end - s.start),
  });
  if (kind === 'weekday swapped') {
    const w = WEEKDAYS[(m.weekday.value + 1 + (seed % 6)) % 7]!;
    const r = replace(m.weekday, w);
    return { text: r.text, span: { start: m.start, end: m.end + r.delta }, expect: ['GN020', 'GN021'] };
  }
  const maxDays = daysIn(m.month, m.date?.y ?? 2001);
  if (kind === 'day moved') {
    const step = 1 + (seed % 3);
    const d = m.day.value + step <= maxDays ? m.day.value + step : m.day.value - step;
    const r = replace(m.day, String(d));
    return { text: r.text, span: { start: m.start, end: m.end + r.delta }, expect: ['GN020', 'GN021'] };
  }
  // An impossible day exists only in months shorter than 31 days.
  if (maxDays === 31) return undefined;
  const r = replace(m.day, String(m.month === 2 ? 30 : 31));
  return { text: r.text, span: { start: m.start, end: m.end + r.delta }, expect: ['GN024'] };
}

export interface FlagScore {
  mentions: number;
  falseFlags: Flag[];
  /** Flags on mentions the texts themselves get wrong (reviewed.json): right, not false. */
  rightFlags: Flag[];
  broken: Record<Break, { total: number; found: number }>;
  /** Flags in broken copies that are neither the break nor a flag of the unmodified text. */
  newFalse: number;
  misses: string[];
}

/** False flags on the unmodified texts, and recall on one-break copies of each mention. */
export async function flagScore(
  texts: { id: string; text: string; bodyStart: number; mentions: PairMention[] }[],
  reviewed: Reviewed[] = [],
): Promise<FlagScore> {
  const base = await check(texts);
  const score: FlagScore = {
    mentions: 0,
    falseFlags: [],
    rightFlags: [],
    broken: { 'weekday swapped': { total: 0, found: 0 }, 'day moved': { total: 0, found: 0 }, 'impossible day': { total: 0, found: 0 } },
    newFalse: 0,
    misses: [],
  };
  const copies: {
    id: string;
    text: string;
    span: { start: number; end: number };
    expect: string[];
    kind: Break;
    at: number;
    delta: number;
    of: string;
  }[] = [];
  let seed = 0;
  for (const t of texts) {
    score.mentions += t.mentions.length;
    for (const f of base.get(t.id)!.offsets) {
      if (f.start < t.bodyStart && f.code !== 'GN023') continue;
      const flag = { doc: t.id, code: f.code, start: f.start, message: f.message, context: context(t.text, f.start, f.end) };
      const written = t.text.slice(f.start, f.end).replace(/\s+/g, ' ');
      // A weekday that disagrees with a date written with its year is wrong in the text itself.
      const fullDate = f.code === 'GN020' && /\b\d{4}\b/.test(written);
      const known = fullDate || reviewed.some((r) => (t.id.endsWith(r.doc) || r.doc.endsWith(t.id)) && written.startsWith(r.mention));
      (known ? score.rightFlags : score.falseFlags).push(flag);
    }
    for (const m of t.mentions) {
      for (const kind of ['weekday swapped', 'day moved', 'impossible day'] as Break[]) {
        const b = breakMention(t.text, m, kind, seed++);
        if (!b) continue;
        copies.push({
          id: `${t.id}#${copies.length}`,
          text: b.text,
          span: b.span,
          expect: b.expect,
          kind,
          at: m.end,
          delta: b.text.length - t.text.length,
          of: t.id,
        });
      }
    }
  }
  // Check the copies in batches: one workspace per batch.
  for (let i = 0; i < copies.length; i += 200) {
    const batch = copies.slice(i, i + 200);
    const got = await check(batch);
    for (const c of batch) {
      const flags = got.get(c.id)!.offsets;
      score.broken[c.kind].total++;
      const hit = flags.some((f) => c.expect.includes(f.code) && f.start < c.span.end && c.span.start < f.end);
      if (hit) score.broken[c.kind].found++;
      else score.misses.push(`${c.kind}: ${context(c.text, c.span.start, c.span.end)}`);
      const before = new Set(base.get(c.of)!.offsets.map((f) => `${f.code}@${f.start}`));
      for (const f of flags) {
        if (f.start < c.span.end && c.span.start < f.end) continue;
        const original = f.start >= c.at ? f.start - c.delta : f.start;
        if (!before.has(`${f.code}@${original}`)) {
          score.newFalse++;
          score.misses.push(`NEW ${f.code} in a copy (${c.kind}): ${f.message} — ${context(c.text, f.start, f.end)}`);
        }
      }
    }
  }
  return score;
}

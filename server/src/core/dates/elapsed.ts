/**
 * What a text's own words say about its date (GN023): "nearly 10 months since Russia
 * invaded Ukraine" together with "Russia invaded Ukraine on February 24 of this year"
 * puts the text in December. Only phrases that count to the text's own present do so:
 * "N months since …", or "N days after …" tied to "now"/"today"; "on May 3, 40 days
 * after the flood" dates May 3, and "ten years after the treaty took effect on July 1"
 * dates its own sentence.
 */
import { lastStartingAtOrBefore } from '../text.js';
import type { Span } from '../types.js';
import { addDays, addMonths, dayNumber, type CalendarDate } from './calendar.js';
import { sentenceAt } from './segment.js';
import type { DateLanguage, DateMention, ElapsedMention } from './types.js';

export interface ImpliedDate {
  date: CalendarDate;
  elapsed: ElapsedMention;
  event: DateMention;
  /** Days either way the phrase allows ("nearly 10 months": a quarter of the span, at least a month). */
  tolerance: number;
}

const STOP = new Set([
  'since',
  'after',
  'their',
  'there',
  'which',
  'these',
  'those',
  'about',
  'would',
  'could',
  'should',
  'being',
  'where',
  'while',
  'other',
  'first',
  'years',
  'months',
  'weeks',
]);
/** A word found in more sentences than this identifies no event. */
const COMMON = 50;
const PAST_PERFECT = /\bhad\s+(?:been|passed|elapsed)\s+(?:\w+\s+)?$/i;

const ANNIVERSARY = /\banniversary\b/i;

function sentenceText(text: string, sentences: readonly Span[], m: Span): string {
  const s = sentenceAt(sentences, m.start) ?? m;
  return text.slice(s.start, Math.min(s.end, s.start + 600));
}

function contentWords(s: string): string[] {
  return [...new Set((s.toLowerCase().match(/[a-z]{5,}/g) ?? []).filter((w) => !STOP.has(w)).map((w) => w.replace(/(ed|ing|s)$/, '')))];
}

/** The date a phrase implies for the text, counted from the event date it names. */
function counted(e: ElapsedMention, from: CalendarDate): CalendarDate {
  if (e.unit === 'day') return addDays(from, e.amount);
  if (e.unit === 'week') return addDays(from, 7 * e.amount);
  return addMonths(from, e.unit === 'month' ? e.amount : 12 * e.amount);
}

/** The dates the text implies for itself, one per phrase that counts to its present and names a dated event. */
export function impliedDates(
  text: string,
  lang: DateLanguage,
  sentences: readonly Span[],
  mentions: DateMention[],
  elapsed: ElapsedMention[],
  stated?: CalendarDate,
): ImpliedDate[] {
  // An event counted from lies before the text; an anniversary's date is not the event's.
  const dated = mentions.filter(
    (m) =>
      m.kind === 'date' &&
      m.resolved &&
      (!stated || dayNumber(m.resolved) < dayNumber(stated)) &&
      !ANNIVERSARY.test(sentenceText(text, sentences, m)),
  );
  // Words of each dated sentence → the dates there, so each phrase looks up only its own words.
  const byWord = new Map<string, DateMention[]>();
  for (const m of dated) {
    for (const w of contentWords(sentenceText(text, sentences, m))) {
      const list = byWord.get(w) ?? [];
      if (list.length <= COMMON) list.push(m);
      byWord.set(w, list);
    }
  }
  const out: ImpliedDate[] = [];
  for (const e of elapsed) {
    const s = sentenceAt(sentences, e.start) ?? e;
    const before = text.slice(Math.max(s.start, e.start - 80), e.start);
    if (e.relation === 'after' && !lang.anchoredToNow(before)) continue;
    if (PAST_PERFECT.test(before)) continue;
    // "On May 3, 40 days since the flood": the phrase dates the date before it, not the text.
    const prior = dated[lastStartingAtOrBefore(dated, e.start - 1)];
    if (prior && prior.start >= s.start && prior.end <= e.start && e.start - prior.end < 40) continue;
    const event = eventDate(e, dated, byWord);
    if (!event) continue;
    const unitDays = { day: 1, week: 7, month: 30, year: 365 }[e.unit];
    out.push({ date: counted(e, event.resolved!), elapsed: e, event, tolerance: Math.max(31, 0.25 * e.amount * unitDays) });
  }
  return out;
}

/** The date of the phrase's event: a date inside its words, else the date whose sentence shares most of them. */
function eventDate(e: ElapsedMention, dated: DateMention[], byWord: Map<string, DateMention[]>): DateMention | undefined {
  const last = dated[lastStartingAtOrBefore(dated, e.end - 1)];
  if (last && last.start >= e.end - e.event.length && last.end <= e.end) return last;
  const scores = new Map<DateMention, number>();
  for (const w of contentWords(e.event.slice(0, 60))) {
    const list = byWord.get(w);
    if (!list || list.length > COMMON) continue;
    for (const m of list) if (m.start < e.start || m.start >= e.end) scores.set(m, (scores.get(m) ?? 0) + 1);
  }
  let best: { m: DateMention; score: number } | undefined;
  for (const [m, score] of scores)
    if (score >= 2 && (!best || score > best.score || (score === best.score && m.start < best.m.start))) best = { m, score };
  return best?.m;
}

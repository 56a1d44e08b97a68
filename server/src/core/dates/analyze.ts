/**
 * Date analysis of one document: mentions found outside what is never date evidence
 * (URLs, code, paths), resolved against their reference time (SPEC §4), the document's
 * timeline, the date its own text implies, and the findings GN020, GN021, GN023, GN024.
 * Pure and linear in the text: the caller supplies the document date and any context
 * from cited sources.
 */
import type { Span } from '../types.js';
import { lastStartingAtOrBefore } from '../text.js';
import { addDays, dayNumber, daysInMonth, formatDate, formatSpan, formatWithWeekday, fromDayNumber, isValid, weekdayOf, WEEKDAY_NAMES, MONTH_NAMES, type CalendarDate } from './calendar.js';
import { english } from './en.js';
import { impliedDates, type ImpliedDate } from './elapsed.js';
import { notDateEvidence } from './mask.js';
import { resolveMentions, type Reference } from './resolve.js';
import type { DateLanguage, DateMention, ElapsedMention, RangeMention } from './types.js';

export { yearFor, weekdayNear, type Reference } from './resolve.js';

export interface DateFix {
  title: string;
  span: Span;
  newText: string;
}

export interface DateFinding {
  code: 'GN020' | 'GN021' | 'GN023' | 'GN024';
  span: Span;
  message: string;
  fixes: DateFix[];
  /** Other places in the same document that explain the finding. */
  related?: { span: Span; message: string }[];
}

export interface Timeline {
  start?: CalendarDate;
  end?: CalendarDate;
  /** How many explicit, consistent dates of the text make the span. */
  count: number;
}

export interface DateAnalysis {
  mentions: DateMention[];
  elapsed: ElapsedMention[];
  timeline: Timeline;
  findings: DateFinding[];
  /** Sentences as the date checks split them (abbreviation-aware). */
  sentences: Span[];
  /** When the text contradicts its stated date (GN023): the date it implies, which its year-less dates were resolved against. */
  implied?: { date: CalendarDate; basis: string };
}

export interface AnalyzeOptions {
  /** The document's own date (front matter, date line, title, file name). */
  documentDate?: Reference;
  /** The reference to use at an offset when nothing in the document precedes it (cited sources' dates). */
  fallbackAt?: (offset: number) => Reference | undefined;
  /** Timelines of the sources the document cites (GN021 in notes). */
  context?: Timeline[];
  /** Whether this is a source (GN023 checks its stated date). */
  isSource?: boolean;
  /** Spans to ignore (code, citations, quotations in notes). */
  ignore?: (span: Span) => boolean;
  language?: DateLanguage;
}

const EMPTY: DateAnalysis = { mentions: [], elapsed: [], timeline: { count: 0 }, findings: [], sentences: [] };
/** How far outside its context's span a date may lie before GN021 looks for a better date. */
const CONTEXT_MARGIN_DAYS = 3;

/** Analyses the dates of one text. */
export function analyzeDates(text: string, options: AnalyzeOptions = {}): DateAnalysis {
  const lang = options.language ?? english;
  if (!lang.mayHoldDates(text)) return EMPTY;
  const extracted = lang.extract(text, notDateEvidence(text));
  const mentions = options.ignore ? extracted.mentions.filter((m) => !options.ignore!(m)) : extracted.mentions;
  const kept = new Set(mentions);
  const ranges = extracted.ranges.filter((r) => kept.has(r.from) && kept.has(r.to));
  const sentences = lang.sentences(text);
  const breaks = [...text.matchAll(/\n[ \t]*\r?\n/g)].map((b) => ({ start: b.index, end: b.index + b[0].length }));
  const input = { text, lang, tense: lang.tenses(text), mentions, ranges, years: extracted.years, sentences, breaks, ...(options.documentDate ? { documentDate: options.documentDate } : {}), ...(options.fallbackAt ? { fallbackAt: options.fallbackAt } : {}) };
  resolveMentions(input);

  // A source whose own text contradicts its stated date is read against the date it implies.
  const stated = options.isSource ? options.documentDate : undefined;
  const contradiction = stated ? contradicted(text, lang, sentences, mentions, extracted.elapsed, stated) : undefined;
  let implied: DateAnalysis['implied'];
  if (contradiction) {
    implied = { date: contradiction.date, basis: `the date its own text implies (about ${MONTH_NAMES[contradiction.date.m - 1]} ${contradiction.date.y})` };
    for (const m of mentions) if (!m.year) delete m.resolved;
    resolveMentions({ ...input, documentDate: implied });
  }

  const timeline = timelineOf(mentions, implied?.date ?? options.documentDate?.date);
  const findings: DateFinding[] = [...impossibleDates(mentions), ...backwardRanges(ranges), ...weekdayFindings(text, mentions, [timeline, ...(options.context ?? [])])];
  if (stated && contradiction) findings.push(statedDateFinding(stated, contradiction));
  findings.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return { mentions, elapsed: extracted.elapsed, timeline, findings, sentences, ...(implied ? { implied } : {}) };
}

/** The day-precision dates that agree with their weekday, and the document date: the span they make. */
function timelineOf(mentions: DateMention[], documentDate?: CalendarDate): Timeline {
  let lo = Infinity;
  let hi = -Infinity;
  let count = 0;
  const add = (n: number) => {
    lo = Math.min(lo, n);
    hi = Math.max(hi, n);
  };
  for (const m of mentions) {
    if (m.kind !== 'date' || !m.resolved || (m.weekday && m.weekday.value !== weekdayOf(m.resolved))) continue;
    add(dayNumber(m.resolved));
    count++;
  }
  if (documentDate) add(dayNumber(documentDate));
  return lo <= hi ? { start: fromDayNumber(lo), end: fromDayNumber(hi), count } : { count };
}

/** GN024: days a month does not have ("April 31", "February 29, 2022"). */
function impossibleDates(mentions: DateMention[]): DateFinding[] {
  const out: DateFinding[] = [];
  for (const m of mentions) {
    if (m.kind !== 'date' || !m.month || !m.day) continue;
    const y = m.year?.value ?? m.resolved?.y;
    const max = daysInMonth(m.month.value, y);
    if (m.day.value >= 1 && m.day.value <= max) continue;
    const monthName = MONTH_NAMES[m.month.value - 1]!;
    const why = m.month.value === 2 && m.day.value === 29 && y !== undefined ? `${y} is not a leap year` : `${monthName}${m.month.value === 2 && y !== undefined ? ` ${y}` : ''} has ${max} days`;
    out.push({
      code: 'GN024',
      span: { start: Math.min(m.month.span.start, m.day.span.start), end: Math.max(m.month.span.end, m.day.span.end, m.year?.span.end ?? 0) },
      message: `${monthName} ${m.day.value}${y !== undefined ? `, ${y}` : ''} does not exist: ${why}`,
      fixes: [{ title: `Change to ${monthName} ${max}`, span: m.day.span, newText: String(max) }],
    });
  }
  return out;
}

/**
 * GN024: a range that ends before it starts. A year-less start takes the end's year, or the
 * year before when its month comes later ("December 28 to January 3, 2022" crosses a year),
 * so only a range inside one month, or with both years written, can run backwards.
 */
function backwardRanges(ranges: RangeMention[]): DateFinding[] {
  const out: DateFinding[] = [];
  for (const r of ranges) {
    const a = r.from;
    const b = r.to;
    if (r.list || !a.month || !a.day || !b.month || !b.day) continue;
    const bothYears = !!a.year && !!b.year;
    if (!bothYears && a.month.value !== b.month.value) continue;
    const y = b.year?.value ?? a.year?.value ?? b.resolved?.y ?? a.resolved?.y ?? 2000;
    const from = { y: a.year?.value ?? y, m: a.month.value, d: a.day.value };
    const to = { y: b.year?.value ?? y, m: b.month.value, d: b.day.value };
    if (!isValid(from) || !isValid(to) || dayNumber(to) >= dayNumber(from)) continue;
    out.push({
      code: 'GN024',
      span: { start: r.start, end: r.end },
      message: `This range ends (${formatDate(to, !!b.year)}) before it starts (${formatDate(from, !!a.year)})`,
      fixes: [],
    });
  }
  return out;
}

/** GN020 (weekday and date disagree) and GN021 (a year-less date outside the timeline around it, with a better date inside). */
function weekdayFindings(text: string, mentions: DateMention[], timelines: Timeline[]): DateFinding[] {
  const out: DateFinding[] = [];
  const spans = timelines.filter((t) => t.start && t.end && t.count >= 2);
  for (const m of mentions) {
    if (m.kind !== 'date' || !m.weekday || !m.resolved) continue;
    const actual = weekdayOf(m.resolved);
    if (actual === m.weekday.value) continue;
    const stated = WEEKDAY_NAMES[m.weekday.value]!;
    const real = WEEKDAY_NAMES[actual]!;
    const span = { start: m.start, end: m.end };
    const written = text.slice(span.start, span.end);
    const fixes: DateFix[] = [{ title: `Change the weekday to ${real}`, span: m.weekday.span, newText: real }];
    const sameMonth = nearestInMonth(m.resolved, m.weekday.value);
    if (sameMonth && m.day) fixes.push({ title: `Change the date to ${formatWithWeekday(sameMonth, !!m.year)}`, span: m.day.span, newText: String(sameMonth.d) });
    out.push({ code: 'GN020', span, message: `${formatDate(m.resolved)} was a ${real}, not a ${stated}${m.year ? '' : ` (year from ${m.basis ?? 'the context'})`}`, fixes });
    // Only a year-less date can have been put in the wrong place by its writer's context,
    // and only a timeline of two or more dates says where the text is.
    if (m.year) continue;
    for (const t of spans) {
      const lo = dayNumber(t.start!) - CONTEXT_MARGIN_DAYS;
      const hi = dayNumber(t.end!) + CONTEXT_MARGIN_DAYS;
      const at = dayNumber(m.resolved);
      if (at >= lo && at <= hi) continue;
      const candidate = bestInWindow(lo, hi, m.weekday.value, m.day?.value);
      if (!candidate) continue;
      const suggestion = `${stated}, ${formatDate(candidate, false)}`;
      out.push({
        code: 'GN021',
        span,
        message: `${formatDate(m.resolved, false)} lies outside the timeline around it (${formatSpan(t.start!, t.end!)}); did you mean ${formatWithWeekday(candidate)}?`,
        fixes: [{ title: `Change ${JSON.stringify(written)} to ${JSON.stringify(suggestion)}`, span, newText: suggestion }],
      });
      break;
    }
  }
  return out;
}

/** The date of the same month nearest to `c` that falls on `weekday`. */
function nearestInMonth(c: CalendarDate, weekday: number): CalendarDate | undefined {
  for (let k = 1; k <= 3; k++) {
    for (const delta of [-k, k]) {
      const d = addDays(c, delta);
      if (d.m === c.m && weekdayOf(d) === weekday) return d;
    }
  }
  return undefined;
}

/** In a window of days, the date on `weekday`: the one with the written day of month, else the latest. */
function bestInWindow(lo: number, hi: number, weekday: number, day?: number): CalendarDate | undefined {
  let best: CalendarDate | undefined;
  // A window wider than a year says nothing about where a date belongs.
  if (hi - lo > 400) return undefined;
  for (let n = lo; n <= hi; n++) {
    const c = fromDayNumber(n);
    if (weekdayOf(c) !== weekday) continue;
    if (day !== undefined && c.d === day) return c;
    best = c;
  }
  return best;
}

/** The first phrase whose implied date contradicts the stated one, beyond what the phrase allows. */
function contradicted(text: string, lang: DateLanguage, sentences: Span[], mentions: DateMention[], elapsed: ElapsedMention[], stated: Reference): ImpliedDate | undefined {
  for (const i of impliedDates(text, lang, sentences, mentions, elapsed, stated.date)) {
    if (Math.abs(dayNumber(i.date) - dayNumber(stated.date)) > i.tolerance) return i;
  }
  return undefined;
}

/** GN023: the message names the phrase, the event it counts from, and what they imply. */
function statedDateFinding(stated: Reference, i: ImpliedDate): DateFinding {
  const e = i.elapsed;
  const event = i.event;
  const phrase = e.text.length > 60 ? `${e.text.slice(0, 60).trim()}…` : e.text.trim();
  return {
    code: 'GN023',
    span: { start: -1, end: -1 },
    message: `This source is dated ${formatDate(stated.date)}, but its own text implies about ${MONTH_NAMES[i.date.m - 1]} ${i.date.y}: “${phrase}” counted from “${event.text.trim()}” (${formatDate(event.resolved!)})`,
    fixes: [],
    related: [
      { span: e, message: `${e.approximate ? 'About ' : ''}${e.amount} ${e.unit}${e.amount === 1 ? '' : 's'} after the event` },
      { span: event, message: `The event: ${formatDate(event.resolved!)}` },
    ],
  };
}

/** The mentions (sorted) that lie inside `span`. */
export function mentionsIn(mentions: readonly DateMention[], span: Span, limit = Infinity): DateMention[] {
  const out: DateMention[] = [];
  for (let i = Math.max(0, lastStartingAtOrBefore(mentions, span.start - 1) + 1); i < mentions.length && mentions[i]!.start < span.end; i++) {
    if (mentions[i]!.end <= span.end) out.push(mentions[i]!);
    // Past the limit the caller only needs to know that there are more.
    if (out.length > limit) break;
  }
  return out;
}

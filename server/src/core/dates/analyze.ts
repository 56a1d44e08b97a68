/**
 * Date analysis of one document: mentions resolved against their reference time
 * (SPEC §4), the document's timeline, and the findings GN020, GN021, GN023, GN024.
 * Pure: the caller supplies the document date and any context from cited sources.
 */
import type { Span } from '../types.js';
import {
  addDays,
  addMonths,
  dayNumber,
  daysInMonth,
  formatDate,
  formatSpan,
  formatWithWeekday,
  fromDayNumber,
  isValid,
  weekdayOf,
  WEEKDAY_NAMES,
  MONTH_NAMES,
  type CalendarDate,
} from './calendar.js';
import { english } from './en.js';
import type { DateLanguage, DateMention, ElapsedMention } from './types.js';

export interface Reference {
  date: CalendarDate;
  /** In words: "source 000's date line", "the date “December 7, 2021” before it". */
  basis: string;
}

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
}

export interface AnalyzeOptions {
  /** The document's own date (front matter, date line, title). */
  documentDate?: Reference;
  /** The reference to use at an offset when nothing in the document precedes it (cited sources' dates). */
  fallbackAt?: (offset: number) => Reference | undefined;
  /** Timelines of the sources the document cites (GN021 in notes). */
  context?: Timeline[];
  /** Whether this is a source (GN023 checks its stated date). */
  isSource?: boolean;
  /** Spans to ignore (code, citations). */
  ignore?: (span: Span) => boolean;
  language?: DateLanguage;
}

const EMPTY: DateAnalysis = { mentions: [], elapsed: [], timeline: { count: 0 }, findings: [] };
/** How far outside its context's span a date may lie before GN021 looks for a better date. */
const CONTEXT_MARGIN_DAYS = 3;

function sentenceAround(text: string, at: Span): string {
  let a = at.start;
  while (a > 0 && !/[.!?\n]/.test(text[a - 1]!)) a--;
  let b = at.end;
  while (b < text.length && !/[.!?\n]/.test(text[b]!)) b++;
  return text.slice(a, b);
}

/**
 * The year a year-less month/day takes (temporal-tagger rule): the candidate year nearest
 * the reference, where past tense cannot reach beyond the text's own "now" (its document
 * date, else the reference) and future tense cannot fall before the reference. With the
 * reference as "now", a month after it in past-tense narrative lands in the previous year.
 */
export function yearFor(month: number, day: number, ref: CalendarDate, tense: -1 | 0 | 1, now: CalendarDate = ref): number {
  const refDay = dayNumber(ref);
  const nowDay = Math.max(dayNumber(now), refDay);
  let best = ref.y;
  let bestDistance = Infinity;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    if (day > daysInMonth(month, y)) continue;
    const at = dayNumber({ y, m: month, d: day });
    if (tense < 0 && at > nowDay + 7) continue;
    if (tense > 0 && at < refDay - 7) continue;
    const distance = Math.abs(at - refDay);
    if (distance < bestDistance) [best, bestDistance] = [y, distance];
  }
  return best;
}

/** The date a bare weekday names, relative to a reference and tense. */
export function weekdayNear(weekday: number, ref: CalendarDate, tense: -1 | 0 | 1): CalendarDate {
  const delta = (weekday - weekdayOf(ref) + 7) % 7; // days forward to that weekday (0 = same day)
  if (tense > 0) return addDays(ref, delta);
  if (tense < 0) return addDays(ref, delta === 0 ? 0 : delta - 7);
  return addDays(ref, delta <= 3 ? delta : delta - 7);
}

function describe(m: DateMention): string {
  return `“${m.text.trim()}”`;
}

/** Analyses the dates of one text. */
export function analyzeDates(text: string, options: AnalyzeOptions = {}): DateAnalysis {
  const lang = options.language ?? english;
  if (!lang.mayHoldDates(text)) return EMPTY;
  const extracted = lang.extract(text);
  const mentions = extracted.mentions.filter((m) => !options.ignore?.(m));
  const findings: DateFinding[] = [];

  // 1. Resolve, in document order.
  let lastFull: Reference | undefined;
  let lastExplicit: Reference | undefined;
  for (const m of mentions) {
    const ref = lastFull ?? options.documentDate ?? options.fallbackAt?.(m.start);
    if (m.kind === 'date' && m.month && m.day) {
      let y = m.year?.value;
      let basis = m.year ? 'its own year' : undefined;
      if (y === undefined && ref) {
        y = m.relativeYear !== undefined ? ref.date.y + m.relativeYear : yearFor(m.month.value, m.day.value, ref.date, lang.tense(sentenceAround(text, m)), options.documentDate?.date);
        basis = ref.basis;
      }
      if (y === undefined) continue;
      const c = { y, m: m.month.value, d: m.day.value };
      if (!isValid(c)) continue;
      m.resolved = c;
      if (basis) m.basis = basis;
      const consistent = !m.weekday || m.weekday.value === weekdayOf(c);
      if (consistent) {
        const here = { date: c, basis: `the date ${describe(m)} before it` };
        if (m.year) lastFull = here;
        lastExplicit = here;
      }
    } else if (m.kind === 'weekday' && m.weekday) {
      const r = lastExplicit ?? ref;
      if (!r) continue;
      m.resolved = weekdayNear(m.weekday.value, r.date, lang.tense(sentenceAround(text, m)));
      m.basis = r.basis;
    }
  }

  // 2. The timeline: the day-precision dates that agree with their weekday.
  const consistent = (m: DateMention) => m.kind === 'date' && !!m.resolved && (!m.weekday || m.weekday.value === weekdayOf(m.resolved));
  const points = mentions.filter(consistent).map((m) => dayNumber(m.resolved!));
  const count = points.length;
  if (options.documentDate) points.push(dayNumber(options.documentDate.date));
  const timeline: Timeline = points.length > 0 ? { start: fromDayNumber(Math.min(...points)), end: fromDayNumber(Math.max(...points)), count } : { count };

  // 3. Impossible dates and backwards ranges (GN024).
  for (const m of mentions) {
    if (m.kind !== 'date' || !m.month || !m.day) continue;
    const y = m.year?.value ?? m.resolved?.y;
    const max = daysInMonth(m.month.value, y);
    if (m.day.value < 1 || m.day.value > max) {
      const monthName = MONTH_NAMES[m.month.value - 1]!;
      const why = m.month.value === 2 && m.day.value === 29 && y !== undefined ? `${y} is not a leap year` : `${monthName}${m.month.value === 2 && y !== undefined ? ` ${y}` : ''} has ${max} days`;
      findings.push({
        code: 'GN024',
        span: { start: m.month.span.start < m.day.span.start ? m.month.span.start : m.day.span.start, end: Math.max(m.month.span.end, m.day.span.end, m.year?.span.end ?? 0) },
        message: `${monthName} ${m.day.value}${y !== undefined ? `, ${y}` : ''} does not exist: ${why}`,
        fixes: [{ title: `Change to ${monthName} ${max}`, span: m.day.span, newText: String(max) }],
      });
    }
  }
  for (const r of extracted.ranges) {
    const from = resolvedOrWritten(r.from);
    const to = resolvedOrWritten(r.to, from);
    if (from && to && isValid(from) && isValid(to) && dayNumber(to) < dayNumber(from)) {
      findings.push({
        code: 'GN024',
        span: { start: r.start, end: r.end },
        message: `This range ends (${formatDate(to, !!r.to.year)}) before it starts (${formatDate(from, !!r.from.year)})`,
        fixes: [],
      });
    }
  }

  // 4. Weekday and date disagree (GN020), and the date lies outside its context (GN021).
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
    findings.push({
      code: 'GN020',
      span,
      message: `${formatDate(m.resolved)} was a ${real}, not a ${stated}${m.year ? '' : ` (year from ${m.basis ?? 'the context'})`}`,
      fixes,
    });
    // Only a year-less date can have been put in the wrong place by its writer's context,
    // and only a timeline of two or more dates says where the text is.
    if (m.year) continue;
    const spans = [timeline, ...(options.context ?? [])].filter((t) => t.start && t.end && t.count >= 2);
    for (const t of spans) {
      const lo = dayNumber(t.start!) - CONTEXT_MARGIN_DAYS;
      const hi = dayNumber(t.end!) + CONTEXT_MARGIN_DAYS;
      const at = dayNumber(m.resolved);
      if (at >= lo && at <= hi) continue;
      const candidate = bestInWindow(lo, hi, m.weekday.value, m.day?.value);
      if (!candidate) continue;
      const suggestion = `${stated}, ${formatDate(candidate, !!m.year)}`;
      findings.push({
        code: 'GN021',
        span,
        message: `${formatDate(m.resolved, !!m.year)} lies outside the timeline around it (${formatSpan(t.start!, t.end!)}); did you mean ${formatWithWeekday(candidate)}?`,
        fixes: [{ title: `Change ${JSON.stringify(written)} to ${JSON.stringify(suggestion)}`, span, newText: suggestion }],
      });
      break;
    }
  }

  // 5. A source's stated date against what its own text implies (GN023).
  if (options.isSource && options.documentDate) findings.push(...statedDateFindings(text, mentions, extracted.elapsed, options.documentDate));

  findings.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return { mentions, elapsed: extracted.elapsed, timeline, findings };
}

function resolvedOrWritten(m: DateMention, sameYearAs?: CalendarDate): CalendarDate | undefined {
  if (m.resolved) return m.resolved;
  if (!m.month || !m.day) return undefined;
  const y = m.year?.value ?? sameYearAs?.y;
  return y === undefined ? undefined : { y, m: m.month.value, d: m.day.value };
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
  for (let n = lo; n <= hi; n++) {
    const c = fromDayNumber(n);
    if (weekdayOf(c) !== weekday) continue;
    if (day !== undefined && c.d === day) return c;
    best = c;
  }
  return best;
}

const STOP = new Set(['since', 'after', 'their', 'there', 'which', 'these', 'those', 'about', 'would', 'could', 'should', 'being', 'where', 'while', 'other', 'first', 'years', 'months', 'weeks']);

function contentWords(s: string): Set<string> {
  return new Set((s.toLowerCase().match(/[a-z]{5,}/g) ?? []).filter((w) => !STOP.has(w)).map((w) => w.replace(/(ed|ing|s)$/, '')));
}

/** "nearly 10 months since <event>" + "<event> on February 24 of this year" ⇒ the text's own date. */
function statedDateFindings(text: string, mentions: DateMention[], elapsed: ElapsedMention[], stated: Reference): DateFinding[] {
  const out: DateFinding[] = [];
  for (const e of elapsed) {
    const eventWords = contentWords(e.event.slice(0, 60));
    let best: { m: DateMention; score: number } | undefined;
    for (const m of mentions) {
      if (m.kind !== 'date' || !m.resolved || (m.start >= e.start && m.start < e.end)) continue;
      const words = contentWords(sentenceAround(text, m));
      let score = 0;
      for (const w of eventWords) if (words.has(w)) score++;
      if (score >= 2 && (!best || score > best.score)) best = { m, score };
    }
    if (!best) continue;
    const event = best.m.resolved!;
    const implied =
      e.unit === 'day' ? addDays(event, e.amount) : e.unit === 'week' ? addDays(event, 7 * e.amount) : e.unit === 'month' ? addMonths(event, e.amount) : addMonths(event, 12 * e.amount);
    const unitDays = { day: 1, week: 7, month: 30, year: 365 }[e.unit];
    const tolerance = Math.max(31, 0.25 * e.amount * unitDays);
    const gap = Math.abs(dayNumber(implied) - dayNumber(stated.date));
    if (gap <= tolerance) continue;
    const impliedText = `${MONTH_NAMES[implied.m - 1]}${best.m.year ? ` ${implied.y}` : ''}`;
    out.push({
      code: 'GN023',
      span: { start: -1, end: -1 },
      message: `This source is dated ${formatDate(stated.date)}, but its own text implies about ${impliedText}: “${e.text.slice(0, 60).trim()}…” counted from ${describe(best.m)} (${formatDate(event)})`,
      fixes: [],
      related: [
        { span: e, message: `${e.approximate ? 'About ' : ''}${e.amount} ${e.unit}${e.amount === 1 ? '' : 's'} after the event` },
        { span: best.m, message: `The event: ${formatDate(event)}` },
      ],
    });
  }
  return out;
}

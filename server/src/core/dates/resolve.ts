/**
 * Resolution of year-less dates and bare weekdays (SPEC §4, as temporal taggers do for
 * news): against the document's date unless the narrative clearly moves (an explicit
 * date of another year, in a main clause, earlier in the same paragraph); with the tense
 * of the verb group that governs the date; and with a written weekday as evidence for
 * the year. Fills `resolved`, `basis` and `evidence` of each mention, in document order.
 */
import type { Span } from '../types.js';
import { firstAtLeast, lastStartingAtOrBefore, spanHolding } from '../text.js';
import { addDays, dayNumber, daysInMonth, formatDate, isValid, weekdayOf, type CalendarDate } from './calendar.js';
import type { SentenceIndex } from './segment.js';
import type { DateLanguage, DateMention, RangeMention, Tense, TenseEvidence, YearMention } from './types.js';
import { extended } from '../extended.js';
import { atxHeading } from '../parse/atxHeading.js';

export interface Reference {
  date: CalendarDate;
  /** In words: "source 000's date line", "the date “December 7, 2021” before it". */
  basis: string;
  /**
   * A whole month ("In August 2026, …"): `date` is its middle, which a year-less date is
   * nearest to, while tense reads the month from its first day to its last ("Monday,
   * August 3: nominations due" after "until August 2026" is August 3, 2026, not 2027).
   */
  wholeMonth?: boolean;
  /** A whole year (a heading `# 2021`): `date` is its middle, and tense reads it from January 1 to December 31. */
  wholeYear?: boolean;
}

/** The days a reference covers, as day numbers: one day, its whole month or its whole year. */
function coveredDays(r: Reference): { first: number; last: number } {
  const { y, m } = r.date;
  if (r.wholeYear) return { first: dayNumber({ y, m: 1, d: 1 }), last: dayNumber({ y, m: 12, d: 31 }) };
  if (r.wholeMonth) return { first: dayNumber({ y, m, d: 1 }), last: dayNumber({ y, m, d: daysInMonth(m, y) }) };
  const day = dayNumber(r.date);
  return { first: day, last: day };
}

export interface ResolveInput {
  text: string;
  lang: DateLanguage;
  /** The tense of the verb group governing a date (`lang.tenses(text)`, made once per text). */
  tense: (sentence: Span, at: Span) => TenseEvidence;
  mentions: DateMention[];
  ranges: RangeMention[];
  years: YearMention[];
  sentences: SentenceIndex;
  /** Offsets of blank lines (paragraph breaks), sorted. */
  breaks: Span[];
  documentDate?: Reference;
  /**
   * The date the document states, where its text implies another (`documentDate` is then
   * the implied one): a section headed by the stated date is no entry of a log either.
   */
  statedDate?: Reference;
  fallbackAt?: (offset: number) => Reference | undefined;
  /**
   * The headings the document's parser read, sorted (none inside code blocks, HTML or
   * comments): dated sections open and end only at these. Without them (a text file),
   * every `#` line is read as a heading.
   */
  headings?: readonly ParsedHeading[];
}

/** A heading as a parser read it: its span (a line, from its `#`s or its start) and level. */
export type ParsedHeading = Span & { level: number };

const YEAR_BEFORE_WINDOW = 300;
const YEAR_BEFORE = /\b(?:a year (?:ago|earlier|before)|year-ago|year-earlier|last year|the (?:previous|prior) year|the year before)\b/i;
/** Words before a date that put it in a subordinate clause or mention it in passing: it does not move the narrative. */
const PASSING = new RegExp(
  '\\b(?:since|when|after|before|until|till|while|because|although|though|unless|once|which|who|whom|whose|that|due|' +
    'matur\\w*|expir\\w*|anniversary|born|died|founded|established|dated|began|begun|started|ended|signed|took effect|effective)\\b',
  'i',
);

/**
 * The year a year-less month/day takes: the candidate year nearest the reference, where
 * past tense cannot reach beyond the text's own "now" (its document date, else the
 * reference) and future tense cannot fall before the reference (a week's slack each way).
 * `covered` is the span of days the reference stands for (a whole month), one day by default.
 */
export function yearFor(
  month: number,
  day: number,
  ref: CalendarDate,
  tense: Tense,
  now: CalendarDate = ref,
  covered: { first: number; last: number } = { first: dayNumber(ref), last: dayNumber(ref) },
): number {
  const refDay = dayNumber(ref);
  const nowDay = Math.max(dayNumber(now), covered.last);
  let best = ref.y;
  let bestDistance = Infinity;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    if (day > daysInMonth(month, y)) continue;
    const at = dayNumber({ y, m: month, d: day });
    if (tense < 0 && at > nowDay + 7) continue;
    if (tense > 0 && at < covered.first - 7) continue;
    const distance = Math.abs(at - refDay);
    if (distance < bestDistance) [best, bestDistance] = [y, distance];
  }
  return best;
}

/** The date a bare weekday names, relative to a reference and tense ("last"/"next" exclude the reference day). */
export function weekdayNear(weekday: number, ref: CalendarDate, tense: Tense, modifier?: Tense): CalendarDate {
  const delta = (weekday - weekdayOf(ref) + 7) % 7; // days forward to that weekday (0 = same day)
  if (modifier === -1) return addDays(ref, delta === 0 ? -7 : delta - 7);
  if (modifier === 1) return addDays(ref, delta === 0 ? 7 : delta);
  if (modifier === 0 || tense > 0) return addDays(ref, delta);
  if (tense < 0) return addDays(ref, delta === 0 ? 0 : delta - 7);
  return addDays(ref, delta <= 3 ? delta : delta - 7);
}

function describe(m: DateMention): string {
  return `“${m.text.trim()}”`;
}

const described = new WeakMap<Reference, string>();

/** "source 000's date line (December 7, 2021)", formatted once per reference. */
function withDate(r: Reference): string {
  let s = described.get(r);
  if (s === undefined) described.set(r, (s = `${r.basis} (${formatDate(r.date)})`));
  return s;
}

/** How far an ATX heading's opening reaches into its line: three spaces, six `#`s and a blank. */
const OPENING_REACH = 10;

/**
 * The opening of the ATX heading on the line starting at `lineStart` (the one recogniser,
 * `parse/atxHeading.ts`): its level and where its `#`s end; undefined when that line is
 * none. Only the opening is read: asked at each date of a long line, the line is not read
 * whole each time.
 */
function headingOpening(text: string, lineStart: number): { level: number; afterOpening: number } | undefined {
  return atxHeading(text, lineStart, Math.min(text.length, lineStart + OPENING_REACH + 1));
}

/** Where the section under the line at `lineStart` of a heading of `level` (or a date line, level 6) ends. */
type SectionEnd = (lineStart: number, level: number) => number;

/**
 * Where sections end in `text`: at the next heading of their level or higher after their
 * line (of the parsed `headings`, when given; else every ATX heading line), else at the
 * text's end. The heading lines are listed once, when first asked, and each question starts
 * with a binary search: asked at each of thousands of date lines, each did not read on to
 * the end.
 */
function sectionEnds(text: string, headings: readonly ParsedHeading[] | undefined): SectionEnd {
  let starts: number[] | undefined;
  const levels: number[] = [];
  return (lineStart, level) => {
    if (!starts) {
      starts = [];
      if (headings)
        for (const h of headings) {
          starts.push(h.start);
          levels.push(h.level);
        }
      else
        for (let at = 0; at < text.length;) {
          const opening = headingOpening(text, at);
          if (opening) {
            starts.push(at);
            levels.push(opening.level);
          }
          const nl = text.indexOf('\n', at);
          at = nl < 0 ? text.length : nl + 1;
        }
    }
    // Past the section's own line (a note's heading starts at its `#`s, after any indent).
    const nl = text.indexOf('\n', lineStart);
    for (let i = firstAtLeast(starts, (nl < 0 ? text.length : nl) + 1); i < starts.length; i++) if (levels[i]! <= level) return starts[i]!;
    return text.length;
  };
}

/** Whether `offset`, on a line read as an ATX heading, lies in a heading the parser read (always so without `headings`). */
function parsedHeadingHolds(headings: readonly ParsedHeading[] | undefined, offset: number): boolean {
  return !headings || spanHolding(headings, offset) !== undefined;
}

/**
 * A section under a dated heading (`resolveMentions`): its date, where it ends, and the
 * heading line's start. Under a date line (`dateLine`), the section ends at the next date
 * line too.
 */
type Section = Reference & { end: number; line: number; dateLine?: true };

/** Emphasis around a date that is a line of its own: `**12/15/2020**`, `**_06/15/2021_**`. */
const DATE_LINE_BEFORE = /^[ \t]*[*_]{0,3}$/;
const DATE_LINE_AFTER = /^[*_]{0,3}[ \t]*(?:\r?\n|$)/;

/**
 * Whether `span` (a date) is a paragraph of its own, but for emphasis: the heading of an
 * entry in a log of meetings written without headings, not a date that ends a list's line
 * ("Mainnet -⏎14 Apr 2021"). Only a few characters either side are read (a line of
 * thousands of dates is not read again for each).
 */
function aloneOnLine(text: string, lineStart: number, span: Span): boolean {
  if (span.start - lineStart > 8 || !DATE_LINE_BEFORE.test(text.slice(lineStart, span.start))) return false;
  const after = DATE_LINE_AFTER.exec(text.slice(span.end, span.end + 9));
  return !!after && ownParagraph(text, lineStart, span.end + after[0].length);
}

/** Whether the line from `lineStart` to `next` (the next line's start, or the text's end) has a blank line (or the text's edge) either side. */
function ownParagraph(text: string, lineStart: number, next: number): boolean {
  let before = lineStart - 2;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t' || text[before] === '\r')) before--;
  let after = next;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t' || text[after] === '\r')) after++;
  return (lineStart === 0 || before < 0 || text[before] === '\n') && (after >= text.length || text[after] === '\n');
}

/** Lines that are a date in figures and nothing else (`**12/15/2020**`, `2022/08/04`), with their line's start. */
const NUMERIC_DATE_LINE = /^[ \t]*[*_]{0,3}(\d{1,4})\/(\d{1,2})\/(\d{1,4})[*_]{0,3}[ \t]*\r?$/gm;

/**
 * The lines that are a date written in figures and nothing else, each a paragraph of its
 * own, as sections each up to the next such line or the next heading, in order: the entries
 * of a log of meetings exported from a word processor (`**12/15/2020**` over each meeting's
 * notes, newest first). A year comes first or last; with the year last, which of the two
 * others is the month is read from the lines that tell (`12/15/2020` is month first,
 * `15/12/2020` day first): where none tells, or they disagree, none of those lines is read.
 */
function numericDateLines(text: string, sectionEnd: SectionEnd): Section[] {
  if (!text.includes('/')) return [];
  const found: { line: number; raw: string; a: number; b: number; c: number; yearFirst: boolean }[] = [];
  let monthFirst = false;
  let dayFirst = false;
  for (const m of text.matchAll(NUMERIC_DATE_LINE)) {
    if (!ownParagraph(text, m.index, m.index + m[0].length + 1)) continue;
    const [a, b, c] = [m[1]!, m[2]!, m[3]!];
    const yearFirst = a.length === 4 && c.length <= 2;
    if (!yearFirst && (a.length > 2 || c.length !== 4)) continue;
    const entry = { line: m.index, raw: `${a}/${b}/${c}`, a: Number(a), b: Number(b), c: Number(c), yearFirst };
    if (!yearFirst && entry.a > 12 && entry.b <= 12) dayFirst = true;
    if (!yearFirst && entry.b > 12 && entry.a <= 12) monthFirst = true;
    found.push(entry);
  }
  const out: Section[] = [];
  for (const f of found) {
    let date: CalendarDate;
    if (f.yearFirst) date = { y: f.a, m: f.b, d: f.c };
    else if (monthFirst !== dayFirst) date = monthFirst ? { y: f.c, m: f.a, d: f.b } : { y: f.c, m: f.b, d: f.a };
    else continue;
    if (!isValid(date)) continue;
    out.push({ date, basis: `the date line “${f.raw}” above it`, end: sectionEnd(f.line, 6), line: f.line, dateLine: true });
  }
  // Each ends at the next.
  for (let i = 0; i + 1 < out.length; i++) out[i]!.end = Math.min(out[i]!.end, out[i + 1]!.line);
  return out;
}

/**
 * The headings that are a year and nothing else (`# 2021` over a year's meetings), as
 * sections of that whole year, in order. A year further than 15 characters from its
 * line's start is no such heading (nothing is searched back further).
 */
function yearHeadings(
  text: string,
  years: readonly YearMention[],
  headings: readonly ParsedHeading[] | undefined,
  sectionEnd: SectionEnd,
): Section[] {
  const out: Section[] = [];
  for (const y of years) {
    const from = Math.max(0, y.start - 16);
    // Searched back 16 characters at most: a line of thousands of years is not read again for each.
    const nl = text.slice(from, y.start).lastIndexOf('\n');
    const line = nl >= 0 ? from + nl + 1 : from === 0 ? 0 : -1;
    if (line < 0) continue;
    if (!headingOpening(text, line) || !parsedHeadingHolds(headings, y.start)) continue;
    // The heading's text is the year and nothing else.
    const lineEnd = text.indexOf('\n', y.end);
    const heading = atxHeading(text, line, lineEnd < 0 ? text.length : lineEnd);
    if (!heading || heading.span.start !== y.start || heading.span.end !== y.end) continue;
    const level = heading.level;
    out.push({
      date: { y: y.value, m: 7, d: 2 },
      basis: `the heading “${y.value}” above it`,
      wholeYear: true,
      end: sectionEnd(line, level),
      line,
    });
  }
  return out;
}

/** Resolves every mention in place. */
export function resolveMentions(input: ResolveInput): void {
  const { text, documentDate } = input;
  const paragraphOf = (offset: number) => lastStartingAtOrBefore(input.breaks, offset);
  const rangeStart = new Map<DateMention, RangeMention>();
  for (const r of input.ranges) if (!r.from.year && r.to.year) rangeStart.set(r.from, r);
  let narrative: (Reference & { at: number }) | undefined;
  // The latest explicit full date of each month: "Tuesday, March 12, 2024 … Wednesday, March 13".
  const sameMonth = new Map<number, Reference>();
  let lastExplicit: Reference | undefined;
  // A heading's date dates its section ("## Oct 17, 2023" in a log of meetings, newest first):
  // within it, it stands where the document's date stands elsewhere. Sections nest.
  const sections: Section[] = [];
  /** Whether a heading's section is taken: not one that only spans the document's date. */
  const spansMoreThanDocumentDate = (heading: Reference) => {
    const covered = coveredDays(heading);
    return [documentDate, input.statedDate].every((d) => {
      const day = d ? dayNumber(d.date) : NaN;
      return !(day >= covered.first && day <= covered.last);
    });
  };
  // Sections known before the mentions: year headings, and date lines in figures (no mention of their own).
  const sectionEnd = sectionEnds(text, input.headings);
  const numeric = numericDateLines(text, sectionEnd);
  const headed = yearHeadings(text, input.years, input.headings, sectionEnd);
  const years = numeric.length > 0 ? [...headed, ...numeric].sort((a, b) => a.line - b.line) : headed;
  /** Opens a section; a date line closes the date line's section it is in. */
  const open = (s: Section) => {
    if (s.dateLine) while (sections.length > 0 && sections[sections.length - 1]!.dateLine) sections.pop();
    sections.push(s);
  };
  let nextYear = 0;
  // The start of the line holding the mention, found going forward (mentions come in order):
  // searched back from each, a line of thousands of dates was read again for each one.
  let lineStart = 0;
  for (const m of input.mentions) {
    // The year headings above the mention open their sections (they hold no mention of their own).
    for (; nextYear < years.length && years[nextYear]!.line < m.start; nextYear++) {
      const year = years[nextYear]!;
      while (sections.length > 0 && year.line >= sections[sections.length - 1]!.end) sections.pop();
      if (spansMoreThanDocumentDate(year)) open(year);
    }
    while (sections.length > 0 && m.start >= sections[sections.length - 1]!.end) sections.pop();
    const section = sections[sections.length - 1];
    for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < m.start; nl = text.indexOf('\n', lineStart)) lineStart = nl + 1;
    // A heading's own date is read in the section around it.
    const dateHere = (section?.line === lineStart ? sections[sections.length - 2] : section) ?? documentDate;
    const sentence = input.sentences.at(m.start) ?? { start: m.start, end: m.end };
    // The narrative moves only within its paragraph, and only away from the document's (or section's) year.
    const moved =
      narrative && (!dateHere || (paragraphOf(narrative.at) === paragraphOf(m.start) && narrative.date.y !== dateHere.date.y))
        ? narrative
        : undefined;
    const ref = moved ?? dateHere ?? narrative ?? input.fallbackAt?.(m.start);
    let dated: Reference | undefined;
    if (m.kind === 'date' && m.month && m.day) {
      const anchors = [narrative, sameMonth.get(m.month.value)].filter((r): r is Reference => !!r);
      const resolved = resolveDate(m, ref, sentence, input, rangeStart.get(m), anchors, dateHere);
      if (!resolved) continue;
      const consistent = !m.weekday || m.weekday.value === weekdayOf(resolved);
      if (!consistent) continue;
      const here = { date: resolved, basis: `the date ${describe(m)} before it` };
      lastExplicit = here;
      dated = here;
      if (m.year) sameMonth.set(m.month.value, here);
      if (m.year && movesNarrative(text, sentence, m, !!dateHere)) narrative = extended(here, { at: m.start });
    } else if (m.kind === 'month' && m.month && m.year) {
      // "In August 1908, …": a month with its year moves the narrative to that month.
      const month = {
        date: { y: m.year.value, m: m.month.value, d: 15 },
        basis: `${describe(m)} before it`,
        at: m.start,
        wholeMonth: true,
      };
      dated = month;
      if (movesNarrative(text, sentence, m, !!dateHere)) narrative = month;
    } else if (m.kind === 'weekday' && m.weekday) {
      const r = moved ?? dateHere ?? lastExplicit ?? input.fallbackAt?.(m.start);
      if (!r) continue;
      const verb = m.modifier === undefined ? input.tense(sentence, m) : undefined;
      m.resolved = weekdayNear(m.weekday.value, r.date, verb?.tense ?? 0, m.modifier);
      m.basis = r.basis;
      m.evidence = { reference: withDate(r), ...(verb?.verb ? { verb } : {}) };
    }
    // A date that opens a heading ("## July 12, 2018 (recording)", not "# Dating the December
    // 2021 summit") dates the section under it, unless it only spans the document's date.
    const opening =
      dated && section?.line !== lineStart && parsedHeadingHolds(input.headings, m.start) ? headingOpening(text, lineStart) : undefined;
    // (Only a few characters after the `#`s: a heading of thousands of dates is not read again for each.)
    if (dated && opening && m.start - opening.afterOpening <= 16 && text.slice(opening.afterOpening, m.start).trim() === '') {
      const here = {
        date: dated.date,
        basis: `the heading ${describe(m)} above it`,
        end: sectionEnd(lineStart, opening.level),
        line: lineStart,
      };
      const heading = dated.wholeMonth ? extended(here, { wholeMonth: true }) : here;
      if (spansMoreThanDocumentDate(heading)) open(heading);
    } else if (dated && !opening && section?.line !== lineStart && aloneOnLine(text, lineStart, m)) {
      // A date that is a paragraph of its own (`**Tuesday, March 12, 2024**`) heads an entry.
      const here: Section = {
        date: dated.date,
        basis: `the date line ${describe(m)} above it`,
        end: sectionEnd(lineStart, 6),
        line: lineStart,
        dateLine: true,
      };
      const line = dated.wholeMonth ? extended(here, { wholeMonth: true }) : here;
      if (spansMoreThanDocumentDate(line)) open(line);
    }
  }
}

/**
 * Whether an explicit date sets the narrative's time: not in a subordinate clause or in
 * passing, and, in a dated document, fronted ("On March 20, 2003, …", "In August 1908, …").
 */
function movesNarrative(text: string, sentence: Span, m: Span, dated: boolean): boolean {
  if (inPassing(text, sentence, m)) return false;
  return !dated || /^[^\p{L}\d]*(?:[\p{L}'’-]+[^\p{L}\d]+){0,2}$/u.test(text.slice(sentence.start, m.start));
}

/** Whether a date stands in a subordinate clause or is mentioned in passing ("since the war began on …"). */
function inPassing(text: string, sentence: Span, m: Span): boolean {
  const before = text.slice(Math.max(sentence.start, m.start - 60), m.start);
  if (PASSING.test(before)) return true;
  const open = before.lastIndexOf('(');
  return open >= 0 && before.indexOf(')', open) < 0;
}

/** The year of a month-day date, with its evidence; undefined when nothing gives a year. */
function resolveDate(
  m: DateMention,
  ref: Reference | undefined,
  sentence: Span,
  input: ResolveInput,
  range: RangeMention | undefined,
  anchors: Reference[],
  dateHere: Reference | undefined,
): CalendarDate | undefined {
  const month = m.month!.value;
  const day = m.day!.value;
  let y: number | undefined;
  if (m.year) {
    y = m.year.value;
    m.basis = 'its own year';
    m.evidence = {};
  } else if (range) {
    // "from June 3 to June 5, 1994", "December 28 to January 3, 2022": the range's year.
    const to = range.to;
    y = to.year!.value - (month > to.month!.value ? 1 : 0);
    m.basis = `the range ${describe(extended(range.from, { text: input.text.slice(range.start, range.end) }))}`;
    m.evidence = { yearFrom: m.basis };
  } else if (ref && m.relativeYear !== undefined) {
    y = ref.date.y + m.relativeYear;
    m.basis = ref.basis;
    m.evidence = { reference: withDate(ref) };
  } else if (ref) {
    const verb = input.tense(sentence, m);
    y = yearFor(month, day, ref.date, verb.tense, dateHere?.date, coveredDays(ref));
    m.basis = ref.basis;
    m.evidence = { reference: withDate(ref), ...(verb.verb ? { verb } : {}) };
    if (m.weekday) y = weekdayYear(m, y, ref, verb, input, anchors, dateHere);
  }
  if (y === undefined) return undefined;
  const c = { y, m: month, d: day };
  if (!isValid(c)) return undefined;
  m.resolved = c;
  if (m.weekday) m.evidence!.weekday ??= m.weekday.value === weekdayOf(c) ? 'agrees' : 'disagrees';
  return c;
}

/**
 * A written weekday is evidence for the year: when it disagrees with the tense's choice
 * but agrees with the date in the year of the document date, the reference, the narrative
 * ("In August 1908, …"), the last full date of the same month ("Tuesday, March 12, 2024 …
 * Wednesday, March 13"), or a year the text names just before (same paragraph, this or the
 * previous two sentences) — never against the tense — that year is taken. Otherwise the
 * tense's choice stands and the weekday is flagged.
 */
function weekdayYear(
  m: DateMention,
  y: number,
  ref: Reference,
  verb: TenseEvidence,
  input: ResolveInput,
  anchors: Reference[],
  dateHere: Reference | undefined,
): number {
  const wd = m.weekday!.value;
  const month = m.month!.value;
  const day = m.day!.value;
  const agrees = (year: number) => day <= daysInMonth(month, year) && weekdayOf({ y: year, m: month, d: day }) === wd;
  if (agrees(y)) return y;
  const candidates: { year: number; from: string }[] = [];
  if (dateHere) candidates.push({ year: dateHere.date.y, from: withDate(dateHere) });
  if (input.documentDate && input.documentDate !== dateHere)
    candidates.push({ year: input.documentDate.date.y, from: withDate(input.documentDate) });
  candidates.push({ year: ref.date.y, from: withDate(ref) });
  for (const a of anchors) candidates.push({ year: a.date.y, from: a.basis });
  for (const ym of recentYears(m, input)) candidates.push({ year: ym.value, from: `“${ym.value}” before it` });
  // "a year earlier", "the year-ago quarter": the year before the reference.
  const s = input.sentences.at(m.start) ?? m;
  // Read in the 300 characters before the date: the phrase stands in its clause, and a
  // run-on "sentence" of thousands of dates must not be read again for each of them.
  if (YEAR_BEFORE.test(input.text.slice(Math.max(s.start, m.start - YEAR_BEFORE_WINDOW), m.start)))
    candidates.push({ year: ref.date.y - 1, from: 'the year before' });
  // A past-tense date cannot lie after the text's own present, a future one not before it.
  const now = coveredDays(dateHere ?? ref);
  for (const c of candidates) {
    if (c.year === y || !agrees(c.year)) continue;
    const at = dayNumber({ y: c.year, m: month, d: day });
    if ((verb.tense < 0 && at > now.last + 7) || (verb.tense > 0 && at < now.first - 7)) continue;
    m.evidence = extended(m.evidence ?? {}, { weekday: 'chose the year' as const, yearFrom: c.from });
    return c.year;
  }
  return y;
}

/** Years written in the mention's sentence or the two sentences before it, in the same paragraph. */
function recentYears(m: DateMention, input: ResolveInput): YearMention[] {
  const paragraphStart = input.breaks[lastStartingAtOrBefore(input.breaks, m.start)]?.end ?? 0;
  const lo = input.sentences.startBefore(m.start, 2, paragraphStart);
  const out: YearMention[] = [];
  for (let i = lastStartingAtOrBefore(input.years, m.start); i >= 0 && input.years[i]!.start >= lo && out.length < 6; i--)
    out.push(input.years[i]!);
  return out;
}

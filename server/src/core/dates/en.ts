/** English date expressions. Another language implements `DateLanguage` the same way. */
import type { Span } from '../types.js';
import { lastStartingAtOrBefore } from '../text.js';
import type { DateLanguage, DateMention, ElapsedMention, Extracted, RangeMention, YearMention } from './types.js';
import { MONTH_NAMES, WEEKDAY_NAMES } from './calendar.js';
import { governingTense } from './enVerbs.js';
import { dateSentences, type SentenceWords } from './segment.js';

const WD_FULL = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const WD_ABBR = 'Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun';
const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const ORD = '(?:st|nd|rd|th)?';
/** A day number ends here: not "12.50", "5,000", "12:30" or "123". */
const DAY_END = '(?!\\d|[:.,]\\d)';

// Weekday (full name, or an abbreviation followed by a comma or dot), then separator.
const WD_LEAD = `(?:(${WD_FULL}|(?:${WD_ABBR})(?=[.,]))\\.?(?:,\\s*|\\s+)(?:the\\s+)?)?`;
// "Wednesday, October 8", "June 3–5, 1994", "February 17th of 2023", "2021-07-02 (Friday)".
const MDY = new RegExp(
  `${WD_LEAD}\\b(${MONTH})\\.?\\s+(\\d{1,2})${ORD}${DAY_END}(?:\\s*[-–—]\\s*(\\d{1,2})${ORD}${DAY_END})?(?:(?:,\\s*|\\s+)(?:of\\s+)?(\\d{4})(?!\\d))?(?:\\s*\\((${WD_FULL}|${WD_ABBR})\\.?\\))?`,
  'dg',
);
const DMY = new RegExp(`${WD_LEAD}\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MONTH})\\b\\.?(?:,?\\s+(\\d{4})(?!\\d))?`, 'dg');
const ISO_DATE = new RegExp(`${WD_LEAD}(?<![\\w/-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\w-])(?:\\s*\\((${WD_FULL}|${WD_ABBR}|[A-Z][a-z]{1,8})\\.?\\))?`, 'dg');
const MONTH_YEAR = new RegExp(`\\b(${MONTH})\\.?\\s+(?:of\\s+)?(\\d{4})(?!\\d)`, 'dg');
const BARE_WEEKDAY = new RegExp(`\\b(?:(last|next|this|coming|past)\\s+)?(${WD_FULL})\\b(?!s)`, 'dgi');
const YEAR = /(?<![\d$,.-])\b(1[6-9]\d\d|20\d\d)\b(?![\d,]\d|-\d)/g;
const RELATIVE_YEAR = /^\s*(?:,\s*)?(?:of\s+)?(this|last|next|the same|that)\s+year\b/i;
/** "in March 12 people were hurt" counts people: after "in March" a number followed by a word that is not a preposition is a count. */
const COUNT_BEFORE = /\b(?:in|during)\s+$/i;
const NOT_COUNTED = /^\s+(?:at|in|on|to|for|of|by|and|or|when|after|before|until|through|from|with|as|the|a|an|that|is|was|were|will)\b/i;
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, a: 1 };
const ELAPSED = /\b((?:nearly|almost|about|around|roughly|some|over|more than|less than|just over|just under)\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)\s+(day|week|month|year)s?\s+(since|after)\s+([^.;!?\n]{3,160})/gi;
const RANGE_JOIN = /^\s*,?\s*(?:-|–|—|to|through|thru|until|till|and)\s*$/i;
const NOW_WORDS = /\b(?:now|today|tonight|this week|this month|this year|currently|marks?|marking)\b[^.;!?]{0,40}$/i;

const TITLES = new Set('mr mrs ms dr prof sen sens rep reps gov gen lt col capt sgt adm cmdr maj rev hon st mt ft messrs mme mlle no nos vs v fig figs vol pp'.split(' '));
const AMBIGUOUS = new Set(
  'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun inc corp co cos ltd bros plc jr sr etc al approx est dept'.split(' '),
);
const OPENERS = new Set(
  ('the a an it its he she they we i in on at but and this that these those there his her their our as if when while after before since for so yet ' +
    'meanwhile however also still now today yesterday tomorrow last next according officials mr mrs ms dr president').split(' '),
);

const sentenceWords: SentenceWords = {
  abbreviation(word) {
    const w = word.toLowerCase();
    if (TITLES.has(w)) return 'title';
    // Initials and dotted acronyms ("F.", "U.S.", "P.M.") end a sentence only before an opener.
    if (AMBIGUOUS.has(w) || w.includes('.') || /^\p{L}$/u.test(word)) return 'ambiguous';
    return undefined;
  },
  opensSentence: (word) => OPENERS.has(word.toLowerCase()),
};

function monthNumber(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((m) => m.slice(0, 3).toLowerCase() === key) + 1;
}

function weekdayNumber(name: string): number | undefined {
  const key = name.slice(0, 3).toLowerCase();
  const i = WEEKDAY_NAMES.findIndex((w) => w.slice(0, 3).toLowerCase() === key);
  return i < 0 ? undefined : i;
}

/** "May" and "March" are words too: a month name needs a capital letter. */
function capitalised(s: string): boolean {
  return /^[A-Z]/.test(s);
}

type Match = RegExpExecArray & { indices: [number, number][] };

function part<T>(value: T, m: Match, g: number): { value: T; span: Span } {
  const [start, end] = m.indices[g]!;
  return { value, span: { start, end } };
}

function base(m: Match): DateMention {
  const mention: DateMention = { kind: 'date', start: m.index, end: m.index + m[0].length, text: m[0] };
  if (m[1]) mention.weekday = part(weekdayNumber(m[1])!, m, 1);
  return mention;
}

/** Month-day dates ("Thursday, Jan. 15", "June 3–5, 1994"); a range's end becomes a second mention. */
function monthDayDates(text: string): { mentions: DateMention[]; ranges: RangeMention[] } {
  const mentions: DateMention[] = [];
  const ranges: RangeMention[] = [];
  for (const c of text.matchAll(MDY) as IterableIterator<Match>) {
    if (!capitalised(c[2]!) || Number(c[3]) > 31 || Number(c[3]) === 0) continue;
    // "in March 12 people were hurt": a count after a month, not a day.
    const after = text.slice(c.index + c[0].length, c.index + c[0].length + 12);
    if (!c[1] && !c[4] && !c[5] && COUNT_BEFORE.test(text.slice(Math.max(0, c.index - 12), c.index)) && /^\s+\p{Ll}/u.test(after) && !NOT_COUNTED.test(after)) continue;
    const mention = base(c);
    // "last Oct. 23", "next March 5": the word says past or future.
    const lead = /\b(last|next|this|coming)\s+$/i.exec(text.slice(Math.max(0, c.index - 8), c.index))?.[1]?.toLowerCase();
    if (lead && !c[1]) mention.modifier = lead === 'last' ? -1 : lead === 'this' ? 0 : 1;
    mention.month = part(monthNumber(c[2]!), c, 2);
    mention.day = part(Number(c[3]), c, 3);
    if (c[5]) mention.year = part(Number(c[5]), c, 5);
    if (c[6] && !mention.weekday) mention.weekday = part(weekdayNumber(c[6])!, c, 6);
    if (c[4] && Number(c[4]) >= 1 && Number(c[4]) <= 31) {
      // "June 3–5, 1994": the first date ends at its day; the year belongs to the range.
      const [toStart, toEnd] = c.indices[4]!;
      mention.end = mention.day.span.end;
      mention.text = text.slice(mention.start, mention.end);
      const to: DateMention = { kind: 'date', start: toStart, end: mention.year ? mention.year.span.end : toEnd, text: '', month: { ...mention.month }, day: part(Number(c[4]), c, 4) };
      if (mention.year) {
        to.year = mention.year;
        delete mention.year;
      }
      to.text = text.slice(to.start, to.end);
      mentions.push(mention, to);
      ranges.push({ start: mention.start, end: to.end, from: mention, to });
      continue;
    }
    mentions.push(mention);
  }
  return { mentions, ranges };
}

function dayMonthDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const c of text.matchAll(DMY) as IterableIterator<Match>) {
    if (!capitalised(c[3]!) || Number(c[2]) > 31 || Number(c[2]) === 0) continue;
    const mention = base(c);
    mention.day = part(Number(c[2]), c, 2);
    mention.month = part(monthNumber(c[3]!), c, 3);
    if (c[4]) mention.year = part(Number(c[4]), c, 4);
    out.push(mention);
  }
  return out;
}

function isoDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const c of text.matchAll(ISO_DATE) as IterableIterator<Match>) {
    const mention = base(c);
    mention.year = part(Number(c[2]), c, 2);
    mention.month = part(Number(c[3]), c, 3);
    mention.day = part(Number(c[4]), c, 4);
    if (c[5]) {
      const w = weekdayNumber(c[5]);
      // An unknown abbreviation in brackets ("(Tsu)") is left alone.
      if (w === undefined || !new RegExp(`^(${WD_FULL}|${WD_ABBR})$`).test(c[5])) {
        mention.end = mention.day.span.end;
        mention.text = text.slice(mention.start, mention.end);
      } else if (!mention.weekday) mention.weekday = part(w, c, 5);
    }
    out.push(mention);
  }
  return out;
}

function monthYears(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const c of text.matchAll(MONTH_YEAR) as IterableIterator<Match>) {
    if (!capitalised(c[1]!)) continue;
    out.push({ kind: 'month', start: c.index, end: c.index + c[0].length, text: c[0], month: part(monthNumber(c[1]!), c, 1), year: part(Number(c[2]), c, 2) });
  }
  return out;
}

function bareWeekdays(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const c of text.matchAll(BARE_WEEKDAY) as IterableIterator<Match>) {
    if (!capitalised(c[2]!)) continue;
    const w = part(weekdayNumber(c[2]!)!, c, 2);
    const mention: DateMention = { kind: 'weekday', start: w.span.start, end: w.span.end, text: c[2]!, weekday: w };
    const mod = c[1]?.toLowerCase();
    if (mod) mention.modifier = mod === 'last' || mod === 'past' ? -1 : mod === 'this' ? 0 : 1;
    out.push(mention);
  }
  return out;
}

/** Whether `s` overlaps a span of `sorted` (sorted by start, disjoint). */
function overlapsAny(sorted: readonly Span[], s: Span): boolean {
  const i = lastStartingAtOrBefore(sorted, s.end - 1);
  const hit = sorted[i];
  return !!hit && hit.end > s.start;
}

/**
 * Adds a pass's mentions (sorted, disjoint among themselves) to those kept so far, dropping
 * any that overlaps a kept one or a masked span: earlier passes win. Linear per pass.
 */
function mergePass(kept: DateMention[], pass: DateMention[], masked: readonly Span[]): DateMention[] {
  const out: DateMention[] = [];
  let i = 0;
  for (const m of pass) {
    if (overlapsAny(masked, m)) continue;
    while (i < kept.length && kept[i]!.end <= m.start) out.push(kept[i++]!);
    if (i < kept.length && kept[i]!.start < m.end) continue;
    if (out.length > 0 && out[out.length - 1]!.end > m.start) continue;
    out.push(m);
  }
  while (i < kept.length) out.push(kept[i++]!);
  return out;
}

function elapsedMentions(text: string, masked: readonly Span[]): ElapsedMention[] {
  const out: ElapsedMention[] = [];
  for (const c of text.matchAll(ELAPSED)) {
    const n = /^\d+$/.test(c[2]!) ? Number(c[2]) : NUMBER_WORDS[c[2]!.toLowerCase()];
    if (!n) continue;
    const span = { start: c.index, end: c.index + c[0].length };
    if (overlapsAny(masked, span)) continue;
    out.push({ ...span, text: c[0], amount: n, unit: c[3]!.toLowerCase() as ElapsedMention['unit'], approximate: !!c[1], relation: c[4]!.toLowerCase() as 'since' | 'after', event: c[5]!.trim() });
  }
  return out;
}

/** Ranges written between two dates ("from June 3 to June 5, 1994", "Monday, April 27, through Thursday, April 23"). */
function joinedRanges(text: string, mentions: DateMention[], found: RangeMention[]): RangeMention[] {
  const inRange = new Set(found.flatMap((r) => [r.from, r.to]));
  const out = [...found];
  const dates = mentions.filter((m) => m.kind === 'date');
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    if (inRange.has(a) || inRange.has(b) || b.start - a.end > 12) continue;
    const join = text.slice(a.end, b.start);
    // "and" joins a range only after "between" ("between March 3 and March 5").
    if (!RANGE_JOIN.test(join) || (/and/i.test(join) && !/\bbetween\s+$/i.test(text.slice(Math.max(0, a.start - 9), a.start)))) continue;
    out.push({ start: a.start, end: b.end, from: a, to: b });
  }
  return out.sort((x, y) => x.start - y.start);
}

function yearMentions(text: string, masked: readonly Span[]): YearMention[] {
  const out: YearMention[] = [];
  for (const c of text.matchAll(YEAR)) {
    const span = { start: c.index, end: c.index + 4 };
    if (!overlapsAny(masked, span)) out.push({ ...span, value: Number(c[1]) });
  }
  return out;
}

const GATE = new RegExp(`\\b(?:${MONTH}|${WD_FULL}|${WD_ABBR})\\b|\\d{4}-\\d{2}-\\d{2}|\\b(?:since|after)\\b`);

export const english: DateLanguage = {
  mayHoldDates: (text) => GATE.test(text),
  extract(text, masked = []): Extracted {
    const md = monthDayDates(text);
    let mentions = mergePass([], isoDates(text), masked);
    mentions = mergePass(mentions, md.mentions, masked);
    mentions = mergePass(mentions, dayMonthDates(text), masked);
    mentions = mergePass(mentions, monthYears(text), masked);
    mentions = mergePass(mentions, bareWeekdays(text), masked);
    const kept = new Set(mentions);
    for (const mention of mentions) {
      if (mention.kind !== 'date' || mention.year) continue;
      const rel = RELATIVE_YEAR.exec(text.slice(mention.end, mention.end + 30));
      if (rel) {
        const word = rel[1]!.toLowerCase();
        mention.relativeYear = word === 'last' ? -1 : word === 'next' ? 1 : 0;
        // "February 24 of this year" is one date expression.
        if (/^\s+of\s/i.test(rel[0])) {
          mention.end += rel[0].length;
          mention.text = text.slice(mention.start, mention.end);
        }
      }
    }
    const ranges = joinedRanges(text, mentions, md.ranges.filter((r) => kept.has(r.from) && kept.has(r.to)));
    return { mentions, elapsed: elapsedMentions(text, masked), ranges, years: yearMentions(text, masked) };
  },
  sentences: (text) => dateSentences(text, sentenceWords),
  tense: governingTense,
  anchoredToNow: (before) => NOW_WORDS.test(before),
  weekdayName: (n) => WEEKDAY_NAMES[n]!,
  monthName: (n) => MONTH_NAMES[n - 1]!,
};

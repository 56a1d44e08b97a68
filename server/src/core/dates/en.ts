/** English date expressions. Another language implements `DateLanguage` the same way. */
import type { Span } from '../types.js';
import { overlapsOneOf } from '../text.js';
import type { DateLanguage, DateMention, ElapsedMention, Extracted, RangeMention, YearMention } from './types.js';
import { MONTH_NAMES, WEEKDAY_NAMES } from './calendar.js';
import { tenseReader } from './enVerbs.js';
import { dateSentences, SentenceIndex, type SentenceWords } from './segment.js';

const WD_FULL = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const WD_ABBR = 'Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun';
/** Each month's abbreviations ("Sept" besides "Sep"; May has none), beside its name in `MONTH_NAMES`. */
const MONTH_ABBREVIATIONS: readonly (readonly string[])[] = [
  ['Jan'],
  ['Feb'],
  ['Mar'],
  ['Apr'],
  [],
  ['Jun'],
  ['Jul'],
  ['Aug'],
  ['Sep', 'Sept'],
  ['Oct'],
  ['Nov'],
  ['Dec'],
];
/**
 * The English month words, as a regular expression's alternatives: the twelve names,
 * then the abbreviations. As written here they need their capital letter ("May" and
 * "March" are words too); a reader that takes any case adds the `i` flag.
 */
export const MONTH_WORDS = [...MONTH_NAMES, ...MONTH_ABBREVIATIONS.flat()].join('|');
const ORD = '(?:st|nd|rd|th)?';
/** A day number ends here: not "12.50", "5,000", "12:30" or "123". */
const DAY_END = '(?!\\d|[:.,]\\d)';
/** A range's last day, on the line of its first, and not an hour ("March 14th - 11pm PST"). */
const DAY_RANGE = `(?:[ \\t]*(?:[-–—]|and|&)[ \\t]*(\\d{1,2})${ORD}${DAY_END}(?![ \\t]*[ap]\\.?m\\b))?`;
/** A four-digit number is a year, not a time of day ("Friday 26 July 1400 UTC"). */
const NOT_TIME = '(?![ \\t]*(?:UTC|GMT|Z|AoE|hrs?|h|[ECMP][SD]?T)\\b)';

// Weekday (full name, or an abbreviation followed by a comma or dot), then separator.
const WD_LEAD = `(?:(${WD_FULL}|(?:${WD_ABBR})(?=[.,]))\\.?(?:,\\s*|\\s+)(?:the\\s+)?)?`;
// "Wednesday, October 8", "June 3–5, 1994", "February 17th of 2023", "2021-07-02 (Friday)".
// Each pattern is tried only where the scan found a month, a weekday or an ISO date
// (sticky), so text dense with dates is read once.
const MDY = new RegExp(
  `${WD_LEAD}\\b(${MONTH_WORDS})\\.?\\s+(\\d{1,2})${ORD}${DAY_END}${DAY_RANGE}` +
    `(?:(?:,\\s*|\\s+)(?:of\\s+)?(\\d{4})(?!\\d)${NOT_TIME})?(?:\\s*\\((${WD_FULL}|${WD_ABBR})\\.?\\))?`,
  'y',
);
const DMY = new RegExp(`${WD_LEAD}\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MONTH_WORDS})\\b\\.?(?:,?\\s+(\\d{4})(?!\\d)${NOT_TIME})?`, 'y');
const ISO_DATE = new RegExp(
  `${WD_LEAD}(?<![\\w/-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\w-])(?:\\s*\\((${WD_FULL}|${WD_ABBR}|[A-Z][a-z]{1,8})\\.?\\))?`,
  'y',
);
const MONTH_YEAR = new RegExp(`(${MONTH_WORDS})\\.?\\s+(?:of\\s+)?(\\d{4})(?!\\d)${NOT_TIME}`, 'y');
/** What the scan stops at: a month name, a weekday name, an ISO date. */
const ANCHOR = new RegExp(`\\b(?:(${MONTH_WORDS})|(${WD_FULL}|${WD_ABBR})|\\d{4}-\\d{2}-\\d{2})\\b`, 'g');
/** A day number right before a month ("5 March", "the 6th of June"). */
const DAY_BEFORE = /(?:^|[^\w])(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$/;
const WD_FULL_WORD = new RegExp(`^(?:${WD_FULL})$`);
const MODIFIER_BEFORE = /\b([Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+$/;
const YEAR = /(?<![\d$,.-])\b(1[6-9]\d\d|20\d\d)\b(?![\d,]\d|-\d)/g;
/** How far before a month its day is looked for ("the 6th of June"). */
const DAY_BEFORE_REACH = 14;
/** How far after a date "of this year" and the like are looked for. */
const RELATIVE_YEAR_REACH = 30;
const RELATIVE_YEAR = /^\s*(?:,\s*)?(?:of\s+)?(this|last|next|the same|that)\s+year\b/i;
/** "in March 12 people were hurt" counts people: after "in March" a number followed by a word that is not a preposition is a count. */
const NOT_COUNTED = /^\s+(?:at|in|on|to|for|of|by|and|or|when|after|before|until|through|from|with|as|the|a|an|that|is|was|were|will)\b/i;
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  a: 1,
};
const ELAPSED = new RegExp(
  '\\b((?:nearly|almost|about|around|roughly|some|over|more than|less than|just over|just under)\\s+)?' +
    '(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)\\s+' +
    '(day|week|month|year)s?\\s+(since|after)\\s+([^.;!?\\n]{3,160})',
  'gi',
);
/** Where "since" or "after" stands, in any case: every `ELAPSED` match holds one. */
const SINCE_OR_AFTER = /since|after/gi;
const SPACE = /\s/;
/** The units `ELAPSED` counts, in lower case. */
const ELAPSED_UNITS = ['day', 'week', 'month', 'year'];

/**
 * Whether `text` holds what every `ELAPSED` match holds, `(day|week|month|year)s?\s+(since|after)\s`
 * in any case: found from each "since" or "after" back (a pattern tried at every position of a
 * note took a tenth of a second on 10,000 notes that cite sources).
 */
export function holdsElapsedTail(text: string): boolean {
  SINCE_OR_AFTER.lastIndex = 0;
  for (let m = SINCE_OR_AFTER.exec(text); m; m = SINCE_OR_AFTER.exec(text)) {
    const after = m.index + m[0].length;
    if (after >= text.length || !SPACE.test(text[after]!) || m.index === 0 || !SPACE.test(text[m.index - 1]!)) continue;
    let end = m.index - 1;
    while (end >= 0 && SPACE.test(text[end]!)) end--;
    // `end` is the last character of the unit, or of its plural `s`.
    for (const last of text[end] === 's' || text[end] === 'S' ? [end - 1, end] : [end])
      for (const unit of ELAPSED_UNITS) if (endsWithWord(text, last + 1, unit)) return true;
  }
  return false;
}

/** Whether `text` before `end` ends with `word` (lower-case ASCII), in any ASCII case: as `/i` compares without `u`. */
function endsWithWord(text: string, end: number, word: string): boolean {
  const start = end - word.length;
  if (start < 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = text.charCodeAt(start + i);
    if (c !== word.charCodeAt(i) && c !== word.charCodeAt(i) - 32) return false;
  }
  return true;
}
const RANGE_JOIN = /^\s*,?\s*(?:-|–|—|to|through|thru|until|till|and)\s*$/i;
const NOW_WORDS = /\b(?:now|today|tonight|this week|this month|this year|currently|marks?|marking)\b[^.;!?]{0,40}$/i;

const TITLES = new Set(
  (
    'mr mrs ms dr prof sen sens rep reps gov gen lt col capt sgt adm cmdr maj rev hon st mt ft ' +
    'messrs mme mlle no nos vs v fig figs vol pp'
  ).split(' '),
);
const AMBIGUOUS = new Set(
  (
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'inc corp co cos ltd bros plc jr sr etc al approx est dept'
  ).split(' '),
);
/** The length of the longest word in `TITLES` and `AMBIGUOUS`. */
const LONGEST_ABBREVIATION = Math.max(...[...TITLES, ...AMBIGUOUS].map((w) => w.length));
const OPENERS = new Set(
  (
    'the a an it its he she they we i in on at but and this that these those there his her their ' +
    'our as if when while after before since for so yet ' +
    'meanwhile however also still now today yesterday tomorrow last next according officials mr mrs ms dr president'
  ).split(' '),
);

const sentenceWords: SentenceWords = {
  abbreviation(word) {
    // Most words before a full stop are longer than any listed one and hold no dot: no need to lower-case them.
    if (word.length > LONGEST_ABBREVIATION && !word.includes('.')) return undefined;
    const w = word.toLowerCase();
    if (TITLES.has(w)) return 'title';
    // Initials and dotted acronyms ("F.", "U.S.", "P.M.") end a sentence only before an opener.
    if (AMBIGUOUS.has(w) || w.includes('.') || /^\p{L}$/u.test(word)) return 'ambiguous';
    return undefined;
  },
  opensSentence: (word) => OPENERS.has(word.toLowerCase()),
};

/** The month (1–12) a month word names, in any case, from its first three letters (0 for another word). */
export function monthNumber(name: string): number {
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

/** A match and its groups' offsets, flat: group g spans `at[2g]`–`at[2g + 1]` (-1 when absent). */
type Match = RegExpExecArray & { at: number[] };

/**
 * A match with each group's offsets. The groups of these patterns stand left to right
 * without overlapping, so each is found after the one before it (the `d` flag would do
 * the same at a much higher cost on text dense with dates).
 */
function withSpans(m: RegExpExecArray): Match {
  const at: number[] = [m.index, m.index + m[0].length];
  let from = 0;
  for (let g = 1; g < m.length; g++) {
    const v = m[g];
    if (v === undefined) {
      at.push(-1, -1);
      continue;
    }
    const i = m[0].indexOf(v, from);
    at.push(m.index + i, m.index + i + v.length);
    from = i + v.length;
  }
  return Object.assign(m, { at });
}

function part<T>(value: T, m: Match, g: number): { value: T; span: Span } {
  return { value, span: { start: m.at[2 * g]!, end: m.at[2 * g + 1]! } };
}

/** The word right before `at` (after white space), lower-cased; at most 12 letters. */
function wordBefore(text: string, at: number): string {
  let b = at;
  while (b > 0 && b > at - 4 && /\s/.test(text[b - 1]!)) b--;
  if (b === at) return '';
  let a = b;
  while (a > 0 && b - a < 12 && /\p{L}/u.test(text[a - 1]!)) a--;
  return a < b && !/\p{L}/u.test(text[a - 1] ?? '') ? text.slice(a, b).toLowerCase() : '';
}

function base(m: Match): DateMention {
  const mention: DateMention = { kind: 'date', start: m.index, end: m.index + m[0].length, text: m[0] };
  if (m[1]) mention.weekday = part(weekdayNumber(m[1])!, m, 1);
  return mention;
}

/** A month-day date ("Thursday, Jan. 15", "June 3–5, 1994"); a range's end becomes a second mention. */
function monthDayDate(text: string, c: Match, out: DateMention[], ranges: RangeMention[]): boolean {
  if (!capitalised(c[2]!) || Number(c[3]) > 31 || Number(c[3]) === 0) return false;
  // "in March 12 people were hurt": a count after a month, not a day.
  const end = c.index + c[0].length;
  const before = c[1] ? '' : wordBefore(text, c.index);
  if ((before === 'in' || before === 'during') && !c[4] && !c[5]) {
    const after = text.slice(end, end + 12);
    if (/^\s+\p{Ll}/u.test(after) && !NOT_COUNTED.test(after)) return false;
  }
  const mention = base(c);
  // "last Oct. 23", "next March 5": the word says past or future.
  if (before === 'last') mention.modifier = -1;
  else if (before === 'next' || before === 'coming') mention.modifier = 1;
  else if (before === 'this') mention.modifier = 0;
  mention.month = part(monthNumber(c[2]!), c, 2);
  mention.day = part(Number(c[3]), c, 3);
  if (c[5]) mention.year = part(Number(c[5]), c, 5);
  if (c[6] && !mention.weekday) mention.weekday = part(weekdayNumber(c[6])!, c, 6);
  if (c[4] && Number(c[4]) >= 1 && Number(c[4]) <= 31) {
    // "June 3–5, 1994": the first date ends at its day; the year belongs to the range.
    const toStart = c.at[8]!;
    const toEnd = c.at[9]!;
    mention.end = mention.day.span.end;
    mention.text = text.slice(mention.start, mention.end);
    const to: DateMention = {
      kind: 'date',
      start: toStart,
      end: mention.year ? mention.year.span.end : toEnd,
      text: '',
      month: { ...mention.month },
      day: part(Number(c[4]), c, 4),
    };
    if (mention.year) {
      to.year = mention.year;
      delete mention.year;
    }
    to.text = text.slice(to.start, to.end);
    out.push(mention, to);
    const list = /and|&/.test(text.slice(mention.day.span.end, toStart));
    ranges.push({ start: mention.start, end: to.end, from: mention, to, ...(list ? { list } : {}) });
    return true;
  }
  out.push(mention);
  return true;
}

function dayMonthDate(c: Match): DateMention | undefined {
  if (!capitalised(c[3]!) || Number(c[2]) > 31 || Number(c[2]) === 0) return undefined;
  const mention = base(c);
  mention.day = part(Number(c[2]), c, 2);
  mention.month = part(monthNumber(c[3]!), c, 3);
  if (c[4]) mention.year = part(Number(c[4]), c, 4);
  return mention;
}

function isoDate(text: string, c: Match): DateMention {
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
  return mention;
}

function monthYear(c: Match): DateMention | undefined {
  if (!capitalised(c[1]!)) return undefined;
  return {
    kind: 'month',
    start: c.index,
    end: c.index + c[0].length,
    text: c[0],
    month: part(monthNumber(c[1]!), c, 1),
    year: part(Number(c[2]), c, 2),
  };
}

function bareWeekday(text: string, at: number, name: string): DateMention {
  const w = { value: weekdayNumber(name)!, span: { start: at, end: at + name.length } };
  const mention: DateMention = { kind: 'weekday', start: at, end: at + name.length, text: name, weekday: w };
  const mod = MODIFIER_BEFORE.exec(text.slice(Math.max(0, at - 8), at))?.[1]?.toLowerCase();
  if (mod) mention.modifier = mod === 'last' || mod === 'past' ? -1 : mod === 'this' ? 0 : 1;
  return mention;
}

/**
 * "Friday and Saturday, September 21-22", "Wednesday/Thursday September 16th and 17th": the
 * first weekday (read alone just before) names the first day and the second weekday the
 * second, not both the first.
 */
function pairWeekdays(text: string, out: DateMention[], at: number): void {
  const bare = out[at - 1];
  const from = out[at]!;
  const to = out[at + 1]!;
  if (!bare || bare.kind !== 'weekday' || !from.weekday || !/^\s*(?:and|&|-|–|\/)\s*$/.test(text.slice(bare.end, from.start))) return;
  to.weekday = from.weekday;
  from.weekday = bare.weekday!;
  from.start = bare.start;
  from.text = text.slice(from.start, from.end);
  out.splice(at - 1, 1);
}

/** After a weekday, its separator (".", ",", spaces, "the"): whether a digit or a capital comes next. */
function firstAfterLead(text: string, from: number): 'digit' | 'capital' | undefined {
  let i = from;
  while (i < text.length && i - from < 12 && (text[i] === '.' || text[i] === ',' || /\s/.test(text[i]!))) i++;
  if (text.startsWith('the', i) && /\s/.test(text[i + 3] ?? '')) {
    i += 3;
    while (i < text.length && i - from < 24 && /\s/.test(text[i]!)) i++;
  }
  const c = text[i] ?? '';
  return c >= '0' && c <= '9' ? 'digit' : c >= 'A' && c <= 'Z' ? 'capital' : undefined;
}

/** The pattern matched at `at` exactly, or undefined. */
function at(re: RegExp, text: string, offset: number): Match | undefined {
  re.lastIndex = offset;
  const m = re.exec(text);
  return m ? withSpans(m) : undefined;
}

/**
 * Every date mention outside `masked`, in order: one scan for months, weekdays and ISO
 * dates, and at each the patterns that can start there. A weekday-led date wins over the
 * bare weekday; a month-day date over a day-month or month-year reading.
 */
function scanDates(
  text: string,
  masked: readonly Span[],
  from: number,
): { mentions: DateMention[]; ranges: RangeMention[]; weekdayWords: boolean } {
  const out: DateMention[] = [];
  const ranges: RangeMention[] = [];
  let consumed = 0;
  let mask = 0;
  const free = (s: number, e: number) => {
    while (mask < masked.length && masked[mask]!.end <= s) mask++;
    return s >= consumed && !(masked[mask] && masked[mask]!.start < e);
  };
  const take = (m: DateMention) => {
    if (!free(m.start, m.end)) return false;
    out.push(m);
    consumed = m.end;
    return true;
  };
  let weekdayWords = false;
  // Every match of `ANCHOR` is one of `GATE` at the same place: none lies before `GATE`'s first.
  ANCHOR.lastIndex = from;
  let t: RegExpExecArray | null;
  while ((t = ANCHOR.exec(text))) {
    const p = t.index;
    // Every weekday word is matched here, inside a mention or not.
    if (t[2]) weekdayWords = true;
    if (p < consumed) continue;
    if (t[2]) {
      // A weekday: a full date it leads ("Thursday, Jan. 15"), else the weekday alone.
      // What follows its separator says which patterns can match: a digit or a capital.
      const next = firstAfterLead(text, p + t[2].length);
      const iso = next === 'digit' ? at(ISO_DATE, text, p) : undefined;
      if (iso?.[1] && take(isoDate(text, iso))) continue;
      const mdy = next === 'capital' ? at(MDY, text, p) : undefined;
      if (mdy?.[1] && free(mdy.index, mdy.index + mdy[0].length)) {
        const before = out.length;
        if (monthDayDate(text, mdy, out, ranges)) {
          consumed = out[out.length - 1]!.end;
          if (out.length - before === 2) pairWeekdays(text, out, before);
          if (out.length > before) continue;
        }
      }
      const dmy = next === 'digit' ? at(DMY, text, p) : undefined;
      const d = dmy?.[1] ? dayMonthDate(dmy) : undefined;
      if (d && take(d)) continue;
      if (WD_FULL_WORD.test(t[2])) take(bareWeekday(text, p, t[2]));
      continue;
    }
    if (t[1]) {
      const mdy = at(MDY, text, p);
      if (mdy && free(mdy.index, mdy.index + mdy[0].length) && monthDayDate(text, mdy, out, ranges)) {
        consumed = out[out.length - 1]!.end;
        continue;
      }
      // "5 March", "the 6th of June": the day stands before the month.
      const back = DAY_BEFORE.exec(text.slice(Math.max(0, p - DAY_BEFORE_REACH), p));
      if (back) {
        const dayAt = p - back[0].length + back[0].indexOf(back[1]!);
        const dmy = dayAt >= consumed ? at(DMY, text, dayAt) : undefined;
        const d = dmy ? dayMonthDate(dmy) : undefined;
        if (d && take(d)) continue;
      }
      const my = at(MONTH_YEAR, text, p);
      const y = my ? monthYear(my) : undefined;
      if (y) take(y);
      continue;
    }
    const iso = at(ISO_DATE, text, p);
    if (iso) take(isoDate(text, iso));
  }
  return { mentions: out, ranges, weekdayWords };
}

function elapsedMentions(text: string, masked: readonly Span[]): ElapsedMention[] {
  const out: ElapsedMention[] = [];
  // The pattern is tried at every word; its one fixed part says first whether it can match at all.
  if (!holdsElapsedTail(text)) return out;
  for (const c of text.matchAll(ELAPSED)) {
    const n = /^\d+$/.test(c[2]!) ? Number(c[2]) : NUMBER_WORDS[c[2]!.toLowerCase()];
    if (!n) continue;
    const span = { start: c.index, end: c.index + c[0].length };
    if (overlapsOneOf(masked, span)) continue;
    out.push({
      start: span.start,
      end: span.end,
      text: c[0],
      amount: n,
      unit: c[3]!.toLowerCase() as ElapsedMention['unit'],
      approximate: !!c[1],
      relation: c[4]!.toLowerCase() as 'since' | 'after',
      event: c[5]!.trim(),
    });
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
    if (!RANGE_JOIN.test(join)) continue;
    // A dash that starts the next line is a list item's ("### Sept 15 - Sept 27\n- Sept 15th (Fri)"), not a range's.
    if (join.includes('\n') && ['-', '–', '—'].includes(join.replace(/[\s,]/g, ''))) continue;
    // "and" makes a range only after "between" ("between March 3 and March 5"); else a list sharing a year.
    const list = /and/i.test(join) && !/\bbetween\s+$/i.test(text.slice(Math.max(0, a.start - 9), a.start));
    out.push({ start: a.start, end: b.end, from: a, to: b, ...(list ? { list } : {}) });
  }
  return out.sort((x, y) => x.start - y.start);
}

function yearMentions(text: string, masked: readonly Span[]): YearMention[] {
  const out: YearMention[] = [];
  for (const c of text.matchAll(YEAR)) {
    const span = { start: c.index, end: c.index + 4 };
    if (!overlapsOneOf(masked, span)) out.push({ start: span.start, end: span.end, value: Number(c[1]) });
  }
  return out;
}

const GATE = new RegExp(`\\b(?:${MONTH_WORDS}|${WD_FULL}|${WD_ABBR})\\b|\\d{4}-\\d{2}-\\d{2}|\\b(?:since|after)\\b`);

export const english: DateLanguage = {
  datesFrom: (text) => GATE.exec(text)?.index ?? -1,
  reach: { before: DAY_BEFORE_REACH, after: RELATIVE_YEAR_REACH },
  extract(text, masked = [], from = 0): Extracted {
    const md = scanDates(text, masked, Math.max(0, from));
    const mentions = md.mentions;
    const kept = new Set(mentions);
    for (const mention of mentions) {
      if (mention.kind !== 'date' || mention.year) continue;
      const rel = RELATIVE_YEAR.exec(text.slice(mention.end, mention.end + RELATIVE_YEAR_REACH));
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
    const ranges = joinedRanges(
      text,
      mentions,
      md.ranges.filter((r) => kept.has(r.from) && kept.has(r.to)),
    );
    return {
      mentions,
      elapsed: elapsedMentions(text, masked),
      ranges,
      years: yearMentions(text, masked),
      weekdayWords: md.weekdayWords,
    };
  },
  sentences: (text) => dateSentences(text, sentenceWords),
  sentenceIndex: (text) => new SentenceIndex(text, sentenceWords),
  tenses: tenseReader,
  anchoredToNow: (before) => NOW_WORDS.test(before),
  weekdayName: (n) => WEEKDAY_NAMES[n]!,
  monthName: (n) => MONTH_NAMES[n - 1]!,
};

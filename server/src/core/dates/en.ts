/** English date expressions. Another language implements `DateLanguage` the same way. */
import type { DateLanguage, DateMention, ElapsedMention, RangeMention } from './types.js';
import { MONTH_NAMES, WEEKDAY_NAMES } from './calendar.js';

const WD_FULL = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const WD_ABBR = 'Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun';
const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const ORD = '(?:st|nd|rd|th)?';

// Weekday (full name, or an abbreviation followed by a comma or dot), then separator.
const WD_LEAD = `(?:(${WD_FULL}|(?:${WD_ABBR})(?=[.,]))\\.?(?:,\\s*|\\s+)(?:the\\s+)?)?`;
const MDY = new RegExp(`${WD_LEAD}\\b(${MONTH})\\.?\\s+(\\d{1,2})${ORD}(?![\\d:])(?:,?\\s+(\\d{4})(?!\\d))?(?:\\s*\\((${WD_FULL}|${WD_ABBR})\\.?\\))?`, 'g');
const DMY = new RegExp(`${WD_LEAD}\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MONTH})\\b\\.?(?:,?\\s+(\\d{4})(?!\\d))?`, 'g');
const ISO_DATE = new RegExp(`${WD_LEAD}\\b(\\d{4})-(\\d{2})-(\\d{2})\\b(?:\\s*\\((${WD_FULL}|${WD_ABBR}|[A-Z][a-z]{1,8})\\.?\\))?`, 'g');
const MONTH_YEAR = new RegExp(`\\b(${MONTH})\\.?\\s+(\\d{4})(?!\\d)`, 'g');
const BARE_WEEKDAY = new RegExp(`\\b(${WD_FULL})\\b`, 'g');
const RELATIVE_YEAR = /^\s*(?:,\s*)?(?:of\s+)?(this|last|next|the same|that)\s+year\b/i;
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, a: 1 };
const ELAPSED = /\b((?:nearly|almost|about|around|roughly|some|over|more than|less than|just over|just under)\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+(since|after)\s+([^.;!?\n]{3,160})/gi;
const RANGE_JOIN = /^\s*(?:-|–|—|to|through|until|till)\s*$/;
const FUTURE = /\b(will|shall|plans?\s+to|planning\s+to|is\s+going\s+to|are\s+going\s+to|expected\s+to|scheduled\s+to|set\s+to|intends?\s+to)\b/i;
const PAST = /\b(was|were|had|did|said|told|held|met|spoke|began|gave|went|took|made|came|saw|\w{3,}ed)\b/i;

function monthNumber(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((m) => m.slice(0, 3).toLowerCase() === key) + 1;
}

function weekdayNumber(name: string): number | undefined {
  const key = name.slice(0, 3).toLowerCase();
  const i = WEEKDAY_NAMES.findIndex((w) => w.slice(0, 3).toLowerCase() === key);
  return i < 0 ? undefined : i;
}

/** The offset of group `g` in a match (groups are found left to right after `from`). */
function groupAt(m: RegExpExecArray, g: number, from: number): number {
  return m.index + m[0].indexOf(m[g]!, from - m.index);
}

/** "May" and "March" are words too: a month name needs a capital letter. */
function capitalised(s: string): boolean {
  return /^[A-Z]/.test(s);
}

function explicitDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  const add = (mention: DateMention) => {
    if (out.some((o) => mention.start < o.end && o.start < mention.end)) return;
    out.push(mention);
  };
  for (const m of text.matchAll(ISO_DATE)) {
    const c = m as RegExpExecArray;
    let at = c.index;
    const mention: DateMention = { kind: 'date', start: c.index, end: c.index + c[0].length, text: c[0] };
    if (c[1]) {
      const p = groupAt(c, 1, at);
      mention.weekday = { value: weekdayNumber(c[1])!, span: { start: p, end: p + c[1].length } };
      at = p + c[1].length;
    }
    const yAt = groupAt(c, 2, at);
    mention.year = { value: Number(c[2]), span: { start: yAt, end: yAt + 4 } };
    mention.month = { value: Number(c[3]), span: { start: yAt + 5, end: yAt + 7 } };
    mention.day = { value: Number(c[4]), span: { start: yAt + 8, end: yAt + 10 } };
    if (c[5]) {
      const w = weekdayNumber(c[5]);
      const p = c.index + c[0].lastIndexOf(c[5]);
      // An unknown abbreviation in brackets ("(Tsu)") is left alone.
      if (w === undefined || !new RegExp(`^(${WD_FULL}|${WD_ABBR})$`).test(c[5])) {
        mention.end = yAt + 10;
        mention.text = text.slice(mention.start, mention.end);
      } else mention.weekday = { value: w, span: { start: p, end: p + c[5].length } };
    }
    add(mention);
  }
  for (const m of text.matchAll(MDY)) {
    const c = m as RegExpExecArray;
    if (!capitalised(c[2]!)) continue;
    let at = c.index;
    const mention: DateMention = { kind: 'date', start: c.index, end: c.index + c[0].length, text: c[0] };
    if (c[1]) {
      const p = groupAt(c, 1, at);
      mention.weekday = { value: weekdayNumber(c[1])!, span: { start: p, end: p + c[1].length } };
      at = p + c[1].length;
    }
    const mAt = groupAt(c, 2, at);
    mention.month = { value: monthNumber(c[2]!), span: { start: mAt, end: mAt + c[2]!.length } };
    const dAt = groupAt(c, 3, mAt + c[2]!.length);
    mention.day = { value: Number(c[3]), span: { start: dAt, end: dAt + c[3]!.length } };
    if (c[4]) {
      const yAt = groupAt(c, 4, dAt + c[3]!.length);
      mention.year = { value: Number(c[4]), span: { start: yAt, end: yAt + 4 } };
    }
    if (c[5] && !mention.weekday) {
      const p = c.index + c[0].lastIndexOf(c[5]);
      mention.weekday = { value: weekdayNumber(c[5])!, span: { start: p, end: p + c[5].length } };
    }
    // "May 2" is a date, "may 2" is not; "March 5,000" neither.
    add(mention);
  }
  for (const m of text.matchAll(DMY)) {
    const c = m as RegExpExecArray;
    if (!capitalised(c[3]!)) continue;
    let at = c.index;
    const mention: DateMention = { kind: 'date', start: c.index, end: c.index + c[0].length, text: c[0] };
    if (c[1]) {
      const p = groupAt(c, 1, at);
      mention.weekday = { value: weekdayNumber(c[1])!, span: { start: p, end: p + c[1].length } };
      at = p + c[1].length;
    }
    const dAt = groupAt(c, 2, at);
    mention.day = { value: Number(c[2]), span: { start: dAt, end: dAt + c[2]!.length } };
    const mAt = groupAt(c, 3, dAt + c[2]!.length);
    mention.month = { value: monthNumber(c[3]!), span: { start: mAt, end: mAt + c[3]!.length } };
    if (c[4]) {
      const yAt = groupAt(c, 4, mAt + c[3]!.length);
      mention.year = { value: Number(c[4]), span: { start: yAt, end: yAt + 4 } };
    }
    add(mention);
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    const c = m as RegExpExecArray;
    if (!capitalised(c[1]!)) continue;
    const mention: DateMention = {
      kind: 'month',
      start: c.index,
      end: c.index + c[0].length,
      text: c[0],
      month: { value: monthNumber(c[1]!), span: { start: c.index, end: c.index + c[1]!.length } },
    };
    const yAt = c.index + c[0].lastIndexOf(c[2]!);
    mention.year = { value: Number(c[2]), span: { start: yAt, end: yAt + 4 } };
    add(mention);
  }
  for (const m of text.matchAll(BARE_WEEKDAY)) {
    const c = m as RegExpExecArray;
    add({ kind: 'weekday', start: c.index, end: c.index + c[0].length, text: c[0], weekday: { value: weekdayNumber(c[1]!)!, span: { start: c.index, end: c.index + c[0].length } } });
  }
  for (const mention of out) {
    if (mention.kind !== 'date' || mention.year) continue;
    const rel = RELATIVE_YEAR.exec(text.slice(mention.end, mention.end + 30));
    if (rel) {
      const word = rel[1]!.toLowerCase();
      mention.relativeYear = word === 'last' ? -1 : word === 'next' ? 1 : 0;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function elapsedMentions(text: string): ElapsedMention[] {
  const out: ElapsedMention[] = [];
  for (const m of text.matchAll(ELAPSED)) {
    const c = m as RegExpExecArray;
    const n = /^\d+$/.test(c[2]!) ? Number(c[2]) : NUMBER_WORDS[c[2]!.toLowerCase()];
    if (!n) continue;
    out.push({
      start: c.index,
      end: c.index + c[0].length,
      text: c[0],
      amount: n,
      unit: c[3]!.toLowerCase() as ElapsedMention['unit'],
      approximate: !!c[1],
      event: c[5]!.trim(),
    });
  }
  return out;
}

function ranges(text: string, mentions: DateMention[]): RangeMention[] {
  const out: RangeMention[] = [];
  const dates = mentions.filter((m) => m.kind === 'date');
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    if (RANGE_JOIN.test(text.slice(a.end, b.start))) out.push({ start: a.start, end: b.end, from: a, to: b });
  }
  // "March 5–2": a day range inside one month.
  for (const a of dates) {
    if (!a.month || !a.day || a.year) continue;
    const tail = /^\s*[-–—]\s*(\d{1,2})(?![\d:])/.exec(text.slice(a.end, a.end + 8));
    if (!tail) continue;
    const dAt = a.end + tail[0].indexOf(tail[1]!);
    const to: DateMention = { kind: 'date', start: dAt, end: dAt + tail[1]!.length, text: tail[1]!, month: { ...a.month }, day: { value: Number(tail[1]), span: { start: dAt, end: dAt + tail[1]!.length } } };
    out.push({ start: a.start, end: to.end, from: a, to });
  }
  return out;
}

const GATE = new RegExp(`\\b(?:${MONTH}|${WD_FULL}|${WD_ABBR})\\b|\\d{4}-\\d{2}-\\d{2}|\\b(?:since|after)\\b`);

export const english: DateLanguage = {
  mayHoldDates: (text) => GATE.test(text),
  extract(text) {
    const mentions = explicitDates(text);
    return { mentions, elapsed: elapsedMentions(text), ranges: ranges(text, mentions) };
  },
  tense(sentence) {
    if (FUTURE.test(sentence)) return 1;
    if (PAST.test(sentence)) return -1;
    return 0;
  },
  weekdayName: (n) => WEEKDAY_NAMES[n]!,
  monthName: (n) => MONTH_NAMES[n - 1]!,
};

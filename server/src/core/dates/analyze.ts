/**
 * Date analysis of one document: the facts the date rules judge. Mentions found outside
 * what is never date evidence (URLs, code, paths), resolved against their reference time
 * (SPEC §4), ranges, the document's timeline and its context's, and the date its own text
 * implies when that contradicts its stated date. The rules (GN020, GN021, GN023, GN024 in
 * `rules/`) turn these facts into findings. Pure and linear in the text: the caller
 * supplies the document date and any context from cited sources.
 */
import type { Span } from '../types.js';
import type { Code } from '../rules/rule.js';
import { lastStartingAtOrBefore } from '../text.js';
import { dayNumber, fromDayNumber, weekdayOf, MONTH_NAMES, type CalendarDate } from './calendar.js';
import { english } from './en.js';
import { impliedDates, type ImpliedDate } from './elapsed.js';
import { notDateEvidence } from './mask.js';
import { resolveMentions, type ParsedHeading, type Reference } from './resolve.js';
import type { DateLanguage, DateMention, ElapsedMention, Extracted, RangeMention } from './types.js';
import { extended } from '../extended.js';

export { yearFor, weekdayNear, type Reference } from './resolve.js';

export interface DateFix {
  title: string;
  span: Span;
  newText: string;
}

/** What a date rule finds in one document (its judgment of the facts below), before it becomes a problem. */
export interface DateFinding {
  code: Code;
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
  /** "From … to …" and lists of dates whose both ends are mentions. */
  ranges: RangeMention[];
  elapsed: ElapsedMention[];
  timeline: Timeline;
  /** The timelines of the sources the document cites (`AnalyzeOptions.context`). */
  context: Timeline[];
  /** Sentences as the date checks split them (abbreviation-aware). */
  sentences: Span[];
  /** The same sentences, split a block at a time around the offsets asked about. */
  sentencesNear: SentencesNear;
  /** When the text contradicts its stated date (GN023): the date it implies, which its year-less dates were resolved against. */
  implied?: { date: CalendarDate; basis: string };
  /** The stated date and the phrase of the text that contradicts it, beyond what the phrase allows. */
  contradiction?: { stated: Reference; implied: ImpliedDate };
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
  /** `unmaskedDates(text)`, when the caller has it already (null: nothing there). */
  unmasked?: Extracted | null;
  /** The headings the text's parser read (`ResolveInput.headings`); without them every `#` line is one. */
  headings?: readonly ParsedHeading[];
}

/**
 * The dates of a text read without masking code and links (undefined when the text cannot
 * hold one): what is found masked is found here too, so a text without, say, a weekday
 * word here has none in its analysis either.
 */
export function unmaskedDates(text: string, lang: DateLanguage = english): Extracted | undefined {
  // Date mentions are looked for from where the gate found the first possible one (the rest of a note is read once).
  const from = lang.datesFrom(text);
  return from >= 0 ? lang.extract(text, [], from) : undefined;
}

/** `SentenceIndex`'s questions, for a caller that needs sentences around a few offsets only. */
export interface SentencesNear {
  at(offset: number): Span | undefined;
  startBefore(offset: number, back: number, floor: number): number;
}

const NO_SENTENCES: SentencesNear = { at: () => undefined, startBefore: (offset, _back, floor) => Math.max(offset, floor) };

const EMPTY: DateAnalysis = {
  mentions: [],
  ranges: [],
  elapsed: [],
  timeline: { count: 0 },
  context: [],
  sentences: [],
  sentencesNear: NO_SENTENCES,
};

/**
 * Whether the checks of a text's own dates can find anything in what `unmaskedDates` read
 * there (GN020 and GN021 judge a written weekday, GN024 a day past the 28th or a range):
 * masking only takes mentions away, so where none of these is read unmasked, none is
 * judged (`test/property/dateGate.test.ts`).
 */
export function mayHoldDateProblems(found: Extracted | null | undefined): boolean {
  return (
    !!found &&
    (found.weekdayWords ||
      found.ranges.length > 0 ||
      found.mentions.some((m) => m.weekday || (m.kind === 'date' && (!m.day || !m.month || m.day.value < 1 || m.day.value > 28))))
  );
}

/** The date facts of one text. */
export function analyzeDates(text: string, options: AnalyzeOptions = {}): DateAnalysis {
  const lang = options.language ?? english;
  // Masking code and links reads the whole text: it waits until something may be a date.
  // Nothing found unmasked (or, in a note, only in what it ignores, such as `[[2021-06-13]]`
  // links: half of a vault's notes) means nothing is found masked.
  const unmasked = options.unmasked === undefined ? unmaskedDates(text, lang) : options.unmasked;
  if (!unmasked) return EMPTY;
  if (unmasked.elapsed.length === 0 && !options.isSource) {
    const kept = options.ignore ? unmasked.mentions.filter((m) => !options.ignore!(m)) : unmasked.mentions;
    if (kept.length === 0) return extended(EMPTY, { timeline: timelineOf([], options.documentDate?.date), context: options.context ?? [] });
  }
  const masked = notDateEvidence(text, around(unmasked, lang));
  // Nothing to mask: the unmasked reading is the reading (most notes of a vault have no code or links near a date).
  const extracted = masked.length === 0 ? unmasked : lang.extract(text, masked);
  const mentions = options.ignore ? extracted.mentions.filter((m) => !options.ignore!(m)) : extracted.mentions;
  const kept = new Set(mentions);
  const ranges = extracted.ranges.filter((r) => kept.has(r.from) && kept.has(r.to));
  const sentences = lang.sentenceIndex(text);
  // Paragraph breaks are found when a mention's year or narrative first asks (most notes' mentions never do).
  let breaks: Span[] | undefined;
  const input = {
    text,
    lang,
    tense: lang.tenses(text),
    mentions,
    ranges,
    years: extracted.years,
    sentences,
    get breaks(): Span[] {
      return (breaks ??= [...text.matchAll(/\n[ \t]*\r?\n/g)].map((b) => ({ start: b.index, end: b.index + b[0].length })));
    },
    ...(options.documentDate ? { documentDate: options.documentDate } : {}),
    ...(options.fallbackAt ? { fallbackAt: options.fallbackAt } : {}),
    ...(options.headings ? { headings: options.headings } : {}),
  };
  resolveMentions(input);

  // A source whose own text contradicts its stated date is read against the date it implies.
  const stated = options.isSource ? options.documentDate : undefined;
  // Only a phrase that counts from an event ("40 days since the flood") implies a date: a
  // source without one is not split into sentences for it.
  const contradiction =
    stated && extracted.elapsed.length > 0 ? contradicted(text, lang, sentences.all(), mentions, extracted.elapsed, stated) : undefined;
  let implied: DateAnalysis['implied'];
  if (contradiction) {
    implied = {
      date: contradiction.date,
      basis: `the date its own text implies (about ${MONTH_NAMES[contradiction.date.m - 1]} ${contradiction.date.y})`,
    };
    for (const m of mentions) if (!m.year) delete m.resolved;
    resolveMentions(extended(input, { documentDate: implied, statedDate: stated }));
  }

  const timeline = timelineOf(mentions, implied?.date ?? options.documentDate?.date);
  return {
    mentions,
    ranges,
    elapsed: extracted.elapsed,
    timeline,
    context: options.context ?? [],
    // Split whole only when a check asks for every sentence (GN022, in a note citing a source).
    get sentences() {
      return sentences.all();
    },
    sentencesNear: sentences,
    ...(implied ? { implied } : {}),
    ...(stated && contradiction ? { contradiction: { stated, implied: contradiction } } : {}),
  };
}

/**
 * Where what was found unmasked can be read otherwise once code and links are masked:
 * each finding, widened by what the language's patterns read around it. Sorted by start.
 */
function around(found: Extracted, lang: DateLanguage): Span[] {
  const spans = [...found.mentions, ...found.elapsed, ...found.years, ...found.ranges].map((s) => ({
    start: s.start - lang.reach.before,
    end: s.end + lang.reach.after,
  }));
  return spans.sort((a, b) => a.start - b.start);
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

/** The first phrase whose implied date contradicts the stated one, beyond what the phrase allows. */
function contradicted(
  text: string,
  lang: DateLanguage,
  sentences: Span[],
  mentions: DateMention[],
  elapsed: ElapsedMention[],
  stated: Reference,
): ImpliedDate | undefined {
  for (const i of impliedDates(text, lang, sentences, mentions, elapsed, stated.date)) {
    if (Math.abs(dayNumber(i.date) - dayNumber(stated.date)) > i.tolerance) return i;
  }
  return undefined;
}

/** The mentions (sorted) that lie inside `span`. */
export function mentionsIn(mentions: readonly DateMention[], span: Span, limit = Infinity): DateMention[] {
  const out: DateMention[] = [];
  for (
    let i = Math.max(0, lastStartingAtOrBefore(mentions, span.start - 1) + 1);
    i < mentions.length && mentions[i]!.start < span.end;
    i++
  ) {
    if (mentions[i]!.end <= span.end) out.push(mentions[i]!);
    // Past the limit the caller only needs to know that there are more.
    if (out.length > limit) break;
  }
  return out;
}

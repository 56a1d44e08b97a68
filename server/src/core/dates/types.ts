/** Date mentions as written: each part (weekday, day, month, year) with its own span. */
import type { Span } from '../types.js';
import type { CalendarDate } from './calendar.js';
import type { SentenceIndex } from './segment.js';

export interface Part<T> {
  value: T;
  span: Span;
}

export type MentionKind =
  /** Weekday and/or day with month (and maybe year): "Wednesday, October 8", "December 7, 2021". */
  | 'date'
  /** A weekday alone: "on Thursday". */
  | 'weekday'
  /** A month with a year, no day: "December 2021". */
  | 'month';

/** -1 past, 1 future (or scheduled), 0 unknown. */
export type Tense = -1 | 0 | 1;

/** The verb group that governs a date, and the tense it gives. */
export interface TenseEvidence {
  tense: Tense;
  /** The words of the verb group as written ("will be paid"). */
  verb?: string;
  span?: Span;
}

/** Why a mention resolved as it did: shown in the date hover. */
export interface DateEvidence {
  /** The reference time, in words with its date: "source 000's date line (December 7, 2021)". */
  reference?: string;
  /** The governing verb group, when the tense decided the year or the day. */
  verb?: TenseEvidence;
  /** The written weekday: agrees with the date, disagrees, or chose the year among the text's years. */
  weekday?: 'agrees' | 'disagrees' | 'chose the year';
  /** Where the year came from when not from the reference: "the range “June 3–5, 1994”", "“August 1908” before it". */
  yearFrom?: string;
}

export interface DateMention extends Span {
  kind: MentionKind;
  text: string;
  weekday?: Part<number>;
  day?: Part<number>;
  month?: Part<number>;
  year?: Part<number>;
  /** "of this year", "last year": the year is given relative to the reference. */
  relativeYear?: number;
  /** "last Friday" (-1), "next Friday" (1), "this Friday" (0). */
  modifier?: Tense;
  /** The resolved date (day precision), when it could be resolved. */
  resolved?: CalendarDate;
  /** What the mention was resolved against, in words ("source 000's date line"). */
  basis?: string;
  evidence?: DateEvidence;
}

/** "nearly 10 months since Russia illegally invaded Ukraine". */
export interface ElapsedMention extends Span {
  text: string;
  amount: number;
  unit: 'day' | 'week' | 'month' | 'year';
  approximate: boolean;
  /** "since" counts to the text's own present; "after" counts to another event. */
  relation: 'since' | 'after';
  /** The words after "since"/"after". */
  event: string;
}

/** A date range as written ("March 5–2", "from June 3 to June 5, 1994"), whose end may come before its start. */
export interface RangeMention extends Span {
  from: DateMention;
  to: DateMention;
  /** "May 4 and 5", "June 29 and June 30, 2002": two dates sharing a year, not a span that could run backwards. */
  list?: boolean;
}

/** A year written on its own ("in 1908", "the 1998 budget"): context for year-less dates. */
export interface YearMention extends Span {
  value: number;
}

export interface Extracted {
  mentions: DateMention[];
  elapsed: ElapsedMention[];
  ranges: RangeMention[];
  years: YearMention[];
  /** Whether the text names a weekday anywhere (in a mention or not, masked or not). */
  weekdayWords: boolean;
}

/** The words of one language that date extraction needs. */
export interface DateLanguage {
  /**
   * Cheap test: where the first thing that may start a date mention or an elapsed time lies,
   * or -1 where the text can hold no date at all. `extract` finds no date mention before it.
   */
  datesFrom(text: string): number;
  /**
   * Date mentions outside `masked` (sorted, disjoint spans never searched). With `from` (what
   * `datesFrom` gave for this text), date mentions are looked for from there only.
   */
  extract(text: string, masked?: readonly Span[], from?: number): Extracted;
  /**
   * How many characters before and after a mention `extract` reads to make it (a day
   * before its month, "of this year" after it): masking elsewhere changes nothing.
   */
  reach: { before: number; after: number };
  /** Sentence boundaries for dates (abbreviations do not end sentences). */
  sentences(text: string): Span[];
  /** The same sentences, split where asked (`SentenceIndex`). */
  sentenceIndex(text: string): SentenceIndex;
  /**
   * A reader of tenses for one text (its words are indexed once): the tense of the verb
   * group that governs the date at `at` in `sentence`.
   */
  tenses(text: string): (sentence: Span, at: Span) => TenseEvidence;
  /** Whether the words right before an elapsed phrase tie it to the text's own present ("now", "today"). */
  anchoredToNow(before: string): boolean;
  weekdayName(n: number): string;
  monthName(n: number): string;
}

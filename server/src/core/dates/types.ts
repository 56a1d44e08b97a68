/** Date mentions as written: each part (weekday, day, month, year) with its own span. */
import type { Span } from '../types.js';
import type { CalendarDate } from './calendar.js';

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

export interface DateMention extends Span {
  kind: MentionKind;
  text: string;
  weekday?: Part<number>;
  day?: Part<number>;
  month?: Part<number>;
  year?: Part<number>;
  /** "of this year", "last year": the year is given relative to the reference. */
  relativeYear?: number;
  /** The resolved date (day precision), when it could be resolved. */
  resolved?: CalendarDate;
  /** What the mention was resolved against, in words ("source 000's date line"). */
  basis?: string;
}

/** "nearly 10 months since Russia illegally invaded Ukraine". */
export interface ElapsedMention extends Span {
  text: string;
  amount: number;
  unit: 'day' | 'week' | 'month' | 'year';
  approximate: boolean;
  /** The words after "since"/"after". */
  event: string;
}

/** A date range as written ("March 5–2"), whose end may come before its start. */
export interface RangeMention extends Span {
  from: DateMention;
  to: DateMention;
}

/** The words of one language that date extraction needs. */
export interface DateLanguage {
  /** Cheap test: can this text hold a date at all? */
  mayHoldDates(text: string): boolean;
  extract(text: string): { mentions: DateMention[]; elapsed: ElapsedMention[]; ranges: RangeMention[] };
  /** -1 past, 1 future, 0 unknown, for the clause around a mention. */
  tense(sentence: string): -1 | 0 | 1;
  weekdayName(n: number): string;
  monthName(n: number): string;
}

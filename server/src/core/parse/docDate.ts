/**
 * Recognises a whole date written on its own ("June 18, 2024", "7 December 2021",
 * "2021-12-07", "2021/12/07") for document date lines and front matter. The date checks
 * have their own, fuller extractor; this one only needs to be cheap and exact.
 */
import { baseName } from '../workspace.js';
import { MONTH_WORDS, monthNumber } from '../dates/en.js';

// The date checks' month words, here in any case ("JUNE 18, 2024", "7 december 2021"): the patterns below have the `i` flag.
const MONTH = `(${MONTH_WORDS})\\.?`;
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
const MDY = new RegExp(`\\b${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DMY = new RegExp(`\\b${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
/** Year first with slashes ("2022/08/04", front matter of many blogs): unambiguous, unlike 03/04/2021. */
const YMD_SLASHED = /\b(\d{4})\/(\d{2})\/(\d{2})\b/;

export interface FoundDate {
  /** Offsets of the date inside the searched text. */
  start: number;
  end: number;
  iso: string;
}

function isoOf(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first complete, valid date written in `text`, if any. */
export function findFullDate(text: string): FoundDate | undefined {
  const candidates: FoundDate[] = [];
  const mdy = MDY.exec(text);
  if (mdy) {
    const iso = isoOf(Number(mdy[3]), monthNumber(mdy[1]!), Number(mdy[2]));
    if (iso) candidates.push({ start: mdy.index, end: mdy.index + mdy[0].length, iso });
  }
  const dmy = DMY.exec(text);
  if (dmy) {
    const iso = isoOf(Number(dmy[3]), monthNumber(dmy[2]!), Number(dmy[1]));
    if (iso) candidates.push({ start: dmy.index, end: dmy.index + dmy[0].length, iso });
  }
  for (const numeric of [ISO, YMD_SLASHED]) {
    const m = numeric.exec(text);
    if (!m) continue;
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) candidates.push({ start: m.index, end: m.index + m[0].length, iso });
  }
  candidates.sort((a, b) => a.start - b.start);
  return candidates[0];
}

/** A weekday opening a text ("Thursday 2022/08/04"). */
const LEADING_WEEKDAY = new RegExp(`^${WEEKDAY}`, 'i');

/**
 * A label that says the date after it is the document's own: "Date:", "**Date:**",
 * "Meeting Date/Time:", "Date of the meeting:" (not "Due date:" or "Release date:"). Runs of
 * blanks are bounded: unbounded, a label followed by a long run of them backtracked for seconds.
 */
const DATE_LABEL =
  /^(?:[*_]{1,2})?[ \t]{0,3}(?:meeting[ \t]{1,3})?date(?:[ \t]{0,3}\/[ \t]{0,3}time)?(?:[ \t]{1,3}of[ \t]{1,3}(?:the[ \t]{1,3})?meeting)?[ \t]{0,3}(?:[*_]{1,2})?[ \t]{0,3}:[ \t]{0,3}(?:[*_]{1,2})?[ \t]{0,3}/i;

/**
 * The date a labelled line states ("Date: June 18, 2024", "**Date:** 2026-02-20",
 * "Meeting Date/Time: Friday, Feb 19th, 2021 14:00 UTC"): it must follow the label at
 * once; what comes after it (a time) does not matter.
 */
export function labelledDate(line: string): FoundDate | undefined {
  const label = DATE_LABEL.exec(line);
  if (!label) return undefined;
  const rest = line.slice(label[0].length);
  const found = findFullDate(rest);
  // Right after the label, or after a weekday there ("Thursday 2022/08/04": numeric dates have none of their own).
  if (!found || (found.start !== 0 && found.start !== LEADING_WEEKDAY.exec(rest)![0].length)) return undefined;
  return { start: label[0].length, end: label[0].length + found.end, iso: found.iso };
}

/** True when `line` is nothing but a date (optionally with a weekday and punctuation). */
export function isDateOnlyLine(line: string): FoundDate | undefined {
  const found = findFullDate(line);
  if (!found) return undefined;
  const rest = (line.slice(0, found.start) + line.slice(found.end)).replace(/[\s.,:;–—-]/g, '');
  return rest === '' ? found : undefined;
}

/** The leading date of a daily note's file name: `2021-10-02.md`, `2021-10-02 Saturday.md`, `2021_10_02-journal.md`. */
const FILE_NAME_DATE = /^(\d{4})([-_.])(\d{2})\2(\d{2})(?![\d])/;

/** A note's date from its file name (daily notes), as a document date with an empty span. */
export function fileNameDate(
  uri: string,
): { text: string; span: { start: number; end: number }; iso: string; fromFileName: true } | undefined {
  const name = baseName(uri).replace(/\.md$/i, '');
  const m = FILE_NAME_DATE.exec(name);
  const iso = m ? isoOf(Number(m[1]), Number(m[3]), Number(m[4])) : undefined;
  return m && iso ? { text: name, span: { start: 0, end: 0 }, iso, fromFileName: true } : undefined;
}

/** The `date:` of a front matter block ending at `end` (0: none), when it names a complete date. */
export function frontMatterDate(
  text: string,
  end: number,
): { text: string; span: { start: number; end: number }; iso: string } | undefined {
  if (end === 0) return undefined;
  const m = /^date[ \t]*:[ \t]*["']?([^"'\r\n]*)/m.exec(text.slice(0, end));
  const found = m ? findFullDate(m[1]!) : undefined;
  if (!m || !found) return undefined;
  const start = m.index + m[0].length - m[1]!.length;
  return { text: m[1]!.trim(), span: { start, end: start + m[1]!.trimEnd().length }, iso: found.iso };
}

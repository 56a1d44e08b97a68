/** Calendar arithmetic on plain dates (no time zones, no system clock). */

export interface CalendarDate {
  y: number;
  m: number; // 1–12
  d: number; // 1–31
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Days in a month; with no year, February may have 29. */
export function daysInMonth(m: number, y?: number): number {
  if (m === 2) return y === undefined ? 29 : isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** True when the date exists. */
export function isValid(c: CalendarDate): boolean {
  return c.m >= 1 && c.m <= 12 && c.d >= 1 && c.d <= daysInMonth(c.m, c.y);
}

/** Days since 1970-01-01 (proleptic Gregorian). */
export function dayNumber(c: CalendarDate): number {
  // Days from civil (H. Hinnant's algorithm): plain arithmetic, no Date object.
  const y = c.m <= 2 ? c.y - 1 : c.y;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (c.m + (c.m > 2 ? -3 : 9)) + 2) / 5) + c.d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): CalendarDate {
  // Civil from days (H. Hinnant's algorithm), the inverse of `dayNumber`.
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(c: CalendarDate): number {
  return (((dayNumber(c) + 4) % 7) + 7) % 7;
}

export function addDays(c: CalendarDate, n: number): CalendarDate {
  return fromDayNumber(dayNumber(c) + n);
}

/** Adds months, clamping the day into the target month. */
export function addMonths(c: CalendarDate, n: number): CalendarDate {
  const total = c.y * 12 + (c.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(c.d, daysInMonth(m, y)) };
}

/** "October 8, 2021" (or "October 8" without the year). */
export function formatDate(c: CalendarDate, withYear = true): string {
  return `${MONTH_NAMES[c.m - 1]} ${c.d}${withYear ? `, ${c.y}` : ''}`;
}

/** "Wednesday, December 8, 2021". */
export function formatWithWeekday(c: CalendarDate, withYear = true): string {
  return `${WEEKDAY_NAMES[weekdayOf(c)]}, ${formatDate(c, withYear)}`;
}

/** ISO `YYYY-MM-DD`. */
export function iso(c: CalendarDate): string {
  return `${String(c.y).padStart(4, '0')}-${String(c.m).padStart(2, '0')}-${String(c.d).padStart(2, '0')}`;
}

export function parseIso(s: string): CalendarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const c = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValid(c) ? c : undefined;
}

/** "December 7–9, 2021", "November 30 – December 2, 2021", "December 30, 2021 – January 2, 2022". */
export function formatSpan(a: CalendarDate, b: CalendarDate): string {
  if (dayNumber(a) === dayNumber(b)) return formatDate(a);
  if (a.y === b.y && a.m === b.m) return `${MONTH_NAMES[a.m - 1]} ${a.d}–${b.d}, ${a.y}`;
  if (a.y === b.y) return `${formatDate(a, false)} – ${formatDate(b)}`;
  return `${formatDate(a)} – ${formatDate(b)}`;
}

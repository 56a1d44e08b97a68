/**
 * Geometry of a source's timeline, kept apart from the HTML so that it can be tested:
 * the axis scaled to the dates shown, ticks that never crowd, and labels placed in lanes
 * so that no two overlap. No vscode import.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/** Width of a label in px at the page's 11 px font: generous, so a real font never overflows it. */
export const CHAR_WIDTH = 6.8;
/** Space kept between two labels in the same lane. */
export const LABEL_GAP = 10;

/** Days since 1970-01-01 of an ISO date. */
export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

const dateOf = (day: number) => new Date(day * DAY_MS);

/** "Dec 7, 2021". */
export function shortDate(iso: string): string {
  const d = dateOf(dayOf(iso));
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** Estimated width of `text` as a label. */
export const labelWidth = (text: string): number => Math.ceil(text.length * CHAR_WIDTH);

export interface Scale {
  /** First and last day shown. */
  lo: number;
  hi: number;
  /** Pixels of the axis. */
  left: number;
  right: number;
  x(day: number): number;
  contains(day: number): boolean;
}

/**
 * An axis for `days`: their range with a little room either side (three days either side
 * of a single date), mapped onto [left, right].
 */
export function scaleFor(days: readonly number[], left: number, right: number): Scale {
  const min = Math.min(...days);
  const max = Math.max(...days);
  const pad = max === min ? 3 : Math.max(1, Math.round((max - min) * 0.04));
  const lo = min - pad;
  const hi = max + pad;
  return {
    lo,
    hi,
    left,
    right,
    x: (day) => left + ((day - lo) / (hi - lo)) * (right - left),
    contains: (day) => day >= lo && day <= hi,
  };
}

export interface Tick {
  day: number;
  label: string;
}

type Step = { days: number } | { months: number };

// From one day to a decade: the first step whose ticks do not crowd is used.
const STEPS: Step[] = [
  { days: 1 },
  { days: 2 },
  { days: 7 },
  { days: 14 },
  { months: 1 },
  { months: 2 },
  { months: 3 },
  { months: 6 },
  { months: 12 },
  { months: 24 },
  { months: 60 },
  { months: 120 },
];

function ticksOf(scale: Scale, step: Step): Tick[] {
  const ticks: Tick[] = [];
  if ('days' in step) {
    // Weekly ticks fall on Mondays (day 4 since the epoch was a Monday); others on every n-th day.
    const phase = step.days === 7 ? 4 : 0;
    let day = Math.ceil((scale.lo - phase) / step.days) * step.days + phase;
    for (; day <= scale.hi; day += step.days) {
      const d = dateOf(day);
      const withYear = ticks.length === 0 || (d.getUTCMonth() === 0 && d.getUTCDate() <= step.days);
      ticks.push({ day, label: `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}${withYear ? `, ${d.getUTCFullYear()}` : ''}` });
    }
    return ticks;
  }
  const first = dateOf(scale.lo);
  let month = first.getUTCFullYear() * 12 + first.getUTCMonth();
  if (first.getUTCDate() !== 1) month++;
  month = Math.ceil(month / step.months) * step.months;
  for (; ; month += step.months) {
    const day = Math.round(Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS);
    if (day > scale.hi) break;
    const m = month % 12;
    const label =
      step.months >= 12
        ? String(Math.floor(month / 12))
        : ticks.length === 0 || m < step.months
          ? `${MONTHS[m]} ${Math.floor(month / 12)}`
          : MONTHS[m]!;
    ticks.push({ day, label });
  }
  return ticks;
}

/** Ticks at the finest step (day, week, month, …, decade) whose labels keep clear of each other. */
export function chooseTicks(scale: Scale): Tick[] {
  let ticks: Tick[] = [];
  for (const step of STEPS) {
    ticks = ticksOf(scale, step);
    const crowded = ticks.some((t, i) => {
      const next = ticks[i + 1];
      return next !== undefined && scale.x(next.day) - scale.x(t.day) < (labelWidth(t.label) + labelWidth(next.label)) / 2 + LABEL_GAP;
    });
    if (!crowded && ticks.length <= 24) return ticks;
  }
  return ticks.slice(0, 1);
}

export interface Placed {
  /** Left edge of the label box. */
  left: number;
  width: number;
  /** 0 is the lane nearest the axis. */
  lane: number;
}

/**
 * Places labels centred on their marks' x where they fit, shifted inside [left, right]
 * at the edges, each in the first lane where it keeps LABEL_GAP from the label before it.
 * Returns one placement per input, in input order.
 */
export function placeLabels(items: readonly { x: number; text: string }[], left: number, right: number): Placed[] {
  const order = items.map((item, index) => ({ ...item, index })).sort((a, b) => a.x - b.x || a.index - b.index);
  const laneEnds: number[] = [];
  const placed: Placed[] = new Array(items.length);
  for (const item of order) {
    const width = labelWidth(item.text);
    const start = Math.min(Math.max(item.x - width / 2, left), Math.max(left, right - width));
    let lane = laneEnds.findIndex((end) => end + LABEL_GAP <= start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = start + width;
    placed[item.index] = { left: start, width, lane };
  }
  return placed;
}

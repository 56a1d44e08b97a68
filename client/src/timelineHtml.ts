/**
 * The timeline page: one line per source with its stated date, the dates its text refers
 * to (flagged ones in red), and the current note's citations of it. Every mark is a link
 * to its line in the source: the page's one script (nonce'd, under a CSP that allows
 * nothing else) posts `{ type: 'open', source, line }` to the extension, and the page's
 * width (`{ type: 'width', width }`) so that the extension lays it out again to fit.
 * No vscode import: tested on its own.
 */
import type { ClientToServer } from '../../shared/protocol';
import { chooseTicks, dayOf, placeLabels, scaleFor, shortDate, type Scale } from './timelineLayout';

type SourceTimeline = ClientToServer.SourceTimeline;

/** What the page posts when a mark is clicked: the source's index in the page and a 1-based line. */
export interface OpenMessage {
  type: 'open';
  source: number;
  line: number;
}

/** What the page posts when it is not as wide as it was laid out for. */
export interface WidthMessage {
  type: 'width';
  width: number;
}

/** The width laid out before the page has said how wide it is, and the narrowest layout. */
export const DEFAULT_WIDTH = 900;
export const MIN_WIDTH = 360;
const MARGIN = 16;
const LANE = 17;
const AXIS_GAP = 34;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** A mark on the axis with its label and the line it opens. */
interface Mark {
  day: number;
  label: string;
  title: string;
  line: number;
  kind: 'date' | 'flagged' | 'stated' | 'implied' | 'citation';
}

function marksOf(t: SourceTimeline): { below: Mark[]; above: Mark[] } {
  const below: Mark[] = t.entries.map((e) => ({
    day: dayOf(e.date),
    label: e.text.length > 30 ? `${e.text.slice(0, 29)}…` : e.text,
    title: `${e.weekday}, ${shortDate(e.date)}: “${e.text}” (line ${e.line})${e.flagged.map((f) => `\n⚠ ${f}`).join('')}`,
    line: e.line,
    kind: e.flagged.length > 0 ? 'flagged' : 'date',
  }));
  if (t.stated)
    below.push({
      day: dayOf(t.stated),
      label: `stated ${shortDate(t.stated)}`,
      title: `The source's stated date, ${shortDate(t.stated)}`,
      line: t.statedLine ?? 1,
      kind: 'stated',
    });
  if (t.implied && t.implied !== t.stated) {
    below.push({
      day: dayOf(t.implied),
      label: `implied ${shortDate(t.implied)}`,
      title: `The date the source's own text implies, ${shortDate(t.implied)}`,
      line: t.statedLine ?? 1,
      kind: 'implied',
    });
  }
  const above: Mark[] = (t.citations ?? [])
    .filter((c) => c.date)
    .map((c) => ({
      day: dayOf(c.date!),
      label: c.text,
      title: `${c.text} (note line ${c.noteLine}) cites line ${c.line}, dated ${shortDate(c.date!)}`,
      line: c.line,
      kind: 'citation',
    }));
  return { below, above };
}

/**
 * The axis covers the dates of the text and of the citations; the stated date joins them
 * when it is near. A stated date far away (a source dated years after its events) would
 * squeeze everything else into a dot: it is drawn at the edge, past a break in the axis.
 */
function axisFor(marks: Mark[], width: number): { scale: Scale; offScale: Mark[] } {
  const core = marks.filter((m) => m.kind !== 'stated' && m.kind !== 'implied').map((m) => m.day);
  const extra = marks.filter((m) => m.kind === 'stated' || m.kind === 'implied');
  let days = core.length > 0 ? core : extra.map((m) => m.day);
  if (core.length > 0) {
    const span = Math.max(Math.max(...core) - Math.min(...core), 14);
    const near = extra.filter((m) => m.day >= Math.min(...core) - span && m.day <= Math.max(...core) + span);
    days = [...core, ...near.map((m) => m.day)];
  }
  const hasLeft = extra.some((m) => m.day < Math.min(...days));
  const hasRight = extra.some((m) => m.day > Math.max(...days));
  const scale = scaleFor(days, MARGIN + (hasLeft ? 40 : 0), width - MARGIN - (hasRight ? 40 : 0));
  return { scale, offScale: extra.filter((m) => !scale.contains(m.day)) };
}

function markShape(m: Mark, x: number, y: number): string {
  if (m.kind === 'stated' || m.kind === 'implied') return `<path class="shape" d="M${fmt(x)} ${y - 6}l6 6-6 6-6-6z"/>`;
  if (m.kind === 'citation') return `<path class="shape" d="M${fmt(x - 6)} ${y - 14}h12l-6 9z"/>`;
  return `<circle class="shape" cx="${fmt(x)}" cy="${y}" r="5"/>`;
}

/** A mark's shape and leader, and its label, as two layers: every leader runs under every label. */
function markSvg(
  m: Mark,
  x: number,
  axisY: number,
  labelY: number,
  box: { left: number; width: number },
): { shape: string; label: string } {
  const above = m.kind === 'citation';
  // The leader drops straight down (or up) when the label spans the mark, else to its nearest end.
  const toX = Math.min(Math.max(x, box.left + 3), box.left + box.width - 3);
  const from = above ? axisY - 14 : axisY + 6;
  const to = above ? labelY + 4 : labelY - 11;
  const open =
    `<g class="mark ${m.kind}" data-line="${m.line}" tabindex="0" role="link" ` +
    `aria-label="${escapeHtml(m.title)}"><title>${escapeHtml(m.title)}</title>`;
  return {
    shape: `${open}<path class="leader" d="M${fmt(x)} ${from}L${fmt(toX)} ${to}"/>${markShape(m, x, axisY)}</g>`,
    label: `${open}<text class="label" x="${fmt(box.left + box.width / 2)}" y="${labelY}">${escapeHtml(m.label)}</text></g>`,
  };
}

/** The SVG of one source's timeline, `width` pixels wide. */
export function timelineSvg(t: SourceTimeline, width = DEFAULT_WIDTH): string {
  const { below, above } = marksOf(t);
  const all = [...below, ...above];
  if (all.length === 0) return '<p class="empty">No dates found in this source.</p>';
  const { scale, offScale } = axisFor(all, width);
  const xOf = (m: Mark) => (scale.contains(m.day) ? scale.x(m.day) : m.day < scale.lo ? MARGIN + 12 : width - MARGIN - 12);
  const abovePlaced = placeLabels(
    above.map((m) => ({ x: xOf(m), text: m.label })),
    MARGIN,
    width - MARGIN,
  );
  const belowPlaced = placeLabels(
    below.map((m) => ({ x: xOf(m), text: m.label })),
    MARGIN,
    width - MARGIN,
  );
  const aboveLanes = abovePlaced.reduce((n, p) => Math.max(n, p.lane + 1), 0);
  const belowLanes = belowPlaced.reduce((n, p) => Math.max(n, p.lane + 1), 0);
  const axisY = 12 + (aboveLanes > 0 ? AXIS_GAP + aboveLanes * LANE : 8);
  const ticks = chooseTicks(scale);
  const tickSvg = ticks
    .map(
      (tick) =>
        `<line class="tick" x1="${fmt(scale.x(tick.day))}" y1="${axisY}" x2="${fmt(scale.x(tick.day))}" ` +
        `y2="${axisY + 5}"/><text class="tick-label" x="${fmt(scale.x(tick.day))}" ` +
        `y="${axisY + 17}">${escapeHtml(tick.label)}</text>`,
    )
    .join('');
  const span =
    t.start && t.end && scale.contains(dayOf(t.start)) && scale.contains(dayOf(t.end))
      ? `<rect class="span" x="${fmt(scale.x(dayOf(t.start)) - 3)}" y="${axisY - 4}" ` +
        `width="${fmt(scale.x(dayOf(t.end)) - scale.x(dayOf(t.start)) + 6)}" height="8"><title>The dates ` +
        `the text refers to: ${escapeHtml(shortDate(t.start))} ` +
        `– ${escapeHtml(shortDate(t.end))}</title></rect>`
      : '';
  const breaks = offScale.map((m) => {
    const x = m.day < scale.lo ? scale.left - 14 : scale.right + 14;
    return `<path class="break" d="M${fmt(x - 4)} ${axisY + 6}l4-12M${fmt(x + 1)} ${axisY + 6}l4-12"/>`;
  });
  const marks = [
    ...below.map((m, i) => markSvg(m, xOf(m), axisY, axisY + AXIS_GAP + 12 + belowPlaced[i]!.lane * LANE, belowPlaced[i]!)),
    ...above.map((m, i) => markSvg(m, xOf(m), axisY, axisY - AXIS_GAP + 6 - abovePlaced[i]!.lane * LANE, abovePlaced[i]!)),
  ];
  const height = axisY + AXIS_GAP + 12 + Math.max(belowLanes, 1) * LANE;
  return (
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-label="Timeline of source ${escapeHtml(t.id)}">` +
    `<line class="axis" x1="${fmt(scale.left)}" y1="${axisY}" x2="${fmt(scale.right)}" y2="${axisY}"/>${breaks.join('')}${span}${tickSvg}` +
    `${marks.map((m) => m.shape).join('')}${marks.map((m) => m.label).join('')}</svg>`
  );
}

function sectionHtml(t: SourceTimeline, index: number, width: number): string {
  const dates = t.start ? `${escapeHtml(shortDate(t.start))} – ${escapeHtml(shortDate(t.end ?? t.start))}` : 'none';
  const cites = t.citations && t.citations.length > 0 ? ` · cited ${t.citations.length}× in this note` : '';
  const items = t.entries
    .map(
      (e) =>
        `<li class="${e.flagged.length ? 'flagged' : ''}" data-line="${e.line}" tabindex="0" ` +
        `role="link">${escapeHtml(e.weekday)}, ${escapeHtml(e.date)} — “${escapeHtml(e.text)}” ` +
        `(line ${e.line})${e.flagged.map((f) => `<br><span class="problem">⚠ ${escapeHtml(f)}</span>`).join('')}</li>`,
    )
    .join('');
  return (
    `<section data-source="${index}"><h2>Source ${escapeHtml(t.id)}${t.title ? ` — ${escapeHtml(t.title)}` : ''}</h2>
<p class="summary">Stated date: ${t.stated ? escapeHtml(shortDate(t.stated)) : 'none'} · dates in the ` +
    `text: ${dates}${t.implied ? ` · implied: ${escapeHtml(shortDate(t.implied))}` : ''}${cites}</p>
${t.problems.map((p) => `<p class="problem">⚠ ${escapeHtml(p)}</p>`).join('')}
${timelineSvg(t, width)}
${t.entries.length > 0 ? `<details><summary>${t.entries.length} dates in the text</summary><ul>${items}</ul></details>` : ''}</section>`
  );
}

// The page's only script: a click (or Enter) on a mark asks the extension to open its line;
// a page narrower or wider than its layout asks to be laid out again.
const SCRIPT = `const vscode = acquireVsCodeApi();
const laidOut = Number(document.body.dataset.width);
function fit() {
  const width = Math.max(${MIN_WIDTH}, Math.floor(document.documentElement.clientWidth) - 32);
  if (Math.abs(width - laidOut) > 24) vscode.postMessage({ type: 'width', width });
  else document.body.dataset.fitted = 'true';
}
let resizing;
window.addEventListener('resize', () => { clearTimeout(resizing); resizing = setTimeout(fit, 150); });
fit();
function open(target) {
  const mark = target.closest('[data-line]');
  const section = mark && mark.closest('[data-source]');
  if (!section) return;
  vscode.postMessage({ type: 'open', source: Number(section.dataset.source), line: Number(mark.dataset.line) });
}
document.addEventListener('click', (e) => open(e.target));
document.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') open(e.target); });`;

/** The whole page, laid out `width` pixels wide; `note` names the note whose citations are shown, if any. */
export function timelineHtml(timelines: readonly SourceTimeline[], nonce: string, note?: string, width = DEFAULT_WIDTH): string {
  const sections = timelines.map((t, i) => sectionHtml(t, i, width)).join('\n') || '<p>No sources.</p>';
  const legend =
    `<p class="legend"><span class="key stated">◆</span> stated date <span class="key ` +
    `date">●</span> date in the text <span class="key flagged">●</span> flagged ` +
    `date${note ? ` <span class="key citation">▼</span> cited in ${escapeHtml(note)}` : ''} · click ` +
    `a mark to open its line</p>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<title>Source timelines</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground); }
h1 { font-size: 1.5em; margin: .4em 0; } h2 { font-size: 1.15em; margin: 1.2em 0 .2em; } p { margin: .3em 0; }
svg { display: block; max-width: 100%; height: auto; overflow: visible; }
svg text { font-size: 11px; font-family: var(--vscode-font-family); fill: var(--vscode-foreground); text-anchor: middle; }
.label, .tick-label { paint-order: stroke; stroke: var(--vscode-editor-background, #1e1e1e); stroke-width: 4px; stroke-linejoin: round; }
.axis, .tick { stroke: var(--vscode-foreground); stroke-width: 1; } .tick-label { fill: var(--vscode-descriptionForeground); }
.break { stroke: var(--vscode-foreground); stroke-width: 1.5; }
.span { fill: var(--vscode-charts-blue, #3794ff); opacity: .3; }
.leader { stroke: var(--vscode-descriptionForeground); stroke-width: 1; fill: none; }
.mark { cursor: pointer; } .mark:hover .label, .mark:focus .label { text-decoration: underline; } .mark:focus { outline: none; }
.date .shape, .key.date { fill: var(--vscode-charts-green, #89d185); color: var(--vscode-charts-green, #89d185); }
.flagged .shape, .key.flagged { fill: var(--vscode-charts-red, #f14c4c); color: var(--vscode-charts-red, #f14c4c); }
.stated .shape, .key.stated { fill: var(--vscode-charts-orange, #d18616); color: var(--vscode-charts-orange, #d18616); }
.implied .shape { fill: none; stroke: var(--vscode-charts-orange, #d18616); stroke-width: 1.5; }
.citation .shape, .key.citation { fill: var(--vscode-charts-purple, #b180d7); color: var(--vscode-charts-purple, #b180d7); }
.problem, li.flagged { color: var(--vscode-errorForeground, #f14c4c); }
.summary, .legend { color: var(--vscode-descriptionForeground); } li[data-line] { cursor: pointer; }
</style></head><body data-width="${width}"><h1>Source timelines</h1>${legend}${sections}
<script nonce="${nonce}">${SCRIPT}</script></body></html>`;
}

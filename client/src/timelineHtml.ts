/** The timeline page, as HTML with an SVG per source. No vscode import: tested on its own. */

/** Mirrors `SourceTimeline` in server/src/core/dates/index.ts. */
export interface SourceTimeline {
  uri: string;
  id: string;
  title?: string;
  stated?: string;
  start?: string;
  end?: string;
  entries: { text: string; date: string; weekday: string; line: number; flagged: string[] }[];
  problems: string[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86400000;

/** The SVG of one source's timeline. */
export function timelineSvg(t: SourceTimeline): string {
  const days = [...t.entries.map((e) => dayOf(e.date)), ...(t.stated ? [dayOf(t.stated)] : [])];
  if (days.length === 0) return '<p class="empty">No dates found in this source.</p>';
  const lo = Math.min(...days) - 2;
  const hi = Math.max(...days) + 2;
  const width = 860;
  const x = (d: number) => 30 + ((d - lo) / Math.max(hi - lo, 1)) * (width - 60);
  const marks = t.entries.map((e, i) => {
    const cx = x(dayOf(e.date));
    const flagged = e.flagged.length > 0;
    const y = 60 + (i % 4) * 22;
    const title = escapeHtml(`${e.weekday}, ${e.date} — “${e.text}” (line ${e.line})${flagged ? '\n' + e.flagged.join('\n') : ''}`);
    return `<g class="${flagged ? 'flagged' : 'date'}"><title>${title}</title><line x1="${cx}" y1="40" x2="${cx}" y2="${y - 6}"/><circle cx="${cx}" cy="40" r="5"/><text x="${cx}" y="${y}">${escapeHtml(e.text.slice(0, 28))}</text></g>`;
  });
  const stated = t.stated
    ? `<g class="stated"><title>Stated date ${escapeHtml(t.stated)}</title><rect x="${x(dayOf(t.stated)) - 6}" y="34" width="12" height="12"/><text x="${x(dayOf(t.stated))}" y="24">stated ${escapeHtml(t.stated)}</text></g>`
    : '';
  const span = t.start && t.end ? `<rect class="span" x="${x(dayOf(t.start)) - 3}" y="36" width="${x(dayOf(t.end)) - x(dayOf(t.start)) + 6}" height="8"/>` : '';
  return `<svg viewBox="0 0 ${width} 150" role="img" aria-label="Timeline of source ${escapeHtml(t.id)}"><line class="axis" x1="20" y1="40" x2="${width - 20}" y2="40"/>${span}${stated}${marks.join('')}</svg>`;
}

/** The whole page. */
export function timelineHtml(timelines: SourceTimeline[], cspSource: string, nonce: string): string {
  const sections = timelines.map(
    (t) => `<section><h2>Source ${escapeHtml(t.id)}${t.title ? ` — ${escapeHtml(t.title)}` : ''}</h2>
<p>Stated date: ${t.stated ? escapeHtml(t.stated) : 'none'} · dates in the text: ${t.start ? `${escapeHtml(t.start)} – ${escapeHtml(t.end ?? t.start)}` : 'none'}</p>
${t.problems.map((p) => `<p class="problem">⚠ ${escapeHtml(p)}</p>`).join('')}
${timelineSvg(t)}
<ul>${t.entries.map((e) => `<li class="${e.flagged.length ? 'flagged' : ''}">${escapeHtml(e.weekday)}, ${escapeHtml(e.date)} — “${escapeHtml(e.text)}” (line ${e.line})${e.flagged.map((f) => `<br><span class="problem">⚠ ${escapeHtml(f)}</span>`).join('')}</li>`).join('')}</ul></section>`,
  );
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<title>Source timelines</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
svg { width: 100%; max-width: 900px; } .axis { stroke: var(--vscode-foreground); stroke-width: 1; }
.span { fill: var(--vscode-charts-blue, #3794ff); opacity: .35; } .date circle { fill: var(--vscode-charts-green, #89d185); }
.date line, .flagged line { stroke: var(--vscode-descriptionForeground); } text { font-size: 11px; fill: var(--vscode-foreground); text-anchor: middle; }
.flagged circle { fill: var(--vscode-charts-red, #f14c4c); } .stated rect { fill: var(--vscode-charts-orange, #d18616); }
.problem, li.flagged { color: var(--vscode-errorForeground, #f14c4c); }
</style></head><body><h1>Source timelines</h1>${sections.join('\n') || '<p>No sources.</p>'}</body></html>`;
}


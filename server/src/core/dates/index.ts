/**
 * Dates in the workspace: each note's and source's date analysis (cached per version,
 * or per workspace state for notes, which depend on the sources they cite), the date
 * hover, and the source timelines.
 */
import { parseIso, iso, formatWithWeekday, formatDate, dayNumber, type CalendarDate } from './calendar.js';
import { analyzeDates, type DateAnalysis, type Reference, type Timeline } from './analyze.js';
import type { DocUri, NoteIndex, SourceIndex, Span } from '../types.js';
import type { WorkspaceView } from '../view.js';

export type { DateAnalysis, DateFinding } from './analyze.js';

function documentReference(doc: NoteIndex | SourceIndex, label: string): Reference | undefined {
  const date = doc.date?.iso ? parseIso(doc.date.iso) : undefined;
  return date ? { date, basis: label } : undefined;
}

function sourceLabel(source: SourceIndex): string {
  // A PDF's or web page's metadata date stands nowhere in its text (an empty span).
  const whereDate = source.date && source.date.span.end === source.date.span.start ? 'metadata date' : source.date && source.title?.includes(source.date.text) ? 'title' : 'date line';
  return `source ${source.id}'s ${whereDate}`;
}

/** The date analysis of a source (depends on its text only). */
export function sourceDates(view: WorkspaceView, source: SourceIndex): DateAnalysis {
  return view.memo(source.uri, 'dates', () => {
    const documentDate = documentReference(source, sourceLabel(source));
    return analyzeDates(source.text, { ...(documentDate ? { documentDate } : {}), isSource: true });
  });
}

/** The sources a note cites, with the paragraph of each citation. */
function citedSources(view: WorkspaceView, note: NoteIndex): { source: SourceIndex; paragraph: Span }[] {
  const out: { source: SourceIndex; paragraph: Span }[] = [];
  for (const c of note.citations) {
    const r = view.resolve(note, c);
    if (r.kind === 'source') out.push({ source: r.source, paragraph: c.paragraph });
  }
  return out;
}

/** The date analysis of a note, resolved against its own date, then the sources it cites. */
export function noteDates(view: WorkspaceView, note: NoteIndex): DateAnalysis {
  return view.derived(note.uri, 'dates', () => {
    const text = view.text(note.uri) ?? '';
    const cited = citedSources(view, note);
    const documentDate = documentReference(note, `the note's date`);
    const fallbackAt = (offset: number): Reference | undefined => {
      const here = cited.find((c) => offset >= c.paragraph.start && offset < c.paragraph.end && c.source.date?.iso);
      const s = here?.source;
      const date = s?.date?.iso ? parseIso(s.date.iso) : undefined;
      return s && date ? { date, basis: sourceLabel(s) } : undefined;
    };
    const context: Timeline[] = [];
    for (const c of new Set(cited.map((x) => x.source))) context.push(sourceDates(view, c).timeline);
    const inProse = (span: Span) => note.prose.some((p) => span.start >= p.start && span.end <= p.end);
    const inCitation = (span: Span) => note.citations.some((c) => span.start < c.end && c.start < span.end);
    // Dates inside quotation marks are the source's words, dated by the source's context.
    const quoted = [...text.matchAll(/"[^"\n]{1,300}"|\u201c[^\u201d\n]{1,300}\u201d/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const inQuote = (span: Span) => quoted.some((q) => span.start >= q.start && span.end <= q.end);
    return analyzeDates(text, {
      ...(documentDate ? { documentDate } : {}),
      fallbackAt,
      context,
      ignore: (span) => !inProse(span) || inCitation(span) || inQuote(span),
    });
  });
}

/** The analysis of any note or source. */
export function datesOf(view: WorkspaceView, uri: DocUri): DateAnalysis | undefined {
  const note = view.note(uri);
  if (note) return noteDates(view, note);
  const source = view.source(uri);
  return source ? sourceDates(view, source) : undefined;
}

/** Hover on a date: the absolute date, its weekday, what it was resolved against. */
export function dateHover(view: WorkspaceView, uri: DocUri, offset: number): { markdown: string; span: Span } | undefined {
  const analysis = datesOf(view, uri);
  const m = analysis?.mentions.find((x) => offset >= x.start && offset <= x.end);
  if (!m || !m.resolved) return undefined;
  const basis = m.year ? 'as written' : `resolved against ${m.basis ?? 'the context'}`;
  const flagged = analysis!.findings.filter((f) => f.span.start <= m.start && f.span.end >= m.end - 1).map((f) => `⚠ ${f.message} (${f.code})`);
  return { markdown: [`**${formatWithWeekday(m.resolved)}** — ${basis}`, ...flagged].join('\n\n'), span: { start: m.start, end: m.end } };
}

export interface TimelineEntry {
  text: string;
  date: string;
  weekday: string;
  line: number;
  flagged: string[];
}

export interface SourceTimeline {
  uri: DocUri;
  id: string;
  title?: string;
  stated?: string;
  start?: string;
  end?: string;
  entries: TimelineEntry[];
  problems: string[];
}

/** Each source's stated date, the span of the dates it refers to, and every resolved mention. */
export function timelineData(view: WorkspaceView, uri?: DocUri): SourceTimeline[] {
  const out: SourceTimeline[] = [];
  for (const source of view.sources()) {
    if (uri && source.uri !== uri) continue;
    const a = sourceDates(view, source);
    const lines = view.lines(source.uri);
    const entry: SourceTimeline = { uri: source.uri, id: source.id, entries: [], problems: [] };
    if (source.title) entry.title = source.title;
    if (source.date?.iso) entry.stated = source.date.iso;
    if (a.timeline.start) entry.start = iso(a.timeline.start);
    if (a.timeline.end) entry.end = iso(a.timeline.end);
    for (const m of a.mentions) {
      if (!m.resolved) continue;
      const flagged = a.findings.filter((f) => f.span.start <= m.start && f.span.end >= m.end - 1).map((f) => `${f.code}: ${f.message}`);
      entry.entries.push({ text: m.text, date: iso(m.resolved), weekday: formatWithWeekday(m.resolved).split(',')[0]!, line: (lines?.lineOf(m.start) ?? 0) + 1, flagged });
    }
    entry.problems = a.findings.filter((f) => f.code === 'GN023').map((f) => f.message);
    out.push(entry);
  }
  return out.sort((x, y) => x.id.localeCompare(y.id));
}

/** Whether two dates are the same day. */
export function sameDay(a: CalendarDate, b: CalendarDate): boolean {
  return dayNumber(a) === dayNumber(b);
}

export { formatDate, formatWithWeekday };

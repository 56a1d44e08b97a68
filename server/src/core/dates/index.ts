/**
 * Dates in the workspace: each note's and source's date analysis (cached per version,
 * or per workspace state for notes, which depend on the sources they cite), the date
 * hover, and the source timelines.
 */
import { parseIso, iso, formatWithWeekday, formatDate, dayNumber, weekdayOf, WEEKDAY_NAMES, type CalendarDate } from './calendar.js';
import { analyzeDates, type DateAnalysis, type Reference, type Timeline } from './analyze.js';
import type { DateMention } from './types.js';
import type { DocUri, NoteIndex, SourceIndex, Span } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { lastStartingAtOrBefore } from '../text.js';
import { escapeMarkdown } from '../features/locate.js';

export type { DateAnalysis, DateFinding } from './analyze.js';
export { mentionsIn } from './analyze.js';

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

/** Whether `span` lies inside one of `sorted` (sorted by start, disjoint). */
function inside(sorted: readonly Span[], span: Span): boolean {
  const s = sorted[lastStartingAtOrBefore(sorted, span.start)];
  return !!s && span.end <= s.end;
}

/** Whether `span` overlaps one of `sorted` (sorted by start, disjoint). */
function overlaps(sorted: readonly Span[], span: Span): boolean {
  const s = sorted[lastStartingAtOrBefore(sorted, span.end - 1)];
  return !!s && s.end > span.start;
}

/** Per cited paragraph, the first cited source with a date: the fallback reference there. */
function citedReferences(view: WorkspaceView, note: NoteIndex): { paragraphs: Span[]; refs: Reference[]; sources: Set<SourceIndex> } {
  const paragraphs: Span[] = [];
  const refs: Reference[] = [];
  const sources = new Set<SourceIndex>();
  for (const c of note.citations) {
    const r = view.resolve(note, c);
    if (r.kind !== 'source') continue;
    sources.add(r.source);
    const date = r.source.date?.iso ? parseIso(r.source.date.iso) : undefined;
    const last = paragraphs[paragraphs.length - 1];
    if (!date || (last && last.start === c.paragraph.start)) continue;
    paragraphs.push(c.paragraph);
    refs.push({ date, basis: sourceLabel(r.source) });
  }
  return { paragraphs, refs, sources };
}

/** The date analysis of a note, resolved against its own date, then the sources it cites. */
export function noteDates(view: WorkspaceView, note: NoteIndex): DateAnalysis {
  return view.derived(note.uri, 'dates', () => {
    const text = view.text(note.uri) ?? '';
    const cited = citedReferences(view, note);
    const documentDate = documentReference(note, note.date?.fromFileName ? `the note's file name` : `the note's date`);
    const fallbackAt = (offset: number): Reference | undefined => {
      const i = lastStartingAtOrBefore(cited.paragraphs, offset);
      return i >= 0 && offset < cited.paragraphs[i]!.end ? cited.refs[i] : undefined;
    };
    const context: Timeline[] = [...cited.sources].map((s) => sourceDates(view, s).timeline);
    // Dates inside quotation marks are the source's words, dated by the source's context.
    const quoted = [...text.matchAll(/"[^"\n]{1,300}"|\u201c[^\u201d\n]{1,300}\u201d/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    return analyzeDates(text, {
      ...(documentDate ? { documentDate } : {}),
      fallbackAt,
      context,
      ignore: (span) => !inside(note.prose, span) || overlaps(note.citations, span) || inside(quoted, span),
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

const TENSE_WORDS = { '-1': 'past', '0': 'no tense', '1': 'future or scheduled' } as const;

/** The evidence line of the date hover: the governing verb, the weekday. */
function evidenceLine(m: DateMention): string | undefined {
  const e = m.evidence;
  if (!e) return undefined;
  const parts: string[] = [];
  if (e.verb?.verb) parts.push(`governing verb “${escapeMarkdown(e.verb.verb)}” (${TENSE_WORDS[String(e.verb.tense) as '-1' | '0' | '1']})`);
  if (m.kind === 'date' && m.weekday && m.resolved) {
    const written = WEEKDAY_NAMES[m.weekday.value]!;
    if (e.weekday === 'agrees') parts.push(`the weekday ${written} agrees`);
    else if (e.weekday === 'chose the year') parts.push(`the weekday ${written} agrees with ${m.resolved.y}, the year of ${escapeMarkdown(e.yearFrom ?? 'the context')}`);
    else parts.push(`the weekday ${written} disagrees: it was a ${WEEKDAY_NAMES[weekdayOf(m.resolved)]}`);
  }
  return parts.length > 0 ? `Evidence: ${parts.join(' · ')}` : undefined;
}

/** Hover on a date: the absolute date, what it was resolved against, the evidence used. */
export function dateHover(view: WorkspaceView, uri: DocUri, offset: number): { markdown: string; span: Span } | undefined {
  const analysis = datesOf(view, uri);
  if (!analysis) return undefined;
  const m = analysis.mentions[lastStartingAtOrBefore(analysis.mentions, offset)];
  if (!m || offset > m.end || !m.resolved) return undefined;
  const reference = m.evidence?.reference ?? m.basis ?? 'the context';
  const basis = m.year ? 'as written' : m.evidence?.yearFrom && m.evidence.weekday !== 'chose the year' ? `year from ${m.evidence.yearFrom}` : `resolved against ${reference}`;
  const flagged = findingsOver(analysis, m).map((f) => `⚠ ${escapeMarkdown(f.message)} (${f.code})`);
  const lines = [`**${formatWithWeekday(m.resolved)}** — ${escapeMarkdown(basis)}`, evidenceLine(m), ...flagged].filter((x): x is string => !!x);
  return { markdown: lines.join('\n\n'), span: { start: m.start, end: m.end } };
}

/** The findings whose span covers the mention. */
function findingsOver(analysis: DateAnalysis, m: Span): DateAnalysis['findings'] {
  const out: DateAnalysis['findings'] = [];
  // Findings are sorted by start and a finding covers at most a range of two dates.
  const findings = analysis.findings;
  let lo = 0;
  let hi = findings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (findings[mid]!.span.start <= m.start) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let i = hi; i >= 0; i--) {
    const f = analysis.findings[i]!;
    if (f.span.start < 0 || m.start - f.span.start > 200) break;
    if (f.span.end >= m.end - 1) out.unshift(f);
  }
  return out;
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
  /** The date the source states (date line, front matter, title). */
  stated?: string;
  /** The date its own text implies, when that contradicts the stated date (GN023). */
  implied?: string;
  start?: string;
  end?: string;
  entries: TimelineEntry[];
  problems: string[];
}

/** Each source's stated (and, when contradicted, implied) date, the span of its dates and every resolved mention. */
export function timelineData(view: WorkspaceView, uri?: DocUri): SourceTimeline[] {
  const out: SourceTimeline[] = [];
  for (const source of view.sources()) {
    if (uri && source.uri !== uri) continue;
    const a = sourceDates(view, source);
    const lines = view.lines(source.uri);
    const entry: SourceTimeline = { uri: source.uri, id: source.id, entries: [], problems: [] };
    if (source.title) entry.title = source.title;
    if (source.date?.iso) entry.stated = source.date.iso;
    if (a.implied) entry.implied = iso(a.implied.date);
    if (a.timeline.start) entry.start = iso(a.timeline.start);
    if (a.timeline.end) entry.end = iso(a.timeline.end);
    for (const m of a.mentions) {
      if (!m.resolved) continue;
      const flagged = findingsOver(a, m).map((f) => `${f.code}: ${f.message}`);
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

/**
 * Show Source Timeline's data: each source's timeline from the date analysis
 * (`dates/index.ts`), plus where its stated date is written and, given a note, where that
 * note's citations of the source fall on it. A citation is placed at the date its passage
 * speaks of: a date inside the passage, else the last date before it (the narrative's
 * reference time), else the source's stated date.
 */
import { sourceDates } from '../dates/index.js';
import { formatWithWeekday, iso } from '../dates/calendar.js';
import { dateFindings, findingsOver } from '../rules/dateJudgments.js';
import type { DocUri, NoteIndex, SourceIndex, Span } from '../types.js';
import type { WorkspaceView } from '../view.js';

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
    const findings = dateFindings(view, source.uri);
    const lines = view.lines(source.uri);
    const entry: SourceTimeline = { uri: source.uri, id: source.id, entries: [], problems: [] };
    if (source.title) entry.title = source.title;
    if (source.date?.iso) entry.stated = source.date.iso;
    if (a.implied) entry.implied = iso(a.implied.date);
    if (a.timeline.start) entry.start = iso(a.timeline.start);
    if (a.timeline.end) entry.end = iso(a.timeline.end);
    for (const m of a.mentions) {
      if (!m.resolved) continue;
      const flagged = findingsOver(findings, m).map((f) => `${f.code}: ${f.message}`);
      entry.entries.push({
        text: m.text,
        date: iso(m.resolved),
        weekday: formatWithWeekday(m.resolved).split(',')[0]!,
        line: (lines?.lineOf(m.start) ?? 0) + 1,
        flagged,
      });
    }
    // Findings of the source as a whole (GN023) have no place on its line.
    entry.problems = findings.filter((f) => f.span.start < 0).map((f) => f.message);
    out.push(entry);
  }
  return out.sort((x, y) => x.id.localeCompare(y.id));
}

/** A citation of a source in the note the timeline was opened from. */
export interface TimelineCitation {
  text: string;
  /** 1-based lines, in the note and in the source. */
  noteLine: number;
  line: number;
  date?: string;
}

export interface SourceTimelineView extends SourceTimeline {
  statedLine?: number;
  citations?: TimelineCitation[];
}

/** The date (`YYYY-MM-DD`) a passage of `source` speaks of, if any. */
function passageDate(view: WorkspaceView, source: SourceIndex, passage: Span): string | undefined {
  const mentions = sourceDates(view, source).mentions.filter((m) => m.resolved);
  const inside = mentions.find((m) => m.start >= passage.start && m.start < passage.end);
  const before = mentions.filter((m) => m.end <= passage.start).at(-1);
  const chosen = inside ?? before;
  return chosen?.resolved ? iso(chosen.resolved) : source.date?.iso;
}

/** The note's citations that resolve to a passage of `source`, in note order. */
function citationsOf(view: WorkspaceView, note: NoteIndex, source: SourceIndex): TimelineCitation[] {
  const noteLines = view.lines(note.uri);
  const sourceLines = view.lines(source.uri);
  const out: TimelineCitation[] = [];
  for (const c of note.citations) {
    const r = view.resolve(note, c);
    if (r.kind !== 'source' || r.source.uri !== source.uri) continue;
    const item: TimelineCitation = {
      text: view.text(note.uri)?.slice(c.start, c.end) ?? '',
      noteLine: (noteLines?.lineOf(c.start) ?? 0) + 1,
      line: (sourceLines?.lineOf(r.passage.start) ?? 0) + 1,
    };
    const date = passageDate(view, source, r.passage);
    if (date) item.date = date;
    out.push(item);
  }
  return out;
}

/** Every source's timeline (or one source's, given `uri`), with `note`'s citations on each. */
export function sourceTimelines(view: WorkspaceView, options: { uri?: DocUri; note?: DocUri } = {}): SourceTimelineView[] {
  const note = options.note ? view.note(options.note) : undefined;
  return timelineData(view, options.uri).map((t): SourceTimelineView => {
    const source = view.source(t.uri);
    if (!source) return t;
    const out: SourceTimelineView = { ...t };
    if (source.date) out.statedLine = (view.lines(source.uri)?.lineOf(source.date.span.start) ?? 0) + 1;
    if (note) out.citations = citationsOf(view, note, source);
    return out;
  });
}

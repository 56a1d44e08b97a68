/**
 * Dates in the workspace: each note's and source's date analysis (cached per version,
 * or per workspace state for notes, which depend on the sources they cite). The date
 * rules judge it (`rules/`); the date hover and the timelines show it (`features/`).
 */
import { parseIso, formatWithWeekday, formatDate, dayNumber, type CalendarDate } from './calendar.js';
import { analyzeDates, mayHoldDateProblems, unmaskedDates, type DateAnalysis, type Reference, type Timeline } from './analyze.js';
import type { Extracted } from './types.js';
import type { DocUri, NoteIndex, SourceIndex, Span } from '../types.js';
import type { WorkspaceView } from '../view.js';
import { sourceFormat } from '../formats.js';
import { lastStartingAtOrBefore, overlapsOneOf } from '../text.js';

export type { DateAnalysis, DateFinding } from './analyze.js';
export { mentionsIn } from './analyze.js';

function documentReference(doc: NoteIndex | SourceIndex, label: string): Reference | undefined {
  const date = doc.date?.iso ? parseIso(doc.date.iso) : undefined;
  return date ? { date, basis: label } : undefined;
}

function sourceLabel(source: SourceIndex): string {
  // A PDF's or web page's metadata date stands nowhere in its text (an empty span).
  const whereDate =
    source.date && source.date.span.end === source.date.span.start
      ? 'metadata date'
      : source.date && source.title?.includes(source.date.text)
        ? 'title'
        : 'date line';
  return `source ${source.id}'s ${whereDate}`;
}

/** A source's own date as the reference its text and the notes citing it are read against (made once per version). */
function sourceReference(view: WorkspaceView, source: SourceIndex): Reference | undefined {
  return view.memo(source.uri, 'reference', () => documentReference(source, sourceLabel(source)));
}

/** The date analysis of a source (depends on its text only). */
export function sourceDates(view: WorkspaceView, source: SourceIndex): DateAnalysis {
  return view.memo(source.uri, 'dates', () => {
    const documentDate = sourceReference(view, source);
    // A Markdown source's headings are its parser's (none in code blocks); a text file's `#` lines are its headings.
    const headings = sourceFormat(source.uri) === 'markdown' ? { headings: source.headings } : {};
    return analyzeDates(source.text, { isSource: true, ...headings, ...(documentDate ? { documentDate } : {}) });
  });
}

/** Whether `span` lies inside one of `sorted` (sorted by start, disjoint). */
function inside(sorted: readonly Span[], span: Span): boolean {
  const s = sorted[lastStartingAtOrBefore(sorted, span.start)];
  return !!s && span.end <= s.end;
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
    const last = paragraphs[paragraphs.length - 1];
    if (last && last.start === c.paragraph.start) continue;
    const ref = sourceReference(view, r.source);
    if (!ref) continue;
    paragraphs.push(c.paragraph);
    refs.push(ref);
  }
  return { paragraphs, refs, sources };
}

/**
 * The last note text read without masking, and what was found: the date checks ask
 * `noteMayHoldDateProblems` and then, for the few notes where it says yes, analyse the
 * same text at once. Kept for one text only: kept for every note, the readings of the real
 * vault shape's 4,800 dated notes outlived their use.
 */
let lastRead: { text: string; found: Extracted | null } | undefined;

/**
 * `mayHoldDateProblems` for a note, once per version. The real vault shape's 4,800 notes
 * with an ISO date in their prose are then not resolved for the checks (a hover on a date
 * still resolves it).
 */
export function noteMayHoldDateProblems(view: WorkspaceView, note: NoteIndex): boolean {
  return view.memo(note.uri, MAY_HOLD_DATE_PROBLEMS, () => {
    const text = view.text(note.uri) ?? '';
    const found = unmaskedDates(text) ?? null;
    lastRead = { text, found };
    return mayHoldDateProblems(found);
  });
}

const MAY_HOLD_DATE_PROBLEMS = 'mayHoldDateProblems';

/** `noteMayHoldDateProblems` of a note's text, wherever the text is (the thread that read it). */
export function noteTextMayHoldDateProblems(text: string): boolean {
  return mayHoldDateProblems(unmaskedDates(text));
}

/** Takes `noteMayHoldDateProblems` of a note's current text, found already elsewhere. */
export function knownNoteMayHoldDateProblems(view: WorkspaceView, uri: DocUri, value: boolean): void {
  view.memo(uri, MAY_HOLD_DATE_PROBLEMS, () => value);
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
    // Dates inside quotation marks are the source's words, dated by the source's context
    // (found when a date is first weighed: most notes hold none).
    let quoted: Span[] | undefined;
    const quotes = () =>
      (quoted ??= [...text.matchAll(/"[^"\n]{1,300}"|\u201c[^\u201d\n]{1,300}\u201d/g)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
      })));
    const read = lastRead?.text === text ? lastRead : undefined;
    lastRead = undefined;
    return analyzeDates(text, {
      fallbackAt,
      context,
      ignore: (span) => !inside(note.prose, span) || overlapsOneOf(note.citations, span) || inside(quotes(), span),
      headings: note.headings,
      ...(documentDate ? { documentDate } : {}),
      ...(read ? { unmasked: read.found } : {}),
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

/** Whether two dates are the same day. */
export function sameDay(a: CalendarDate, b: CalendarDate): boolean {
  return dayNumber(a) === dayNumber(b);
}

export { formatDate, formatWithWeekday };

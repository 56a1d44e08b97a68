/**
 * Grounded Notes' custom LSP messages, declared once and imported by the VS Code client
 * and the language server: each method is a typed `RequestType`/`NotificationType`, so a
 * handler and a caller that disagree on a payload do not compile. Other editors call the
 * same method names (README, "Other editors and custom requests").
 *
 * API boundary: this file is the wire format. It imports only protocol types, never the
 * server's core, so either side can change its internals without touching the other.
 */
import { NotificationType, RequestType, type Range, type WorkspaceEdit } from 'vscode-languageserver-protocol';

/** Client → server requests. */
export namespace ClientToServer {
  export interface SourceItem {
    id: string;
    stem: string;
    uri: string;
    title?: string;
    date?: string;
    ambiguous: boolean;
  }
  /** Lists the workspace's sources (for Insert Citation). */
  export const sources = new RequestType<Record<string, never>, SourceItem[], void>('groundedNotes/sources');

  export interface AnchorsParams {
    /** A source id or stem. */
    source: string;
  }
  export interface AnchorItem {
    /** The text after `#` in a citation. */
    anchor: string;
    kind: 'named' | 'heading' | 'paragraph';
    preview: string;
  }
  /** Lists one source's anchors (for Insert Citation). */
  export const anchors = new RequestType<AnchorsParams, AnchorItem[], void>('groundedNotes/anchors');

  export interface CheckWorkspaceResult {
    notes: number;
    sources: number;
    errors: number;
    warnings: number;
    infos: number;
  }
  /** Checks the whole workspace now and returns the counts. */
  export const checkWorkspace = new RequestType<Record<string, never>, CheckWorkspaceResult | null, void>('groundedNotes/checkWorkspace');

  export interface ProposeAnchorParams {
    uri: string;
    range: Range;
  }
  export interface ProposeAnchorResult {
    sourceId: string;
    slug: string;
    quote: string;
    existing: string[];
  }
  /** Proposes a named anchor for a selection in a source. */
  export const proposeAnchor = new RequestType<ProposeAnchorParams, ProposeAnchorResult | null, void>('groundedNotes/proposeAnchor');

  export interface CreateAnchorParams extends ProposeAnchorParams {
    slug: string;
  }
  export interface CreateAnchorResult {
    /** Writes the anchor file (creating it first when needed); the client applies it. */
    edit: WorkspaceEdit;
    citation: string;
  }
  /** Creates a named anchor: returns the anchor-file edit for the client to apply. */
  export const createAnchor = new RequestType<CreateAnchorParams, CreateAnchorResult | null, void>('groundedNotes/createAnchor');

  export interface SourceTextParams {
    uri: string;
  }
  export interface SourceTextResult {
    text: string;
  }
  /** The text Grounded Notes reads from a source: a PDF's or saved web page's extracted text. */
  export const sourceText = new RequestType<SourceTextParams, SourceTextResult | null, void>('groundedNotes/sourceText');

  export interface LocateQuoteParams {
    uri: string;
    /** The words selected in the PDF viewer, as its text layer gives them. */
    text: string;
    /** The 1-based page they were selected on: an occurrence there wins. */
    page?: number;
  }
  export interface LocateQuoteResult {
    range: Range;
  }
  /** Finds words selected in the PDF viewer in the PDF's extracted text (for Create Anchor from Selection). */
  export const locateQuote = new RequestType<LocateQuoteParams, LocateQuoteResult | null, void>('groundedNotes/locateQuote');

  export interface TimelineParams {
    /** Limit to one source; all sources when absent. */
    uri?: string;
    /** A note whose citations are placed on each source's line. */
    note?: string;
  }
  export interface TimelineEntry {
    /** The date as written. */
    text: string;
    /** The resolved date, `YYYY-MM-DD`. */
    date: string;
    weekday: string;
    /** 1-based line in the source. */
    line: number;
    /** `GN0xx: message` for each problem found on this date. */
    flagged: string[];
  }
  export interface TimelineCitation {
    /** The citation as written in the note, e.g. `[[002#kirby-briefing]]`. */
    text: string;
    /** 1-based line of the citation in the note. */
    noteLine: number;
    /** 1-based first line of the cited passage in the source. */
    line: number;
    /** The date the passage speaks of (`YYYY-MM-DD`): a date in it, else the last one before it, else the stated date. */
    date?: string;
  }
  export interface SourceTimeline {
    uri: string;
    id: string;
    title?: string;
    /** The source's own date (front matter, date line or title), `YYYY-MM-DD`. */
    stated?: string;
    /** 1-based line where the stated date is written. */
    statedLine?: number;
    /** The date the source's own text implies when it disagrees with the stated one (GN023). */
    implied?: string;
    /** The span of the dates the text refers to. */
    start?: string;
    end?: string;
    entries: TimelineEntry[];
    /** Problems of the source as a whole (GN023). */
    problems: string[];
    /** The citations of this source in the note named by `TimelineParams.note`. */
    citations?: TimelineCitation[];
  }
  /** The timelines of the workspace's sources (Show Source Timeline). */
  export const timeline = new RequestType<TimelineParams, SourceTimeline[], void>('groundedNotes/timeline');
}

/** Server → client notifications. */
export namespace ServerToClient {
  export interface StatusParams {
    state: 'indexing' | 'ready';
    notes: number;
    sources: number;
    errors: number;
    warnings: number;
  }
  /** The server's state, for the status bar. */
  export const status = new NotificationType<StatusParams>('groundedNotes/status');
}

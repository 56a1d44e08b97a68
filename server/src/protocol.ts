/**
 * Grounded Notes' custom LSP messages, declared once for the client and the
 * server. Plain method names and payload types only, so both sides (and other
 * editors) can use them without sharing code.
 */

/** Client → server requests. */
export namespace ClientToServer {
  /** Lists the workspace's sources (for Insert Citation). */
  export const sources = 'groundedNotes/sources';
  export interface SourceItem {
    id: string;
    stem: string;
    uri: string;
    title?: string;
    date?: string;
    ambiguous: boolean;
  }

  /** Lists one source's anchors (for Insert Citation). */
  export const anchors = 'groundedNotes/anchors';
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

  /** Checks the whole workspace now and returns the counts. */
  export const checkWorkspace = 'groundedNotes/checkWorkspace';
  export interface CheckWorkspaceResult {
    notes: number;
    sources: number;
    errors: number;
    warnings: number;
    infos: number;
  }

  /** Proposes a named anchor for a selection in a source. */
  export const proposeAnchor = 'groundedNotes/proposeAnchor';
  export interface ProposeAnchorParams {
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }
  export interface ProposeAnchorResult {
    sourceId: string;
    slug: string;
    quote: string;
    existing: string[];
  }

  /** Creates a named anchor: returns the anchor-file edit for the client to apply. */
  export const createAnchor = 'groundedNotes/createAnchor';
  export interface CreateAnchorParams extends ProposeAnchorParams {
    slug: string;
  }
  export interface CreateAnchorResult {
    /** An LSP WorkspaceEdit that writes the anchor file. */
    edit: unknown;
    citation: string;
  }

  /** The text Grounded Notes reads from a source (a PDF's or web page's extracted text). */
  export const sourceText = 'groundedNotes/sourceText';
  export interface SourceTextParams {
    uri: string;
  }
  export interface SourceTextResult {
    text: string;
  }

  /** Finds words selected in the PDF viewer in the PDF's extracted text (an occurrence on `page` first). */
  export const locateQuote = 'groundedNotes/locateQuote';
  export interface LocateQuoteParams {
    uri: string;
    text: string;
    page?: number;
  }
  export interface LocateQuoteResult {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }

  /** The timelines of the workspace's sources (Show Source Timeline). */
  export const timeline = 'groundedNotes/timeline';
  export interface TimelineParams {
    /** Limit to one source; all sources when absent. */
    uri?: string;
  }
}

/** Server → client notifications. */
export namespace ServerToClient {
  /** The server's state, for the status bar. */
  export const status = 'groundedNotes/status';
  export interface StatusParams {
    state: 'indexing' | 'ready';
    notes: number;
    sources: number;
    errors: number;
    warnings: number;
  }
}

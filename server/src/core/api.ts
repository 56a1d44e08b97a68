/**
 * The language service's one interface (returned by `createNotesService` in
 * `index.ts`). Positions are LSP positions; every answer comes from the index.
 */
import type { NotesConfig } from './config.js';
import type { FileChange, Workspace } from './workspace.js';
import type { BatchParser } from './parse/document.js';
import type { DocUri, FileRename, Fix, Position, Problem, Range, TextEdit } from './types.js';
import type { WorkspaceView } from './view.js';
import type { LookupNames, SuggestionLookups } from './workspaceIndex.js';
import type { ProblemCounts } from './counts.js';
import type { AnchorItem, SourceItem } from './features/catalog.js';
import type { SourceTimelineView } from './features/timeline.js';

export type { AnchorItem, SourceItem } from './features/catalog.js';
export type { SourceTimelineView, TimelineCitation } from './features/timeline.js';
export type { ProblemCounts } from './counts.js';
export type { LookupNames, SuggestionLookups } from './workspaceIndex.js';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A cancellation flag, checked after every await. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export interface Hover {
  /** Markdown. Source text inside it is escaped; only the extension's own command links are trusted. */
  contents: string;
  range: Range;
}

export interface CompletionItem {
  label: string;
  kind: 'source' | 'note' | 'file' | 'anchor' | 'heading' | 'block' | 'paragraph';
  detail?: string;
  /** Markdown documentation. */
  documentation?: string;
  insertText: string;
  /** The range the insert replaces. */
  range: Range;
  sortText: string;
  filterText?: string;
}

export interface Location {
  uri: DocUri;
  range: Range;
}

export interface LocationLink {
  originSelectionRange: Range;
  targetUri: DocUri;
  targetRange: Range;
  targetSelectionRange: Range;
}

export interface DocumentLink {
  range: Range;
  /** A URI with a `#L12` fragment, which VS Code opens at that line. */
  target: DocUri;
  tooltip?: string;
}

export interface SymbolItem {
  name: string;
  kind: 'heading' | 'anchor' | 'paragraph' | 'key';
  detail?: string;
  uri: DocUri;
  range: Range;
  selectionRange: Range;
  children?: SymbolItem[];
}

export interface CodeLens {
  range: Range;
  title: string;
  /** Where the lens's command points (references at this position). */
  position: Position;
}

export interface WorkspaceEditResult {
  edits: TextEdit[];
  /** Files renamed after the edits apply (a note renamed from a link to it); the edits name the files as they were. */
  renames?: FileRename[];
}

export interface CreateAnchorResult {
  anchorFileUri: DocUri;
  /** True when the anchor file does not exist yet. */
  create: boolean;
  edits: TextEdit[];
  citation: string;
}

/** A named anchor proposed for words selected in a source (Create Anchor's input box). */
export interface AnchorProposal {
  sourceId: string;
  /** The proposed name, not yet taken. */
  slug: string;
  quote: string;
  /** The names the source's anchor file already has. */
  existing: string[];
}

/** What the status bar, Check Workspace and the command line report. */
export interface WorkspaceCounts extends ProblemCounts {
  notes: number;
  sources: number;
}

/** Raised for requests that cannot be answered here (rename outside an anchor, name taken). */
export class NotesError extends Error {}

export interface NotesService {
  readonly config: NotesConfig;
  /**
   * The read-only index, for tests and benchmarks. Front ends (server, command line)
   * do not reach into it: every answer they need is a method below.
   */
  readonly view: WorkspaceView;
  /** Replaces the settings and re-checks. */
  setConfig(config: NotesConfig): void;
  /** Scans the workspace folders and indexes every note, source and anchor file. */
  initialize(token?: CancellationToken, progress?: (done: number, total: number) => void): Promise<void>;
  /**
   * A warm start's problems before the scan reads a file (asked before `initialize`):
   * those the last full check saved, when the listing is the one it checked and every
   * file is unchanged by its stat; with its counts of notes and sources. Undefined
   * otherwise, or without a persisted index. The scan then takes these same lists
   * (`takeChangedProblems` hands over the identical arrays) while it builds the index.
   */
  savedBeforeScan(): Promise<{ problems: ReadonlyMap<DocUri, readonly Problem[]>; notes: number; sources: number } | undefined>;
  /**
   * Hands the problems of the last scan to the parser's persisted index (when it
   * keeps one and no document is open), so an unchanged workspace restarts at once.
   */
  saveProblems(): void;
  /** An editor opened or changed a document: its text wins over the disk. */
  openDocument(uri: DocUri, text: string, version: number): void;
  /**
   * Makes a document's answers right during the first scan: waits for the file listing,
   * then reads on demand the files its links name that the scan has not reached. Until
   * then an open note's problems are not computed (never judged against half an
   * index); hovers and definitions call it first. Resolves at once after the scan.
   * With a `position` on a link, only the files that link may name are read first (a
   * hover on one link need not wait for the note's others).
   */
  prepare(uri: DocUri, position?: Position): Promise<void>;
  /**
   * Before a completion during the scan: waits for the listing, then reads on demand the
   * files that the link at `position` names, the one being written included (`[[note#`
   * offers that note's headings), never the note's other targets. Resolves at once after
   * the scan.
   */
  prepareCompletion(uri: DocUri, position: Position): Promise<void>;
  /** An editor closed a document: the disk's text counts again. */
  closeDocument(uri: DocUri): Promise<void>;
  /** Files changed on disk. */
  filesChanged(changes: FileChange[]): Promise<void>;
  /**
   * Problems per document for every document whose problems may have changed since
   * the last call (all documents on the first call). A document with none maps to [].
   * With `limit`, checks at most `limit` documents and takes a bounded slice of those
   * whose problems changed; a caller loops until `pendingChanges` is 0.
   */
  takeChangedProblems(limit?: number): Map<DocUri, Problem[]>;
  /** How many documents wait to be re-checked. */
  readonly pendingChecks: number;
  /**
   * How many documents wait to be re-checked or to have their changed problems taken; during
   * the scan, not those that wait for its end (all but the open ones: the scan's end makes them).
   */
  readonly pendingChanges: number;
  /**
   * The did-you-mean lookups the pending checks will make, in the order they will make
   * them (`takeChangedProblems` checks in that order): another thread may answer them,
   * from `lookupNames`, while this one checks. Resolves the links of every note waiting
   * to be checked, `documents` documents per step; each step yields the lookups so far
   * (one object, grown), and the last returns them all.
   */
  unmadeLookupsInSteps(documents: number): Generator<SuggestionLookups, SuggestionLookups>;
  /** The names each kind of did-you-mean lookup looks among (a `NameIndex` over them answers as the check would). */
  lookupNames(): LookupNames;
  /** Answers to `unmadeLookupsInSteps` (`found[i]` answers `asks[from + i]`); ignored if file names changed since. */
  answerLookups(lookups: SuggestionLookups, from: number, found: readonly string[][]): void;
  /** Every problem in the workspace. */
  allProblems(): Map<DocUri, Problem[]>;
  hover(uri: DocUri, position: Position): Hover | undefined;
  completion(uri: DocUri, position: Position): CompletionItem[];
  /** Completion lists are cut at this length: a list that long is incomplete, and asked for again as the user types. */
  readonly completionLimit: number;
  definition(uri: DocUri, position: Position): LocationLink[];
  references(uri: DocUri, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(uri: DocUri, position: Position): { range: Range; placeholder: string } | undefined;
  /**
   * The edits that rename the named anchor, note, file or heading at `position`,
   * computed on the files as they are on disk now (notes changed on disk without a
   * change event are read again).
   */
  rename(uri: DocUri, position: Position, newName: string): Promise<WorkspaceEditResult>;
  /**
   * The edits that keep every link right when files or folders are about to be renamed
   * or moved (the editor's explorer): links to them, and path links inside moved notes.
   */
  renameFiles(renames: readonly FileRename[]): Promise<WorkspaceEditResult>;
  /** Files or folders were renamed or moved: the index follows them. */
  filesRenamed(renames: readonly FileRename[]): Promise<void>;
  /**
   * Reads what the hover at `position` shows that the index does not hold (the size of
   * an attachment a link there names); call it before `hover`.
   */
  prepareHover(uri: DocUri, position: Position): Promise<void>;
  /**
   * The edit that adds anchor `slug` for the selected words of a source to its anchor
   * file (read again from disk first), and the citation to copy.
   */
  createAnchor(uri: DocUri, range: Range, slug: string): Promise<CreateAnchorResult>;
  /** Proposes a named anchor for the words selected in a source. */
  proposeAnchor(uri: DocUri, range: Range): AnchorProposal;
  /** Every source, with title and date (Insert Citation's first list). */
  sources(): SourceItem[];
  /** One source's anchors (by id or stem): named first, then headings, then paragraphs. */
  anchors(source: string): AnchorItem[];
  /** The text Grounded Notes reads from a source (a PDF's or web page's extracted text); undefined when it is not a source. */
  sourceText(uri: DocUri): string | undefined;
  /** Where words selected in the PDF viewer stand in the source's extracted text, preferring 1-based `page`. */
  locateQuote(uri: DocUri, selected: string, page?: number): Range | undefined;
  /** Every source's timeline (or one source's, given `uri`), with the citations of the note `note` placed on each. */
  timeline(options?: { uri?: DocUri; note?: DocUri }): SourceTimelineView[];
  /** In a PDF source: the 1-based page a position falls on, and the 1-based line on that page. */
  pageOf(uri: DocUri, position: Position): { page: number; line: number } | undefined;
  /** How many notes and sources the workspace has, and its problems by severity (checks what is dirty first). */
  counts(): WorkspaceCounts;
  documentLinks(uri: DocUri): DocumentLink[];
  documentSymbols(uri: DocUri): SymbolItem[];
  workspaceSymbols(query: string): SymbolItem[];
  codeActions(uri: DocUri, range: Range, codes: string[]): Fix[];
  codeLenses(uri: DocUri): CodeLens[];
}

export interface NotesServiceOptions {
  workspace: Workspace;
  config?: NotesConfig;
  logger?: Logger;
  /** Parses the files of a workspace scan elsewhere (worker threads, a persisted cache). */
  parser?: BatchParser;
  /**
   * Resolves after requests waiting on this thread had their turn (a server passes a
   * macrotask, e.g. `setImmediate`): the scan calls it between slices of indexing work,
   * so hovers answer while it runs. Without it the scan yields only at its reads.
   */
  yieldToRequests?: () => Promise<void>;
  /**
   * Whether problems keep their quick fixes (default true). A caller that never offers
   * them (the command line, which prints none and keeps no index) passes false: on a vault
   * with 20,000 missing links, keeping them cost a tenth of the collector's scavenges.
   */
  quickFixes?: boolean;
}

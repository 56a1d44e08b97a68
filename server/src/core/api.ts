/**
 * The language service's one interface (returned by `createNotesService` in
 * `index.ts`). Positions are LSP positions; every answer comes from the index.
 */
import type { NotesConfig } from './config.js';
import type { FileChange, Workspace } from './workspace.js';
import type { BatchParser } from './parse/document.js';
import type { DocUri, Fix, Position, Problem, Range, TextEdit } from './types.js';
import type { WorkspaceView } from './view.js';

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
  kind: 'source' | 'note' | 'anchor' | 'heading' | 'paragraph';
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
}

/** Raised for requests that cannot be answered here (rename outside an anchor, name taken). */
export class NotesError extends Error {}

export interface NotesService {
  readonly config: NotesConfig;
  /** The read-only index (rules and tests). */
  readonly view: WorkspaceView;
  /** Replaces the settings and re-checks. */
  setConfig(config: NotesConfig): void;
  /** Scans the workspace folders and indexes every note, source and anchor file. */
  initialize(token?: CancellationToken, progress?: (done: number, total: number) => void): Promise<void>;
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
   */
  prepare(uri: DocUri): Promise<void>;
  /** An editor closed a document: the disk's text counts again. */
  closeDocument(uri: DocUri): Promise<void>;
  /** Files changed on disk. */
  filesChanged(changes: FileChange[]): Promise<void>;
  /**
   * Problems per document for every document whose problems may have changed since
   * the last call (all documents on the first call). A document with none maps to [].
   */
  takeChangedProblems(limit?: number): Map<DocUri, Problem[]>;
  /** How many documents wait to be re-checked (a caller that passes `limit` loops until 0). */
  readonly pendingChecks: number;
  /** Every problem in the workspace. */
  allProblems(): Map<DocUri, Problem[]>;
  hover(uri: DocUri, position: Position): Hover | undefined;
  completion(uri: DocUri, position: Position): CompletionItem[];
  definition(uri: DocUri, position: Position): LocationLink[];
  references(uri: DocUri, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(uri: DocUri, position: Position): { range: Range; placeholder: string } | undefined;
  rename(uri: DocUri, position: Position, newName: string): WorkspaceEditResult;
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
}

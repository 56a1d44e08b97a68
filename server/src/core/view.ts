/** The read-only view of the workspace index that rules and features query. */
import type { NotesConfig } from './config.js';
import type { LineIndex } from './text.js';
import type { NormalizedText } from './normalize.js';
import type { AnchorFileIndex, Citation, DocUri, Heading, NoteIndex, Passage, SourceIndex } from './types.js';

/** What a citation points at. */
export type Resolution =
  | { kind: 'source'; source: SourceIndex; passage: Passage; shadows?: NoteIndex }
  | { kind: 'note'; note: NoteIndex; heading?: Heading }
  | { kind: 'malformed'; reason: string }
  | { kind: 'unknownTarget'; suggestions: string[] }
  | { kind: 'ambiguous'; sources: SourceIndex[] }
  | { kind: 'unknownAnchor'; source: SourceIndex; suggestions: string[]; reason?: string }
  | { kind: 'unknownHeading'; note: NoteIndex; suggestions: string[] };

export interface WorkspaceView {
  readonly config: NotesConfig;
  notes(): Iterable<NoteIndex>;
  sources(): Iterable<SourceIndex>;
  anchorFiles(): Iterable<AnchorFileIndex>;
  note(uri: DocUri): NoteIndex | undefined;
  source(uri: DocUri): SourceIndex | undefined;
  anchorFile(uri: DocUri): AnchorFileIndex | undefined;
  /** The anchor file beside a source, if any. */
  anchorFileFor(source: SourceIndex): AnchorFileIndex | undefined;
  /** The source an anchor file belongs to, if it exists. */
  sourceForAnchorFile(file: AnchorFileIndex): SourceIndex | undefined;
  /** Sources whose id or whole stem matches (case-insensitive). */
  sourcesById(id: string): SourceIndex[];
  /** Notes whose file stem matches (case-insensitive). */
  notesByName(name: string): NoteIndex[];
  /** The current text of a note, source or anchor file (open editor text wins). */
  text(uri: DocUri): string | undefined;
  /** Offset ↔ position conversion for an indexed document. */
  lines(uri: DocUri): LineIndex | undefined;
  /** What a citation resolves to. */
  resolve(note: NoteIndex, citation: Citation): Resolution;
  /** A source's text normalised for quote matching (cached per version). */
  normalized(source: SourceIndex): NormalizedText;
  /** Every passage of every named anchor of a source, re-anchored if needed. */
  namedPassages(source: SourceIndex): Map<string, Passage>;
  /**
   * A value computed once per document version: `kind` names the computation
   * (e.g. `dates`); it is dropped when the document changes.
   */
  memo<T>(uri: DocUri, kind: string, compute: () => T): T;
  /**
   * A value that depends on other documents too (a note's dates depend on the sources
   * it cites): computed once and dropped whenever any file changes.
   */
  derived<T>(uri: DocUri, kind: string, compute: () => T): T;
}

/** The read-only view of the workspace index that rules and features query. */
import type { NotesConfig } from './config.js';
import type { FileNames } from './links/files.js';
import type { Conventions } from './links/style.js';
import type { LineIndex } from './text.js';
import type { NormalizedText } from './normalize.js';
import type { SourceText } from './sourceText.js';
import type { AnchorFileIndex, BlockId, Citation, DocUri, Heading, NoteIndex, Passage, SourceIndex, Span } from './types.js';

/** The kinds of names did-you-mean looks among: sources and notes, attachments, or note paths. */
export type SuggestionKind = 'source' | 'note' | 'file' | 'path';

/** What of a link names files: enough to find the files it may name, for a link being written too. */
export type LinkNames = Pick<Citation, 'target' | 'label' | 'form'>;

/** A did-you-mean lookup: the name a link gives, among names of one kind. */
export interface SuggestionAsk {
  name: string;
  kind: SuggestionKind;
}

/** What a citation points at. */
export type Resolution =
  | { kind: 'source'; source: SourceIndex; passage: Passage; shadows?: NoteIndex }
  /** A note, maybe at a heading or block; `alternatives`: other files of that name (the tool took this one). */
  | { kind: 'note'; note: NoteIndex; heading?: Heading; block?: BlockId; sameNote?: boolean; alternatives?: DocUri[] }
  /** Any other file that exists (an attachment, or a note that is not read): its fragment is not checked. */
  | { kind: 'file'; uri: DocUri; alternatives?: DocUri[] }
  /** A folder that holds files (a Markdown link to `dir/`). */
  | { kind: 'folder'; uri: DocUri }
  /** Dendron's `![[a.b.*]]`: the notes it takes in (none is not an error there). */
  | { kind: 'wildcard'; pattern: string; notes: NoteIndex[] }
  /** Not a link in this workspace's conventions (a property link outside Obsidian, `[[…]]` in plain Markdown). */
  | { kind: 'notLink' }
  /** A Markdown link out of the workspace folder: nothing there is read, so it is not checked. */
  | { kind: 'outside' }
  | { kind: 'malformed'; reason: string }
  /** Nothing of that name: `what` says which kind of target the link looks for. */
  | {
      kind: 'unknownTarget';
      what: 'source' | 'note' | 'file';
      suggestions: string[];
      /** The did-you-mean lookup its suggestions come from (none: it has none to look for). */
      asks?: SuggestionAsk;
    }
  | { kind: 'ambiguous'; sources: SourceIndex[] }
  /** Several notes of that name, in a workspace whose tool reports it (Foam). */
  | { kind: 'ambiguousNote'; notes: NoteIndex[] }
  | { kind: 'unknownAnchor'; source: SourceIndex; suggestions: string[]; reason?: string }
  | { kind: 'unknownHeading'; note: NoteIndex; suggestions: string[]; block?: boolean; sameNote?: boolean };

/**
 * The one definition of a link that does not resolve: each such kind of resolution
 * with the code that reports it. GN001–GN003 take their kinds from this table, and the
 * service's set of notes with unresolved links (re-checked when files appear) reads it.
 */
const UNRESOLVED = {
  unknownTarget: 'GN001',
  unknownAnchor: 'GN002',
  unknownHeading: 'GN002',
  ambiguous: 'GN003',
  ambiguousNote: 'GN003',
} as const satisfies Partial<Record<Resolution['kind'], string>>;

type UnresolvedKind = keyof typeof UNRESOLVED;
/** The codes that report unresolved links. */
export type UnresolvedCode = (typeof UNRESOLVED)[UnresolvedKind];
/** The resolutions a code reports. */
export type UnresolvedAs<C extends UnresolvedCode> = Extract<
  Resolution,
  { kind: { [K in UnresolvedKind]: (typeof UNRESOLVED)[K] extends C ? K : never }[UnresolvedKind] }
>;

/** True when a link does not resolve (one of the kinds GN001–GN003 report). */
export function isUnresolved(r: Resolution): boolean {
  return Object.hasOwn(UNRESOLVED, r.kind);
}

/** The resolution if it is unresolved in the way `code` reports, else undefined. */
export function unresolvedAs<C extends UnresolvedCode>(r: Resolution, code: C): UnresolvedAs<C> | undefined {
  return Object.hasOwn(UNRESOLVED, r.kind) && UNRESOLVED[r.kind as UnresolvedKind] === code ? (r as UnresolvedAs<C>) : undefined;
}

export interface WorkspaceView {
  readonly config: NotesConfig;
  /** The link conventions the workspace follows (Obsidian, Foam, Dendron, or their superset). */
  readonly conventions: Conventions;
  /** Every file of the workspace by the names links use. */
  readonly files: FileNames;
  /** True when the workspace has sources. */
  hasSources(): boolean;
  /** Why a file was not read (`skipped`), or what to know about how it was read (a PDF without a text layer). */
  readingNotice(uri: DocUri): { skipped: boolean; message: string } | undefined;
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
  /**
   * The notes whose links may lead to the file `uri` (by the reverse index: every link
   * that names it by id, name or path is among theirs), the note itself included.
   */
  notesLinkingTo(uri: DocUri): NoteIndex[];
  /** The current text of a note, source or anchor file (open editor text wins). */
  text(uri: DocUri): string | undefined;
  /** Offset ↔ position conversion for an indexed document. */
  lines(uri: DocUri): LineIndex | undefined;
  /** What a citation resolves to. */
  resolve(note: NoteIndex, citation: Citation): Resolution;
  /** What each of a note's citations resolves to, in order (computed once until a file changes). */
  resolutionsOf(note: NoteIndex): readonly Resolution[];
  /**
   * The sentence that holds a citation (a citation after a full stop belongs to the
   * sentence before it), segmented on first use and kept per note version.
   */
  sentenceOf(note: NoteIndex, citation: Citation): Span;
  /**
   * What is derived from a source's current version (normalised text, paragraph and
   * line lookups, sentences), built lazily once per version and shared by anchors,
   * rules and features.
   */
  sourceText(source: SourceIndex): SourceText;
  /** A source's text normalised for quote matching (`sourceText(source).normalized()`). */
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

/**
 * One entry for indexing a file of any kind: what the service calls in-thread and
 * what worker threads call for it (the result is plain data, so it crosses threads
 * and can be persisted).
 */
import type { AnchorFileIndex, DocUri, ExtractedDocument, Fix, NoteIndex, Problem, SourceIndex } from '../types.js';
import type { FileStat } from '../workspace.js';
import { parseAnchorFile } from './anchorFile.js';
import { parseNote } from './note.js';
import { parseExtracted } from './extracted.js';
import { parseSource } from './source.js';
import type { Listing } from '../scan.js';

export type DocKind = 'note' | 'source' | 'anchorFile';

/** The parsed form of one file. */
export type ParsedDocument =
  { kind: 'note'; index: NoteIndex } | { kind: 'source'; index: SourceIndex } | { kind: 'anchorFile'; index: AnchorFileIndex };

/** A file to parse. */
export interface ParseInput {
  uri: DocUri;
  kind: DocKind;
  text: string;
  /** The file's stat when it was read: a persisted index trusts an unchanged stat next time. */
  stat?: FileStat;
  /** A PDF or web page: its extracted form (`text` is then its extracted text). */
  extracted?: ExtractedDocument;
}

/**
 * Bumped whenever a parser's output changes shape or meaning, so persisted parses
 * from an older version are never reused.
 */
export const PARSER_VERSION = 3;

export function parseDocument(input: ParseInput, version = 0): ParsedDocument {
  switch (input.kind) {
    case 'note':
      return { kind: 'note', index: parseNote(input.uri, input.text, version) };
    case 'source':
      return {
        kind: 'source',
        index: input.extracted ? parseExtracted(input.uri, input.extracted, version) : parseSource(input.uri, input.text, version),
      };
    default:
      return { kind: 'anchorFile', index: parseAnchorFile(input.uri, input.text, version) };
  }
}

/**
 * A parse a `BatchParser` remembers: the parse, or (for a note) a function that decodes
 * it when first needed, and answers undefined when it cannot (then the text is parsed).
 */
export type RememberedParse = ParsedDocument | (() => ParsedDocument | undefined);

/**
 * Parses many files at once, possibly elsewhere (worker threads, a persisted cache).
 * Results come back in the order of `inputs`; `undefined` means "parse it here".
 */
export interface BatchParser {
  parse(inputs: readonly ParseInput[]): Promise<(ParsedDocument | undefined)[]>;
  /**
   * The parse of a file this parser remembers and trusts unchanged by its stat
   * alone (size, times, inode), so the file need not be read; undefined means
   * "read it". Sources are never remembered this way (their text is their index).
   */
  remembered?(uri: DocUri, kind: DocKind, stat: FileStat): RememberedParse | undefined;
  /** False when `remembered` has nothing to answer from (no persisted index, or one that remembers no file yet): a file is then read without a stat first. */
  readonly remembers?: boolean;
  /**
   * The problems saved by an earlier run over exactly the files of this scan (same
   * names, same contents, the same files skipped for the same reasons, the same
   * `state`, same settings and tool), if any: a restart of an unchanged workspace
   * then needs no checking at all. `state` is what else results depend on (see
   * `ScanState`).
   */
  savedProblems?(skipped: ReadonlyMap<DocUri, string>, state: ScanState): Map<DocUri, Problem[]> | undefined;
  /**
   * The problems `savedProblems` will give, known before any file is read: when every
   * listed file is one the earlier run indexed or skipped and is unchanged by its stat,
   * and nothing else is listed (a PDF or web page never matches); with the counts of
   * notes and sources it had. `savedProblems` then gives these same lists.
   */
  savedResult?(
    listing: Listing,
    conventions: string,
    related?: boolean,
  ): { problems: Map<DocUri, Problem[]>; notes: number; sources: number } | undefined;
  /**
   * The quick fixes of a document's problems as `savedProblems` gave them, one entry
   * per problem in their order (they come without: most of what is saved, and read
   * only when a document's fixes are first asked for); undefined when none has any.
   */
  savedFixes?(uri: DocUri): readonly (Fix[] | undefined)[] | undefined;
  /** Remembers the problems of the workspace as this scan found it (with the files it skipped, and why, and its `state`). */
  saveProblems?(problems: Map<DocUri, Problem[]>, skipped: ReadonlyMap<DocUri, string>, state: ScanState): void;
}

/**
 * What a check's results depend on besides the files parsed and skipped: the link
 * conventions, the other files links may name (attachments), and the text of PDFs
 * and web pages (extracted outside the parser).
 */
export interface ScanState {
  conventions: string;
  others: readonly DocUri[];
  extracted: readonly (readonly [DocUri, string])[];
}

/**
 * The domain's words (SPEC.md §1–§4) as data. Everything here is plain,
 * serialisable data: no classes, no LSP runtime, so indexes can cross worker
 * threads and be persisted.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { Code } from './rules/all.js';

export type { Position, Range };

/** A document's address: a URI string (`file:///…` in the server, `memory:///…` in tests). */
export type DocUri = string;

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Half-open character offsets into a document's text. */
export interface Span {
  start: number;
  end: number;
}

/** A text replacement that a quick fix or rename applies. */
export interface TextEdit {
  uri: DocUri;
  range: Range;
  newText: string;
}

/** A file (or folder) renamed or moved by an edit: `oldUri` becomes `newUri`. */
export interface FileRename {
  oldUri: DocUri;
  newUri: DocUri;
}

/** A repair offered for a problem; every fix is applied as one undoable workspace edit. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

/** Another place that explains a problem (shown as related information). */
export interface RelatedLocation {
  uri: DocUri;
  range: Range;
  message: string;
}

/** A problem as a parser finds it, before the rule that reports it stamps its code. */
export type UncodedProblem = Omit<Problem, 'code'>;

/** A diagnostic as the core sees it; it becomes an LSP Diagnostic only in `lsp/`. */
export interface Problem {
  uri: DocUri;
  range: Range;
  /** The code of the rule that reports it (each rule stamps its own). */
  code: Code;
  message: string;
  /** Overrides the rule's default severity for this occurrence (a lost anchor is an error). */
  severity?: Severity;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

/** A block of text: a paragraph of a note or a source. */
export interface Block extends Span {
  /** 1-based paragraph number (`p1`, `p2`, … in sources). */
  index: number;
}

/** A heading of a note or source (Markdown `#` heading, or a plain-text heading line). */
export interface Heading extends Span {
  text: string;
  level: number;
  slug: string;
  /** 0-based line of the heading. */
  line: number;
}

/** A date stated for a whole document (front matter `date:` or a date line at the top). */
export interface DocumentDate {
  text: string;
  span: Span;
  /** ISO `YYYY-MM-DD`, or undefined when the line names no complete date. */
  iso?: string;
  /** Set when the date comes from a daily note's file name (`2021-10-02.md`); `span` is then empty. */
  fromFileName?: boolean;
}

/**
 * A link in a note: a `[[…]]` citation or wiki link (`![[…]]` embeds too), a Markdown
 * link `[t](dest#fragment)`, a link reference definition, or a front-matter property
 * link. `target` is what stands before `#` (a source id, a note name or path, a file);
 * `anchor` the raw text after `#` (quote anchors keep their quotes; Markdown
 * fragments are decoded).
 */
export interface Citation extends Span {
  target: string;
  targetSpan: Span;
  anchor?: string;
  anchorSpan?: Span;
  label?: string;
  labelSpan?: Span;
  /** Set when the link cannot be read (GN004); the reason is user-facing. */
  malformed?: string;
  /** How it is written; absent for `[[…]]`. */
  form?: 'markdown' | 'definition' | 'property';
  /** `![[…]]` or `![alt](…)`: the target is shown in place. */
  embed?: boolean;
  /** The prose block (paragraph, heading) that holds it; its sentence is found on demand. */
  paragraph: Span;
}

/** A block id: `^id` at the end of a paragraph or list item (Obsidian). */
export interface BlockId extends Span {
  id: string;
}

/** What a note holds, indexed once per version. */
export interface NoteIndex {
  uri: DocUri;
  /** File name without `.md`. */
  stem: string;
  version: number;
  length: number;
  title?: string;
  date?: DocumentDate;
  citations: Citation[];
  headings: Heading[];
  /** Block ids (`^id`), in order. */
  blockIds: BlockId[];
  /** The ranges of prose (not code, HTML, comments, front matter, link destinations), for later checks. */
  prose: Span[];
  /** The `id` and `name` of its HTML elements (`<a id="table-1">`), which a Markdown link's `#table-1` names. */
  htmlIds?: string[];
}

/** What a source holds, indexed once per version. */
export interface SourceIndex {
  uri: DocUri;
  /** The leading segment of the file name before the first `_`, lower-cased. */
  id: string;
  /** The whole file name without extension. */
  stem: string;
  version: number;
  text: string;
  title?: string;
  date?: DocumentDate;
  headings: Heading[];
  paragraphs: Block[];
  /** Offsets where each line starts. */
  lineStarts: number[];
  /** Set for sources read as extracted text (a PDF, a saved web page); absent for `.txt` and `.md`. */
  format?: 'pdf' | 'html';
  /** PDF: page `n` is `pages[n - 1]`, a span of `text` (running headers and footers left out). */
  pages?: Span[];
  /** Web page: each `id` attribute and the span of its element's text, as a URL fragment targets it. */
  ids?: ElementId[];
}

/** An `id` attribute of a web page and the text of its element. */
export interface ElementId extends Span {
  id: string;
}

/**
 * A PDF's or saved web page's text and structure, extracted outside the core
 * (`server/src/node/extract/`) and handed to it as plain data. Offsets are into `text`.
 */
export interface ExtractedDocument {
  format: 'pdf' | 'html';
  /** The readable text: paragraphs separated by blank lines, lines by `\n`. */
  text: string;
  /** PDF: one span of `text` per page, in page order. */
  pages?: Span[];
  /** The outline (PDF bookmarks), clear heading lines, or a web page's `h1`–`h6`. */
  headings: { start: number; end: number; text: string; level: number }[];
  /** Web page: `id` attributes with their element's text. */
  ids?: ElementId[];
  /** PDF metadata `Title`, or the web page's `<title>`. */
  title?: string;
  /** The date the file's metadata states (PDF `CreationDate`, `article:published_time`, `<time datetime>`). */
  date?: { text: string; iso: string };
  /** Why there is no text (a scanned PDF: no text layer); reported as GN007 information. */
  notice?: string;
}

/** One named anchor of an anchor file: a W3C TextQuoteSelector. */
export interface AnchorDefinition {
  key: string;
  keySpan: Span;
  quote: string;
  prefix?: string;
  suffix?: string;
  /** PDF: the page the quote is on, to choose among repeats (`page: 12`). */
  page?: number;
  /** Where the value (the quote) stands in the anchor file. */
  valueSpan: Span;
}

/** A `<stem>.anchors.yaml` file. */
export interface AnchorFileIndex {
  uri: DocUri;
  /** The stem of the source it belongs to. */
  sourceStem: string;
  version: number;
  anchors: AnchorDefinition[];
  /** Syntax errors, wrong shapes, duplicate keys: the problems rule GN006 reports (it stamps their code). */
  problems: UncodedProblem[];
}

export type AnchorKind = 'named' | 'id' | 'heading' | 'page' | 'paragraph' | 'line' | 'quote' | 'whole';

/** The range of source text an anchor resolves to. */
export interface Passage extends Span {
  sourceUri: DocUri;
  kind: AnchorKind;
  /** The anchor as written (`kirby-briefing`, `p7`, `L3-L5`, `"John Kirby"`). */
  anchor?: string;
  /** Named anchors re-anchored by fuzzy matching (GN005). */
  stale?: { similarity: number; lost: boolean };
}

/**
 * The workspace index: every note, source and anchor file indexed once per
 * version, lookups by source id and note name, and a reverse index from citation
 * targets to the notes that cite them, so a change re-checks only what it affects.
 */
import { resolveAnchor, resolveNamed, type AnchorResult } from './anchors.js';
import type { NotesConfig } from './config.js';
import type { NormalizedText } from './normalize.js';
import { ANCHOR_FILE_SUFFIX } from './parse/anchorFile.js';
import { TEXT_AFTER_QUOTE } from './parse/citations.js';
import { extended } from './extended.js';
import { parseDocument, type DocKind, type ParsedDocument } from './parse/document.js';
import { sourceNames } from './parse/source.js';
import { reanchor } from './quotes/reanchor.js';
import { NameIndex } from './suggest.js';
import { FileNames } from './links/files.js';
import { pull, push } from './multiMap.js';
import { folderMatteredSince, resolveMarkdownLink, resolveWikiLink, trackFolder, type LinkContext } from './links/resolve.js';
import { noConventions, type Conventions } from './links/style.js';
import { lastStartingAtOrBefore, LineIndex } from './text.js';
import { sentenceAround, sentencesNear } from './parse/sentences.js';
import { sourceText, type SourceText } from './sourceText.js';
import type { AnchorFileIndex, Citation, DocUri, NoteIndex, Passage, SourceIndex, Span } from './types.js';
import type { LinkNames, Resolution, SuggestionAsk, SuggestionKind, WorkspaceView } from './view.js';
import { isInside, joinUri, relativePath } from './workspace.js';
import { SOURCE_EXTENSIONS, sourceFormat, withoutSourceExtension } from './formats.js';

export type { DocKind } from './parse/document.js';

/** A file that was not indexed, and why (shown as one information diagnostic). */
export interface SkippedFile {
  uri: DocUri;
  reason: string;
}

/** Reads a file's text when first needed, saying whether the file changed since it was parsed. */
export type TextLoader = () => { text: string; changed: boolean } | undefined;

/** The lower-cased keys a citation target is looked up by. */
export function targetKey(target: string): string {
  return target.trim().toLowerCase();
}

/**
 * The keys under which a link is filed in the reverse index: the last segment of
 * what it names, lower-cased, without `.md` — `[[dir/Note]]`, `[t](../dir/note.md)` and
 * `[[note]]` all file under `note`. A change to a file touches the same key.
 */
export function linkKeys(c: Citation): string[] {
  const keys = [nameKey(c.target)];
  // Dendron writes the target after `|`.
  if (c.label !== undefined && !c.form) {
    const hash = c.label.indexOf('#');
    keys.push(nameKey(hash < 0 ? c.label : c.label.slice(0, hash)));
  }
  return keys;
}

/** The reverse-index key of a target or file name (see `linkKeys`). */
export function nameKey(name: string): string {
  let s = name.trim();
  if (s.includes('\\')) s = s.replace(/\\/g, '/');
  if (s.length > 10 && (s.charCodeAt(0) | 32) === 100 /* d */) s = s.replace(/^dendron:\/\/[^/]*\//i, '');
  s = s.slice(s.lastIndexOf('/') + 1).toLowerCase();
  return s.endsWith('.md') ? s.slice(0, -3) : s;
}

/** Where `citation` stands among a note's citations (sorted by start), or -1 when it is not one of them. */
function citationIndex(citations: readonly Citation[], citation: Citation): number {
  const i = lastStartingAtOrBefore(citations, citation.start);
  return citations[i] === citation ? i : citations.indexOf(citation);
}

/** True when links resolve alike into two versions of a note: the same headings (in order) and block ids. */
function sameLinkTargets(a: NoteIndex, b: NoteIndex): boolean {
  if (a.stem !== b.stem || a.headings.length !== b.headings.length || a.blockIds.length !== b.blockIds.length) return false;
  for (let i = 0; i < a.headings.length; i++) {
    const x = a.headings[i]!;
    const y = b.headings[i]!;
    if (x.text !== y.text || x.slug !== y.slug || x.level !== y.level) return false;
  }
  return a.blockIds.every((block, i) => block.id === b.blockIds[i]!.id);
}

const MARKDOWN_EXTENSION = /\.md$/i;

/** What holds for every file directly in one folder (`WorkspaceIndex.folderFacts`), under one settings object. */
interface FolderFacts {
  /** The folder's URI, without a trailing slash. */
  folder: DocUri;
  config: NotesConfig;
  inWorkspace: boolean;
  underSourceRoot: boolean;
}

/** Kinds of names with this many are given their did-you-mean tables before an open note's first check (`suggestionSteps`). */
const PREPARED_FROM = 1000;

/** Where a did-you-mean answer is remembered: the target as links name it, and its kind. */
function suggestionKey(name: string, kind: SuggestionKind): string {
  return `${kind}\u0000${targetKey(name)}`;
}

/** What a missing target is compared as among names of its kind. */
function lookupOf(name: string, kind: SuggestionKind): string {
  if (kind === 'file') return name.slice(name.replace(/\\/g, '/').lastIndexOf('/') + 1);
  return name.replace(/\.md$/i, '');
}

/** The names each kind of did-you-mean lookup looks among, in order, for one generation of file names. */
export interface LookupNames {
  generation: number;
  names: Partial<Record<SuggestionKind, string[]>>;
}

/** The did-you-mean lookups a workspace will make (`WorkspaceIndex.lookupSteps`). */
export interface SuggestionLookups {
  /** The generation of file names they were made for. */
  generation: number;
  asks: (SuggestionAsk & { lookup: string })[];
  /** For the document at each place of the check order: how many of `asks` checking it and those before it needs. */
  upTo: number[];
}

/** The folder part of a URI (everything before its last `/`). */
function folderOf(uri: DocUri): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/** Logseq's backups and page versions under `logseq/` (its `graph.cljs` skips them), as a path there starts. */
const LOGSEQ_COPIES = /^(?:bak|version-files)\//;

/**
 * Links resolved alike from one folder (see `WorkspaceIndex.resolveIn`), for one note:
 * the note as stored, if it is, tells its own links apart.
 */
interface LinkScope {
  inDir: Map<string, Resolution>;
  /** Resolutions of wiki links alike from every folder of the note's workspace folder (see `resolveIn`). */
  inFolder: Map<string, Resolution> | undefined;
  stored: NoteIndex | undefined;
}

/**
 * True when a resolution lands in `note` itself (a heading of its own): never shared with
 * other notes. A resolution names a stored note (shared ones are dropped at every change)
 * or the note resolved from: comparing objects does not read the URI of each link's
 * target, a tenth of a second on 190,000 links.
 */
function isOwnLink(r: Resolution, note: NoteIndex, stored: NoteIndex | undefined): boolean {
  return (r.kind === 'note' || r.kind === 'unknownHeading') && (r.note === note || (stored !== undefined && r.note === stored));
}

function withoutExtension(uri: DocUri): string {
  return withoutSourceExtension(uri).toLowerCase();
}

export class WorkspaceIndex implements WorkspaceView, LinkContext {
  /** Every file of the workspace by the names links use (notes, sources, attachments). */
  readonly files: FileNames;
  /** The link conventions (Obsidian, Foam, Dendron) the workspace follows; links mean something else under others. */
  get conventions(): Conventions {
    return this.linkConventions;
  }
  set conventions(next: Conventions) {
    this.linkConventions = next;
    this.dropResolutions();
  }
  private linkConventions: Conventions = noConventions;
  /** Did-you-mean indexes per kind of target, for one generation of file names. */
  private nameIndexes = new Map<string, NameIndex>();
  private nameGeneration = -1;
  private readonly notesByUri = new Map<DocUri, NoteIndex>();
  private readonly sourcesByUri = new Map<DocUri, SourceIndex>();
  private readonly anchorFilesByUri = new Map<DocUri, AnchorFileIndex>();
  private readonly texts = new Map<DocUri, string>();
  /** Texts not read yet (parses remembered by a persisted index): read on first use. */
  private readonly textLoaders = new Map<DocUri, TextLoader>();
  private readonly byId = new Map<string, SourceIndex[]>();
  private readonly byName = new Map<string, NoteIndex[]>();
  /** `<source uri without extension>` → its anchor file. */
  private readonly anchorFileByBase = new Map<string, AnchorFileIndex>();
  /** `<source uri without extension>` → the sources there (`.txt`, `.md`, `.pdf`, … may all exist). */
  private readonly sourcesByBase = new Map<string, SourceIndex[]>();
  /**
   * Citation target key → notes citing it: built when first asked (a check from the
   * command line never asks), then kept up to date.
   */
  private citedBy: Map<string, Set<DocUri>> | undefined;
  readonly skipped = new Map<DocUri, SkippedFile>();
  /** Indexed files with something to say about how they were read (a PDF without a text layer). */
  readonly notices = new Map<DocUri, string>();

  readingNotice(uri: DocUri): { skipped: boolean; message: string } | undefined {
    const skipped = this.skipped.get(uri);
    if (skipped) return { skipped: true, message: skipped.reason };
    const notice = this.notices.get(uri);
    return notice === undefined ? undefined : { skipped: false, message: notice };
  }
  private readonly namedCache = new Map<DocUri, Map<string, Passage>>();
  private readonly memos = new Map<DocUri, Map<string, unknown>>();
  /** Each note's resolutions, in the order of its citations: valid until any file changes (then all are dropped). */
  private resolutions = new Map<NoteIndex, { list: (Resolution | undefined)[]; complete: boolean }>();
  /** Values derived from several documents; dropped with the resolutions. */
  private derivedValues = new Map<string, Map<DocUri, unknown>>();
  /** Did-you-mean suggestions per unknown target, valid until a file is added or removed. */
  private suggestions = new Map<string, string[]>();

  private clearSuggestions(): void {
    if (this.suggestions.size > 0) this.suggestions = new Map();
    if (this.nameIndexes.size > 0) this.nameIndexes = new Map();
  }

  constructor(
    public config: NotesConfig,
    readonly folders: readonly DocUri[],
  ) {
    this.files = new FileNames(folders);
  }

  /** The source roots of every folder that stay inside it (a root such as `../..` is ignored). */
  sourceRoots(): DocUri[] {
    // Asked once per file by `classify`: computed once per settings object.
    if (this.roots?.config === this.config) return this.roots.uris;
    const roots: DocUri[] = [];
    for (const folder of this.folders) {
      for (const r of this.config.sourceRoots) {
        const root = joinUri(folder, r);
        if (isInside(root, folder)) roots.push(root);
      }
    }
    this.roots = { config: this.config, uris: roots };
    return roots;
  }
  private roots: { config: NotesConfig; uris: DocUri[] } | undefined;

  /**
   * True when a file belongs to the workspace: inside a folder, not in a dot-folder, an
   * excluded one, or Logseq's copies of pages (`logseq/bak/`, `logseq/version-files/`,
   * which Logseq leaves out of the graph).
   */
  inWorkspace(uri: DocUri): boolean {
    return this.folders.includes(uri) ? false : this.folderFacts(uri).inWorkspace;
  }

  /**
   * What holds for every file of the folder holding `uri` (whether it is in the workspace,
   * whether under a source root): a listing asks it of every file, and a folder's files come
   * one after another, so the last folder's answers are kept.
   */
  private folderFacts(uri: DocUri): FolderFacts {
    const slash = uri.lastIndexOf('/');
    const last = this.lastFolder;
    if (last && last.config === this.config && last.folder.length === slash && uri.startsWith(last.folder)) return last;
    const inWorkspace = this.fileInWorkspace(uri);
    const facts: FolderFacts = {
      folder: uri.slice(0, slash),
      config: this.config,
      inWorkspace,
      underSourceRoot: inWorkspace && this.sourceRoots().some((root) => isInside(uri, root)),
    };
    this.lastFolder = facts;
    return facts;
  }
  private lastFolder: FolderFacts | undefined;

  /** `inWorkspace` for one file, from its path (not the file name, which only a workspace folder's own URI could make count). */
  private fileInWorkspace(uri: DocUri): boolean {
    const folder = this.folders.find((f) => isInside(uri, f));
    if (!folder || uri === folder) return false;
    if (uri.startsWith('/logseq/', folder.length) && LOGSEQ_COPIES.test(uri.slice(folder.length + 8))) return false;
    // Every folder of the path (not the file name) is looked at; asked of each listed file.
    const exclude = this.config.exclude;
    for (let from = folder.length + 1, slash = uri.indexOf('/', from); slash >= 0; from = slash + 1, slash = uri.indexOf('/', from)) {
      if (uri.charCodeAt(from) === 0x2e) return false;
      if (exclude.length > 0 && exclude.includes(uri.slice(from, slash))) return false;
    }
    return true;
  }

  /** What a file is to the workspace (a note, source or anchor file to read), or undefined: an attachment or none of ours. */
  classify(uri: DocUri): DocKind | undefined {
    if (this.folders.includes(uri)) return undefined;
    const facts = this.folderFacts(uri);
    if (!facts.inWorkspace) return undefined;
    if (facts.underSourceRoot) {
      const lower = uri.toLowerCase();
      if (lower.endsWith(ANCHOR_FILE_SUFFIX)) return 'anchorFile';
      return sourceFormat(lower) ? 'source' : undefined;
    }
    // Asked of every listed file: the extension is compared without lower-casing the URI.
    return MARKDOWN_EXTENSION.test(uri) ? 'note' : undefined;
  }

  /**
   * Indexes (or re-indexes) a file's text, or takes its index parsed elsewhere;
   * returns the citation keys whose meaning may have changed.
   */
  set(uri: DocUri, kind: DocKind, text: string | TextLoader, version: number, parsed?: ParsedDocument): Set<string> {
    const usable = parsed?.kind === kind && parsed.index.uri === uri;
    if (!usable && typeof text !== 'string') text = text()?.text ?? '';
    const doc = usable ? parsed : parseDocument({ uri, kind, text: text as string }, version);
    doc.index.version = version;
    const isNew = this.kindOf(uri) === undefined;
    const before = this.notesByUri.get(uri);
    const touched = this.forget(uri);
    // Re-indexing a known file keeps the set of names, so the suggestions stand; so
    // does indexing a listed note (did-you-mean names notes by their listed paths).
    if (isNew && (kind !== 'note' || !this.files.get(uri))) this.clearSuggestions();
    this.skipped.delete(uri);
    if (typeof text === 'string') this.texts.set(uri, text);
    else this.textLoaders.set(uri, text);
    this.files.add(uri);
    if (doc.kind === 'note') {
      const note = doc.index;
      this.notesByUri.set(uri, note);
      push(this.byName, note.stem.toLowerCase(), note);
      if (this.citedBy) this.fileCitations(this.citedBy, note);
      // Links into a note read only its name, headings and block ids: an edit that keeps
      // them (most typing) leaves the notes linking to it as they were.
      if (before && sameLinkTargets(before, note)) touched.delete(note.stem.toLowerCase());
      else touched.add(note.stem.toLowerCase());
    } else if (doc.kind === 'source') {
      const source = doc.index;
      this.sourcesByUri.set(uri, source);
      push(this.byId, source.id, source);
      push(this.sourcesByBase, withoutExtension(uri), source);
      if (source.stem.toLowerCase() !== source.id) push(this.byId, source.stem.toLowerCase(), source);
      touched.add(source.id).add(source.stem.toLowerCase());
    } else {
      const file = doc.index;
      this.anchorFilesByUri.set(uri, file);
      const base = uri.slice(0, -ANCHOR_FILE_SUFFIX.length).toLowerCase();
      this.anchorFileByBase.set(base, file);
      for (const s of this.sourcesWithBase(base)) {
        this.namedCache.delete(s.uri);
        touched.add(s.id).add(s.stem.toLowerCase());
      }
    }
    return touched;
  }

  private fileCitations(citedBy: Map<string, Set<DocUri>>, note: NoteIndex): void {
    const file = (key: string) => {
      let set = citedBy.get(key);
      if (!set) citedBy.set(key, (set = new Set()));
      set.add(note.uri);
    };
    for (const c of note.citations) for (const key of linkKeys(c)) file(key);
  }

  /** Marks a file as not indexed (too large, binary, unreadable); it still exists for links. */
  skip(uri: DocUri, reason: string): Set<string> {
    const touched = this.remove(uri);
    this.clearSuggestions();
    this.files.add(uri);
    this.skipped.set(uri, { uri, reason });
    return touched;
  }

  /**
   * Registers a file that links may name but that is not read (an attachment), or
   * that is listed before it is read; returns the keys links to it are filed under.
   */
  register(uri: DocUri): Set<string> {
    const touched = new Set<string>();
    if (!this.listed(uri)) return touched;
    const name = this.files.get(uri)?.name;
    if (name) touched.add(nameKey(name)).add(name);
    return touched;
  }

  /** `register` without the keys (a listing registers every file, and nothing depends on them yet); false when known. */
  listed(uri: DocUri): boolean {
    if (this.files.get(uri)) return false;
    this.files.add(uri);
    this.clearSuggestions();
    this.dropResolutions();
    return true;
  }

  /** Forgets a file; returns the citation keys whose meaning may have changed. */
  remove(uri: DocUri): Set<string> {
    if (this.kindOf(uri) !== undefined || this.files.get(uri)) this.clearSuggestions();
    const name = this.files.get(uri)?.name;
    this.files.remove(uri);
    const touched = this.forget(uri);
    if (name) touched.add(nameKey(name)).add(name);
    return touched;
  }

  /** Forgets every resolution and what was derived from several documents (any file or the conventions changed). */
  private dropResolutions(): void {
    // Listing 10,000 files registers each: nothing to drop then, and nothing is allocated.
    if (this.resolutions.size > 0) this.resolutions = new Map();
    if (this.shared.size > 0) this.shared = new Map();
    if (this.sharedInFolder.size > 0) this.sharedInFolder = new Map();
    if (this.derivedValues.size > 0) this.derivedValues = new Map();
    this.plain = undefined;
  }

  /** Drops a file from every map (without judging whether names changed). */
  private forget(uri: DocUri): Set<string> {
    const touched = new Set<string>();
    this.dropResolutions();
    this.memos.delete(uri);
    this.texts.delete(uri);
    this.textLoaders.delete(uri);
    this.skipped.delete(uri);
    this.notices.delete(uri);
    const note = this.notesByUri.get(uri);
    if (note) {
      this.notesByUri.delete(uri);
      pull(this.byName, note.stem.toLowerCase(), note);
      if (this.citedBy) for (const c of note.citations) for (const key of linkKeys(c)) this.citedBy.get(key)?.delete(uri);
      touched.add(note.stem.toLowerCase());
    }
    const source = this.sourcesByUri.get(uri);
    if (source) {
      this.sourcesByUri.delete(uri);
      pull(this.byId, source.id, source);
      pull(this.sourcesByBase, withoutExtension(uri), source);
      pull(this.byId, source.stem.toLowerCase(), source);
      this.namedCache.delete(uri);
      touched.add(source.id).add(source.stem.toLowerCase());
    }
    const file = this.anchorFilesByUri.get(uri);
    if (file) {
      this.anchorFilesByUri.delete(uri);
      const base = uri.slice(0, -ANCHOR_FILE_SUFFIX.length).toLowerCase();
      if (this.anchorFileByBase.get(base) === file) this.anchorFileByBase.delete(base);
      for (const s of this.sourcesWithBase(base)) {
        this.namedCache.delete(s.uri);
        touched.add(s.id).add(s.stem.toLowerCase());
      }
    }
    return touched;
  }

  private sourcesWithBase(base: string): SourceIndex[] {
    return this.sourcesByBase.get(base) ?? [];
  }

  /** Notes whose citations name one of `keys`. */
  notesCiting(keys: Iterable<string>): Set<DocUri> {
    const out = new Set<DocUri>();
    if (!this.citedBy) {
      this.citedBy = new Map();
      for (const note of this.notesByUri.values()) this.fileCitations(this.citedBy, note);
    }
    for (const k of keys) for (const uri of this.citedBy.get(k) ?? []) out.add(uri);
    return out;
  }

  notesLinkingTo(uri: DocUri): NoteIndex[] {
    const keys = new Set<string>();
    const name = this.files.get(uri)?.name;
    if (name) {
      keys.add(nameKey(name)).add(name);
      // Logseq names `a___b.md` as `[[a/b]]`.
      if (name.includes('___')) keys.add(nameKey(name.slice(name.lastIndexOf('___') + 3)));
    }
    const source = this.sourcesByUri.get(uri);
    if (source) keys.add(source.id).add(source.stem.toLowerCase());
    const uris = this.notesCiting(keys);
    if (this.notesByUri.has(uri)) uris.add(uri);
    const out: NoteIndex[] = [];
    for (const u of uris) {
      const n = this.notesByUri.get(u);
      if (n) out.push(n);
    }
    return out;
  }

  kindOf(uri: DocUri): DocKind | undefined {
    if (this.notesByUri.has(uri)) return 'note';
    if (this.sourcesByUri.has(uri)) return 'source';
    if (this.anchorFilesByUri.has(uri)) return 'anchorFile';
    return undefined;
  }

  notes(): Iterable<NoteIndex> {
    return this.notesByUri.values();
  }
  sources(): Iterable<SourceIndex> {
    return this.sourcesByUri.values();
  }
  anchorFiles(): Iterable<AnchorFileIndex> {
    return this.anchorFilesByUri.values();
  }
  note(uri: DocUri): NoteIndex | undefined {
    return this.notesByUri.get(uri);
  }
  source(uri: DocUri): SourceIndex | undefined {
    return this.sourcesByUri.get(uri);
  }
  anchorFile(uri: DocUri): AnchorFileIndex | undefined {
    return this.anchorFilesByUri.get(uri);
  }
  anchorFileFor(source: SourceIndex): AnchorFileIndex | undefined {
    return this.anchorFileByBase.get(withoutExtension(source.uri));
  }
  /** The source an anchor file belongs to. */
  sourceForAnchorFile(file: AnchorFileIndex): SourceIndex | undefined {
    return this.sourcesWithBase(file.uri.slice(0, -ANCHOR_FILE_SUFFIX.length).toLowerCase())[0];
  }
  sourcesById(id: string): SourceIndex[] {
    return this.byId.get(targetKey(id)) ?? [];
  }
  notesByName(name: string): NoteIndex[] {
    return this.byName.get(targetKey(name)) ?? [];
  }
  /** The document's text if it is in memory (`text` may read a remembered file's). */
  loadedText(uri: DocUri): string | undefined {
    return this.texts.get(uri);
  }
  text(uri: DocUri): string | undefined {
    const text = this.texts.get(uri);
    if (text !== undefined) return text;
    const load = this.textLoaders.get(uri);
    if (!load) return undefined;
    this.textLoaders.delete(uri);
    const read = load();
    if (!read) return undefined;
    // Changed on disk since it was parsed: index what is there now (a watcher reports the change too).
    if (read.changed) this.set(uri, this.kindOf(uri)!, read.text, 0);
    else this.texts.set(uri, read.text);
    return read.text;
  }

  /** Line/offset conversion for any indexed document. */
  lines(uri: DocUri): LineIndex | undefined {
    const text = this.text(uri);
    if (text === undefined) return undefined;
    const source = this.sourcesByUri.get(uri);
    // A source's lines are part of its derived data (the same text: one index, not two).
    if (source && source.text === text) return this.sourceText(source).lines();
    return this.memo(uri, 'lines', () => new LineIndex(text));
  }

  /** The derived data of a source's current version (built lazily, dropped when it changes). */
  sourceText(source: SourceIndex): SourceText {
    return this.memo(source.uri, 'sourceText', () => sourceText(source));
  }

  /** The normalised text of a source (for quote matching), once per version. */
  normalized(source: SourceIndex): NormalizedText {
    return this.sourceText(source).normalized();
  }

  namedPassages(source: SourceIndex): Map<string, Passage> {
    let named = this.namedCache.get(source.uri);
    if (!named) {
      const file = this.anchorFileFor(source);
      named = file ? resolveNamed(source, file.anchors, () => this.normalized(source), reanchor) : new Map();
      this.namedCache.set(source.uri, named);
    }
    return named;
  }

  memo<T>(uri: DocUri, kind: string, compute: () => T): T {
    let m = this.memos.get(uri);
    if (!m) this.memos.set(uri, (m = new Map()));
    if (m.has(kind)) return m.get(kind) as T;
    const value = compute();
    m.set(kind, value);
    return value;
  }

  derived<T>(uri: DocUri, kind: string, compute: () => T): T {
    // By kind, then document: a key joined from the two was a new string to hash at every call.
    let ofKind = this.derivedValues.get(kind);
    if (!ofKind) this.derivedValues.set(kind, (ofKind = new Map()));
    if (ofKind.has(uri)) return ofKind.get(uri) as T;
    const value = compute();
    ofKind.set(uri, value);
    return value;
  }

  sentenceOf(note: NoteIndex, citation: Citation): Span {
    const text = this.texts.get(note.uri);
    if (text === undefined) return citation.paragraph;
    // Each citation's sentence once (the checks ask again), found from the sentences near it.
    const memo = this.memo(note.uri, 'sentences', () => ({
      found: new Map<string, Span>(),
      seen: new Map<number, { from: number; end: number }>(),
    }));
    const key = `${citation.start}:${citation.end}:${citation.paragraph.start}:${citation.paragraph.end}`;
    let sentence = memo.found.get(key);
    if (!sentence) {
      const near = sentencesNear(text, citation.paragraph, citation.start);
      memo.found.set(key, (sentence = sentenceAround(text, citation.paragraph, citation, near, memo.seen)));
    }
    return sentence;
  }

  resolve(note: NoteIndex, citation: Citation): Resolution {
    const i = citationIndex(note.citations, citation);
    // A citation that is not the note's own (a link being written, tried out) is not remembered.
    if (i < 0) return this.resolveIn(note, citation, this.linkScope(note));
    // One link only: a hover must not resolve every quote of the note (the cache is dropped at every file read while indexing).
    const known = this.knownResolutions(note);
    return (known.list[i] ??= this.resolveIn(note, citation, this.linkScope(note)));
  }

  /** The shared resolutions of a note's folder, and the note as stored: found once for all its links. */
  private linkScope(note: NoteIndex): LinkScope {
    const dir = folderOf(note.uri);
    let inDir = this.shared.get(dir);
    if (!inDir) this.shared.set(dir, (inDir = new Map()));
    // Shared between folders once there are two (a vault of one folder would only pay for it). A
    // note not listed (an editor's unsaved one) resolves on its own: it has no place among the files.
    const folder = this.shared.size > 1 ? this.files.get(note.uri)?.folder : undefined;
    let inFolder = folder === undefined ? undefined : this.sharedInFolder.get(folder);
    if (folder !== undefined && !inFolder) this.sharedInFolder.set(folder, (inFolder = new Map()));
    return { inDir, inFolder, stored: this.notesByUri.get(note.uri) };
  }

  /**
   * Resolves (and remembers) a citation of `note`, in the scope of its folder. Links to
   * the same target from the same folder resolve alike: a vault's ~19 links per page are
   * resolved once (links into the note itself are not shared). So do wiki links from every
   * folder of a workspace folder, where the note's folder changed nothing in resolving one
   * (`trackFolder`): a vault's paths from its root resolve once, not once
   * per folder (a path-link vault of 15 folders made 50,151 resolutions of 14,551 targets).
   */
  private resolveIn(note: NoteIndex, citation: Citation, { inDir, inFolder, stored }: LinkScope): Resolution {
    // A wiki link's label changes nothing but in Dendron (which writes the target after `|`).
    const plainLink =
      citation.form === undefined &&
      citation.anchor === undefined &&
      citation.malformed === undefined &&
      (citation.label === undefined || this.conventions.style !== 'dendron');
    const key = plainLink
      ? citation.target
      : [citation.target, citation.form ?? '', citation.anchor ?? '\u0001', citation.label ?? '\u0001', citation.malformed ?? ''].join(
          '\u0000',
        );
    let r = inDir.get(key);
    if (r && !isOwnLink(r, note, stored)) return r;
    const wiki = citation.form === undefined && inFolder !== undefined;
    r = wiki ? inFolder.get(key) : undefined;
    if (r && !isOwnLink(r, note, stored)) {
      inDir.set(key, r);
      return r;
    }
    const outer = trackFolder();
    let alike = false;
    try {
      r = this.resolveUncached(note, citation);
    } finally {
      alike = !folderMatteredSince(outer);
    }
    if (!isOwnLink(r, note, stored) && citation.target !== '') {
      inDir.set(key, r);
      if (wiki && alike) inFolder.set(key, r);
    }
    return r;
  }

  /**
   * Every listed file a note's links may name (by id, name, path or path suffix), read
   * or not: what must be indexed for the note's links to resolve as they will once the
   * whole workspace is read.
   */
  candidateTargets(note: NoteIndex, citations: readonly LinkNames[] = note.citations): Set<DocUri> {
    const out = new Set<DocUri>();
    const from = this.files.get(note.uri);
    for (const c of citations) {
      for (const name of [c.target, c.label?.split('#')[0]]) {
        if (!name) continue;
        const t = name
          .replace(/\\/g, '/')
          .replace(/^dendron:\/\/[^/]*\//i, '')
          .trim();
        const last = t.slice(t.lastIndexOf('/') + 1);
        for (const e of [...this.files.named(last), ...this.files.named(last + '.md')]) out.add(e.uri);
        for (const e of this.listedSources(t)) out.add(e);
        if (from && c.form) {
          const dir = from.rel.includes('/') ? from.rel.slice(0, from.rel.lastIndexOf('/')) : '';
          const e = this.files.atPath(from.folder, dir ? `${dir}/${t}` : t) ?? this.files.atPath(from.folder, t.replace(/^\//, ''));
          if (e) out.add(e.uri);
        }
      }
    }
    return out;
  }

  /** Listed files in the source roots whose id or stem is `name` (whether read yet or not). */
  listedSources(name: string): DocUri[] {
    const key = targetKey(name);
    // No source listed at all (most vaults): nothing to look up, name after name.
    if (key === '' || key.includes('/') || this.sourceIdIndex().size === 0) return [];
    const out: DocUri[] = [];
    for (const ext of SOURCE_EXTENSIONS) {
      for (const e of this.files.named(key + ext)) if (this.classify(e.uri) === 'source') out.push(e.uri);
    }
    // A source id is the name before the first `_`: `002` names `002_a3f2….txt`.
    for (const uri of this.sourceIdIndex().get(key) ?? []) out.push(uri);
    return out;
  }

  /** Listed source files by id, for the generation of file names it was built for. */
  private sourceIds: { generation: number; byId: Map<string, DocUri[]> } | undefined;
  private sourceIdIndex(): Map<string, DocUri[]> {
    if (this.sourceIds?.generation === this.files.generation) return this.sourceIds.byId;
    const byId = new Map<string, DocUri[]>();
    // Most vaults have no file under a source root: then no file is tested.
    const roots = this.sourceRoots().filter((root) =>
      this.folders.some((f) => root === f || (isInside(root, f) && this.files.isFolder(f, relativePath(f, root)))),
    );
    for (const e of roots.length > 0 ? this.files.all() : []) {
      // Most files lie outside every source root: they are not classified one by one.
      if (!roots.some((root) => isInside(e.uri, root)) || this.classify(e.uri) !== 'source') continue;
      const { id } = sourceNames(e.uri);
      const list = byId.get(id);
      if (list) list.push(e.uri);
      else byId.set(id, [e.uri]);
    }
    this.sourceIds = { generation: this.files.generation, byId };
    return byId;
  }

  /** The anchor file a source would have beside it (whether it exists or not). */
  anchorFileUriFor(source: SourceIndex): DocUri {
    return withoutSourceExtension(source.uri) + ANCHOR_FILE_SUFFIX;
  }

  hasSources(): boolean {
    return this.sourcesByUri.size > 0 || this.sourceIdIndex().size > 0;
  }

  resolutionsOf(note: NoteIndex): readonly Resolution[] {
    const known = this.knownResolutions(note);
    if (!known.complete) {
      const scope = this.linkScope(note);
      note.citations.forEach((c, i) => (known.list[i] ??= this.resolveIn(note, c, scope)));
      known.complete = true;
    }
    return known.list as Resolution[];
  }

  /** The resolutions of a note's citations known so far, by position. */
  private knownResolutions(note: NoteIndex): { list: (Resolution | undefined)[]; complete: boolean } {
    let known = this.resolutions.get(note);
    if (!known) this.resolutions.set(note, (known = { list: new Array<Resolution | undefined>(note.citations.length), complete: false }));
    return known;
  }

  /** Resolutions shared by links alike, by folder and link (see `resolveIn`); dropped with the resolutions. */
  private shared = new Map<string, Map<string, Resolution>>();
  /** Resolutions of wiki links alike from every folder, by workspace folder and link (see `resolveIn`); dropped with the resolutions. */
  private sharedInFolder = new Map<DocUri, Map<string, Resolution>>();

  /** Whether `[[…]]` is text here (see `plainMarkdown`); dropped with the resolutions. */
  private plain: boolean | undefined;
  private judgingPlain = false;

  /**
   * True when a workspace without a marker is plain Markdown (a docs or GitBook
   * repository): no sources, no embed `![[…]]`, not one `[[…]]` names anything, and
   * Markdown links do.
   * There, as in VS Code and on GitHub, `[[…]]` is text, not a link.
   */
  plainMarkdown(): boolean {
    if (this.conventions.style !== 'auto' || this.judgingPlain || this.hasSources()) return false;
    if (this.plain !== undefined) return this.plain;
    this.judgingPlain = true;
    try {
      let markdownResolves = false;
      for (const note of this.notesByUri.values()) {
        for (const c of note.citations) {
          if (c.malformed) continue;
          const wiki = !c.form;
          // An embed `![[…]]` is never text: its vault's tool renders it.
          if (wiki && c.embed) return (this.plain = false);
          if (!wiki && markdownResolves) continue;
          const r = this.resolveUncached(note, c);
          const found = r.kind === 'note' || r.kind === 'file' || r.kind === 'folder' || r.kind === 'source';
          if (found && wiki) return (this.plain = false);
          if (found) markdownResolves = true;
        }
      }
      return (this.plain = markdownResolves);
    } finally {
      this.judgingPlain = false;
    }
  }

  private resolveUncached(note: NoteIndex, citation: Citation): Resolution {
    if (citation.malformed === TEXT_AFTER_QUOTE) {
      if (this.plainMarkdown()) return { kind: 'notLink' };
      // Into a source it is a quote anchor with words after it; into a note, `[[note#"Quoted"
      // words]]` names a heading, and in a workspace without sources no link is a quote anchor.
      const r = resolveWikiLink(this, note, extended(citation, { malformed: undefined }));
      const intoNote = r.kind === 'note' || r.kind === 'unknownHeading' || r.kind === 'ambiguousNote';
      if (intoNote || (r.kind === 'unknownTarget' && !this.hasSources())) return r;
    }
    if (citation.malformed) return { kind: 'malformed', reason: citation.malformed };
    if (!citation.form && this.plainMarkdown()) return { kind: 'notLink' };
    return citation.form === 'markdown' || citation.form === 'definition'
      ? resolveMarkdownLink(this, note, citation)
      : resolveWikiLink(this, note, citation);
  }

  /** Did-you-mean names of one kind: sources and notes, attachments, or note paths. */
  suggest(name: string, kind: SuggestionKind): string[] {
    const key = suggestionKey(name, kind);
    let found = this.suggestions.get(key);
    if (found) return found;
    const names = this.nameIndex(kind);
    found = names.closest(lookupOf(name, kind));
    this.suggestions.set(key, found);
    return found;
  }

  /**
   * Adds to `kinds` the kinds of name the missing targets of `note` are looked up among,
   * resolving `per` links a step: a caller answers requests between steps (resolving the
   * 2,920 links of obsidian-hub's index of plugins at once held them for a tenth of a second).
   */
  *askedKindSteps(note: NoteIndex, kinds: Set<SuggestionKind>, per = 128): Generator<void> {
    const citations = note.citations;
    for (let i = 0; i < citations.length; i++) {
      const r = this.resolve(note, citations[i]!);
      if (r.kind === 'unknownTarget' && r.asks) kinds.add(r.asks.kind);
      if (i % per === per - 1) yield;
    }
  }

  /**
   * Steps that build the did-you-mean tables of these kinds of name, for kinds with many
   * names (with few, a lookup scans them). The tables stay until file names change.
   */
  *suggestionSteps(kinds: Iterable<SuggestionKind>): Generator<void> {
    for (const kind of kinds) {
      const names = this.nameIndex(kind);
      if (names.size >= PREPARED_FROM) yield* names.prepare();
    }
  }

  /** The did-you-mean index of one kind of name, for the current generation of file names. */
  private nameIndex(kind: SuggestionKind): NameIndex {
    if (this.nameGeneration !== this.files.generation) {
      this.nameIndexes = new Map();
      this.nameGeneration = this.files.generation;
    }
    let names = this.nameIndexes.get(kind);
    if (!names) this.nameIndexes.set(kind, (names = new NameIndex(this.namesOfKind(kind))));
    return names;
  }

  /** The names did-you-mean looks among for one kind, in the order the index takes them. */
  private namesOfKind(kind: SuggestionKind): string[] {
    const candidates: string[] = [];
    if (kind === 'source') candidates.push(...this.byId.keys());
    for (const e of this.files.all()) {
      if (this.sourcesByUri.has(e.uri) || this.anchorFilesByUri.has(e.uri)) continue;
      if (kind === 'file') {
        if (!e.markdown) candidates.push(e.rel.slice(e.rel.lastIndexOf('/') + 1));
      } else if (e.markdown)
        candidates.push(kind === 'path' ? e.rel.replace(/\.md$/i, '') : e.rel.slice(e.rel.lastIndexOf('/') + 1).replace(/\.md$/i, ''));
    }
    return candidates;
  }

  /**
   * The did-you-mean lookups that checking these documents in this order will make and
   * that are not made yet, each once, in the order they will be made. Another thread can
   * answer them from `lookupNames` while this one checks. Found `documents` documents at
   * a time: each step yields the lookups found so far (one object, grown in place), so
   * that the other thread can start answering them.
   */
  *lookupSteps(order: readonly DocUri[], documents: number): Generator<SuggestionLookups, SuggestionLookups> {
    const lookups: SuggestionLookups = { generation: this.files.generation, asks: [], upTo: [] };
    const seen = new Set<string>();
    for (const uri of order) {
      const note = this.notesByUri.get(uri);
      for (const r of note ? this.resolutionsOf(note) : []) {
        if (r.kind !== 'unknownTarget' || !r.asks) continue;
        const key = suggestionKey(r.asks.name, r.asks.kind);
        if (seen.has(key) || this.suggestions.has(key)) continue;
        seen.add(key);
        lookups.asks.push({ name: r.asks.name, kind: r.asks.kind, lookup: lookupOf(r.asks.name, r.asks.kind) });
      }
      lookups.upTo.push(lookups.asks.length);
      if (lookups.upTo.length % documents === 0 && lookups.upTo.length < order.length) yield lookups;
    }
    return lookups;
  }

  /**
   * The names did-you-mean looks among, of every kind, for the current file names (what
   * `lookupSteps` are answered from); notes first, the kind most lookups are of.
   */
  lookupNames(): LookupNames {
    const names: LookupNames['names'] = {};
    // A missing name is looked up among sources only where there are sources (`missingKind`).
    for (const kind of ['note', 'path', 'file', 'source'] as const)
      if (kind !== 'source' || this.hasSources()) names[kind] = this.namesOfKind(kind);
    return { generation: this.files.generation, names };
  }

  /** Takes the answers to lookups from `lookupSteps` (`found[i]` answers `asks[from + i]`), unless file names changed since. */
  answerLookups(lookups: SuggestionLookups, from: number, found: readonly string[][]): void {
    if (lookups.generation !== this.files.generation) return;
    found.forEach((names, i) => {
      const ask = lookups.asks[from + i];
      if (ask) this.suggestions.set(suggestionKey(ask.name, ask.kind), names);
    });
  }

  /**
   * What an anchor names in a source, once per version of the source and of its anchor
   * file: finding a quote is the costliest part of resolving, and the resolutions are
   * dropped whenever any file changes (while indexing, at every file read).
   */
  private anchorIn(source: SourceIndex, anchor: string): AnchorResult {
    const named = this.namedPassages(source);
    const memo = this.memo(source.uri, 'anchors', () => ({ named, results: new Map<string, AnchorResult>() }));
    if (memo.named !== named) {
      memo.named = named;
      memo.results.clear();
    }
    let result = memo.results.get(anchor);
    if (!result) memo.results.set(anchor, (result = resolveAnchor(source, anchor, named, () => this.normalized(source))));
    return result;
  }

  /** A source citation's passage; an empty anchor after `#` cannot be read there. */
  resolveInSource(source: SourceIndex, anchor: string | undefined, shadows?: NoteIndex): Resolution {
    if (anchor !== undefined && anchor.trim() === '') return { kind: 'malformed', reason: 'the anchor after `#` is empty' };
    const base = shadows ? { shadows } : {};
    if (anchor === undefined) {
      return { kind: 'source', source, passage: { sourceUri: source.uri, start: 0, end: source.text.length, kind: 'whole' }, ...base };
    }
    const result = this.anchorIn(source, anchor);
    if (result.ok) return { kind: 'source', source, passage: result.passage, ...base };
    if (result.malformed) return { kind: 'malformed', reason: result.malformed };
    const out: Resolution = { kind: 'unknownAnchor', source, suggestions: result.suggestions };
    if (result.reason) out.reason = result.reason;
    return out;
  }
}

/**
 * The workspace index: every note, source and anchor file indexed once per
 * version, lookups by source id and note name, and a reverse index from citation
 * targets to the notes that cite them, so a change re-checks only what it affects.
 */
import { resolveAnchor, resolveNamed } from './anchors.js';
import type { NotesConfig } from './config.js';
import { normalizeWithMap, type NormalizedText } from './normalize.js';
import { ANCHOR_FILE_SUFFIX } from './parse/anchorFile.js';
import { parseDocument, type DocKind, type ParsedDocument } from './parse/document.js';
import { reanchor } from './quotes/reanchor.js';
import { NameIndex, nameIndexOf } from './suggest.js';
import { LineIndex } from './text.js';
import type { AnchorFileIndex, Citation, DocUri, NoteIndex, Passage, SourceIndex } from './types.js';
import type { Resolution, WorkspaceView } from './view.js';
import { isInside, joinUri } from './workspace.js';

export type { DocKind } from './parse/document.js';

/** A file that was not indexed, and why (shown as one information diagnostic). */
export interface SkippedFile {
  uri: DocUri;
  reason: string;
}

/** Reads a file's text when first needed, saying whether the file changed since it was parsed. */
export type TextLoader = () => { text: string; changed: boolean } | undefined;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pull<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(value);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}

/** The lower-cased keys a citation target is looked up by. */
export function targetKey(target: string): string {
  return target.trim().toLowerCase();
}

function withoutExtension(uri: DocUri): string {
  return uri.replace(/\.(txt|md)$/i, '').toLowerCase();
}

export class WorkspaceIndex implements WorkspaceView {
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
  /** `<source uri without extension>` → the sources there (`.txt` and `.md` may both exist). */
  private readonly sourcesByBase = new Map<string, SourceIndex[]>();
  /** Citation target key → notes citing it. */
  private readonly citedBy = new Map<string, Set<DocUri>>();
  readonly skipped = new Map<DocUri, SkippedFile>();
  private readonly namedCache = new Map<DocUri, Map<string, Passage>>();
  private readonly normalizedCache = new Map<DocUri, NormalizedText>();
  private readonly memos = new Map<DocUri, Map<string, unknown>>();
  /** Resolutions stay valid until any file changes (then the whole cache is dropped). */
  private resolutions = new WeakMap<Citation, Resolution>();
  /** Values derived from several documents; dropped with the resolutions. */
  private derivedValues = new Map<string, unknown>();
  /** Did-you-mean suggestions per unknown target, valid until a file is added or removed. */
  private suggestions = new Map<string, string[]>();
  /** The source ids and note names suggestions are drawn from; rebuilt with `suggestions`. */
  private names: NameIndex | undefined;

  private clearSuggestions(): void {
    this.suggestions = new Map();
    this.names = undefined;
  }

  constructor(
    public config: NotesConfig,
    readonly folders: readonly DocUri[],
  ) {}

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

  /** What a file is to the workspace, or undefined when it is none of ours. */
  classify(uri: DocUri): DocKind | undefined {
    const lower = uri.toLowerCase();
    const folder = this.folders.find((f) => isInside(uri, f));
    if (!folder) return undefined;
    const rel = uri.slice(folder.length + 1).split('/');
    if (rel.slice(0, -1).some((seg) => seg.startsWith('.') || this.config.exclude.includes(seg))) return undefined;
    if (this.sourceRoots().some((root) => isInside(uri, root))) {
      if (lower.endsWith(ANCHOR_FILE_SUFFIX)) return 'anchorFile';
      if (lower.endsWith('.txt') || lower.endsWith('.md')) return 'source';
      return undefined;
    }
    return lower.endsWith('.md') ? 'note' : undefined;
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
    const touched = this.forget(uri);
    // Re-indexing a known file keeps the set of names, so the suggestions stand.
    if (isNew) this.clearSuggestions();
    this.skipped.delete(uri);
    if (typeof text === 'string') this.texts.set(uri, text);
    else this.textLoaders.set(uri, text);
    if (doc.kind === 'note') {
      const note = doc.index;
      this.notesByUri.set(uri, note);
      push(this.byName, note.stem.toLowerCase(), note);
      for (const c of note.citations) {
        const key = targetKey(c.target);
        let set = this.citedBy.get(key);
        if (!set) this.citedBy.set(key, (set = new Set()));
        set.add(uri);
      }
      touched.add(note.stem.toLowerCase());
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

  /** Marks a file as not indexed (too large, binary, unreadable). */
  skip(uri: DocUri, reason: string): Set<string> {
    const touched = this.remove(uri);
    this.clearSuggestions();
    this.skipped.set(uri, { uri, reason });
    return touched;
  }

  /** Forgets a file; returns the citation keys whose meaning may have changed. */
  remove(uri: DocUri): Set<string> {
    if (this.kindOf(uri) !== undefined) this.clearSuggestions();
    return this.forget(uri);
  }

  /** Drops a file from every map (without judging whether names changed). */
  private forget(uri: DocUri): Set<string> {
    const touched = new Set<string>();
    this.resolutions = new WeakMap();
    this.derivedValues = new Map();
    this.memos.delete(uri);
    this.texts.delete(uri);
    this.textLoaders.delete(uri);
    this.skipped.delete(uri);
    const note = this.notesByUri.get(uri);
    if (note) {
      this.notesByUri.delete(uri);
      pull(this.byName, note.stem.toLowerCase(), note);
      for (const c of note.citations) this.citedBy.get(targetKey(c.target))?.delete(uri);
      touched.add(note.stem.toLowerCase());
    }
    const source = this.sourcesByUri.get(uri);
    if (source) {
      this.sourcesByUri.delete(uri);
      pull(this.byId, source.id, source);
      pull(this.sourcesByBase, withoutExtension(uri), source);
      pull(this.byId, source.stem.toLowerCase(), source);
      this.namedCache.delete(uri);
      this.normalizedCache.delete(uri);
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
    for (const k of keys) for (const uri of this.citedBy.get(k) ?? []) out.add(uri);
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
    return this.memo(uri, 'lines', () => new LineIndex(text, source?.lineStarts));
  }

  /** The normalised text of a source (for quote matching), cached per version. */
  normalized(source: SourceIndex): NormalizedText {
    let n = this.normalizedCache.get(source.uri);
    if (!n) this.normalizedCache.set(source.uri, (n = normalizeWithMap(source.text)));
    return n;
  }

  namedPassages(source: SourceIndex): Map<string, Passage> {
    let named = this.namedCache.get(source.uri);
    if (!named) {
      const file = this.anchorFileFor(source);
      named = file ? resolveNamed(source, file.anchors, reanchor) : new Map();
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
    const key = `${kind}\u0000${uri}`;
    if (this.derivedValues.has(key)) return this.derivedValues.get(key) as T;
    const value = compute();
    this.derivedValues.set(key, value);
    return value;
  }

  resolve(note: NoteIndex, citation: Citation): Resolution {
    let r = this.resolutions.get(citation);
    if (!r) this.resolutions.set(citation, (r = this.resolveUncached(note, citation)));
    return r;
  }

  private resolveUncached(note: NoteIndex, citation: Citation): Resolution {
    if (citation.malformed) return { kind: 'malformed', reason: citation.malformed };
    const sources = this.sourcesById(citation.target);
    const notes = this.notesByName(citation.target);
    if (sources.length > 1) {
      // The whole stem is unique even where ids repeat.
      const exact = sources.filter((s) => s.stem.toLowerCase() === targetKey(citation.target));
      if (exact.length !== 1) return { kind: 'ambiguous', sources };
      return this.resolveInSource(exact[0]!, citation, notes[0]);
    }
    if (sources.length === 1) return this.resolveInSource(sources[0]!, citation, notes[0]);
    const target = notes.find((n) => n.uri !== note.uri) ?? notes[0];
    if (target) {
      if (!citation.anchor) return { kind: 'note', note: target };
      const slug = citation.anchor.toLowerCase();
      const heading = target.headings.find((h) => h.slug === slug || h.text.toLowerCase() === slug);
      if (heading) return { kind: 'note', note: target, heading };
      return { kind: 'unknownHeading', note: target, suggestions: nameIndexOf(target.headings, () => target.headings.map((h) => h.slug)).closest(citation.anchor) };
    }
    const key = targetKey(citation.target);
    let suggestions = this.suggestions.get(key);
    if (!suggestions) {
      this.names ??= new NameIndex([...this.byId.keys(), ...[...this.byName.values()].map((list) => list[0]!.stem)]);
      suggestions = this.names.closest(citation.target);
      this.suggestions.set(key, suggestions);
    }
    return { kind: 'unknownTarget', suggestions };
  }

  private resolveInSource(source: SourceIndex, citation: Citation, shadows: NoteIndex | undefined): Resolution {
    const base = shadows ? { shadows } : {};
    if (!citation.anchor) {
      return { kind: 'source', source, passage: { sourceUri: source.uri, start: 0, end: source.text.length, kind: 'whole' }, ...base };
    }
    const result = resolveAnchor(source, citation.anchor, this.namedPassages(source), () => this.normalized(source));
    if (result.ok) return { kind: 'source', source, passage: result.passage, ...base };
    if (result.malformed) return { kind: 'malformed', reason: result.malformed };
    const out: Resolution = { kind: 'unknownAnchor', source, suggestions: result.suggestions };
    if (result.reason) out.reason = result.reason;
    return out;
  }
}

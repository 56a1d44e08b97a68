/**
 * The injected world: the core reaches files only through `Workspace`.
 * `NodeWorkspace` (node/nodeWorkspace.ts) serves the server and the CLI;
 * `MemoryWorkspace` serves tests.
 */
import type { DocUri, ExtractedDocument } from './types.js';

export interface FileStat {
  size: number;
  /** Modification time in ms, used to notice changes on disk. */
  mtime: number;
  /** Status change time in ms (any write or `touch` moves it; no user can set it back), when known. */
  ctime?: number;
  /** The file's inode (or file id), when known: a file replaced by another has a new one. */
  ino?: number;
}

/** True when two stats describe the same version of a file (every field either has must agree). */
export function sameStat(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtime === b.mtime && a.ctime === b.ctime && a.ino === b.ino;
}

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
  uri: DocUri;
  kind: FileChangeKind;
}

/** What `readFileSync` found: the file's stat, and its text when it was read. */
export interface TextRead {
  text?: string;
  stat: FileStat;
}

/** What the core needs from the outside world. Every method is safe to call for any URI. */
export interface Workspace {
  /** The workspace folders, as directory URIs without a trailing slash. */
  readonly folders: readonly DocUri[];
  /**
   * Every file under `folder` (recursively) whose name ends in one of `extensions`
   * (every file when `extensions` is empty), skipping dot-folders and `node_modules`,
   * never leaving the folder.
   */
  listFiles(folder: DocUri, extensions: readonly string[]): Promise<DocUri[]>;
  /** The file's text, or undefined when it cannot be read (gone, unreadable, a directory). */
  readFile(uri: DocUri): Promise<string | undefined>;
  /** Size and modification time, or undefined when it does not exist. */
  stat(uri: DocUri): Promise<FileStat | undefined>;
  /**
   * Reads a file at once (same checks as `readFile`), with its stat: lets the index
   * keep no text for files whose parse it remembers, and read one when a feature
   * needs it. Without it, every file is read during the scan. Undefined when there is
   * no such file; no `text` when it is there but not read: over `maxBytes`, binary,
   * not UTF-8, outside the workspace folders or unreadable.
   */
  readFileSync?(uri: DocUri, maxBytes?: number): TextRead | undefined;
  /**
   * `readFileSync` of each file, made on another thread: the scan hands over one batch of
   * files and parses the batch before it meanwhile. Rejects when that thread fails; the
   * scan then reads the files itself. Of the files `notes` marks, that thread later says
   * whether each note's dates may hold problems (`onNoteFacts`).
   */
  readFilesElsewhere?(uris: readonly DocUri[], maxBytes: number, notes?: readonly boolean[]): Promise<(TextRead | undefined)[]>;
  /**
   * Calls `listener` with what the thread of `readFilesElsewhere` found of the notes it read,
   * whenever it has no file to read: whether each note's text may hold date problems
   * (`noteTextMayHoldDateProblems`), the costliest question asked of every note's text
   * alone, answered there instead of on the thread that checks.
   */
  onNoteFacts?(listener: (uri: DocUri, text: string, mayHoldDateProblems: boolean) => void): void;
  /** Hands `onNoteFacts` what has come so far, at once: the checks ask before they check notes. */
  takeNoteFacts?(): void;
  /** `stat` at once; with `readFileSync`, the scan reads files without a round trip through the event loop per file. */
  statSync?(uri: DocUri): FileStat | undefined;
  /** True when a file or folder exists there (inside the workspace): marker folders such as `.obsidian/`. */
  exists(uri: DocUri): Promise<boolean>;
  /**
   * The extracted text and structure of a PDF or saved web page (`isExtractedFormat`),
   * `{ error }` when it cannot be extracted (damaged, encrypted, too slow), undefined
   * when it cannot be read at all. Extraction runs outside the core (node/extract/);
   * a workspace without this method has no PDF or web-page sources.
   */
  readExtracted?(uri: DocUri): Promise<ExtractedDocument | { error: string } | undefined>;
}

/** Joins a folder URI and a relative path (forward slashes). */
export function joinUri(folder: DocUri, relative: string): DocUri {
  const parts: string[] = folder.replace(/\/+$/, '').split('/');
  for (const seg of relative.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      // Never climb above the scheme and authority (`file://` + root).
      if (parts.length > 3) parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

/** The last path segment of a URI (decoded). */
export function baseName(uri: DocUri): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** True when `uri` lies inside `folder` (or is it). */
export function isInside(uri: DocUri, folder: DocUri): boolean {
  const f = withoutTrailingSlashes(folder);
  return uri.startsWith(f) && (uri.length === f.length || uri.charCodeAt(f.length) === 0x2f);
}

/** The path of `uri` relative to `folder`, decoded, with forward slashes. */
export function relativePath(folder: DocUri, uri: DocUri): string {
  const f = withoutTrailingSlashes(folder);
  const rel = uri.startsWith(f) && uri.charCodeAt(f.length) === 0x2f ? uri.slice(f.length + 1) : uri;
  // Every file of a listing goes through here: most names have nothing to decode.
  if (!rel.includes('%')) return rel;
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
}

export function withoutTrailingSlashes(folder: DocUri): DocUri {
  return folder.charCodeAt(folder.length - 1) === 0x2f ? folder.replace(/\/+$/, '') : folder;
}

/** An in-memory workspace for tests: files keyed by URI. */
export class MemoryWorkspace implements Workspace {
  readonly files = new Map<DocUri, string>();
  /** PDFs and web pages as their extracted form (tests need no extractor), or an extraction error. */
  readonly extracted = new Map<DocUri, ExtractedDocument | { error: string }>();
  readonly reads: DocUri[] = [];
  constructor(
    readonly folders: readonly DocUri[] = ['memory:///ws'],
    files: Record<string, string> = {},
  ) {
    for (const [path, text] of Object.entries(files)) this.files.set(joinUri(this.folders[0]!, path), text);
  }

  /** Sets (creates or replaces) a file by path relative to the first folder. */
  set(path: string, text: string): DocUri {
    const uri = joinUri(this.folders[0]!, path);
    this.files.set(uri, text);
    return uri;
  }

  /** Sets a PDF or web page by path, as its extracted form (or an extraction error). */
  setExtracted(path: string, doc: ExtractedDocument | { error: string }): DocUri {
    const uri = joinUri(this.folders[0]!, path);
    this.extracted.set(uri, doc);
    return uri;
  }

  /** Deletes a file by path relative to the first folder. */
  delete(path: string): DocUri {
    const uri = joinUri(this.folders[0]!, path);
    this.files.delete(uri);
    this.extracted.delete(uri);
    return uri;
  }

  async listFiles(folder: DocUri, extensions: readonly string[]): Promise<DocUri[]> {
    return [...this.files.keys(), ...this.extracted.keys()]
      .filter((uri) => isInside(uri, folder) && (extensions.length === 0 || extensions.some((e) => uri.toLowerCase().endsWith(e))))
      .filter(
        (uri) =>
          !relativePath(folder, uri)
            .split('/')
            .some((s) => s.startsWith('.') || s === 'node_modules'),
      )
      .sort();
  }

  async readFile(uri: DocUri): Promise<string | undefined> {
    this.reads.push(uri);
    return this.files.get(uri);
  }

  async exists(uri: DocUri): Promise<boolean> {
    if (this.files.has(uri) || this.extracted.has(uri)) return true;
    for (const key of [...this.files.keys(), ...this.extracted.keys()]) if (key.startsWith(uri + '/')) return true;
    return false;
  }

  async stat(uri: DocUri): Promise<{ size: number; mtime: number } | undefined> {
    const doc = this.extracted.get(uri);
    const text = this.files.get(uri) ?? (doc && 'text' in doc ? doc.text : doc ? '' : undefined);
    return text === undefined ? undefined : { size: text.length, mtime: 0 };
  }

  async readExtracted(uri: DocUri): Promise<ExtractedDocument | { error: string } | undefined> {
    this.reads.push(uri);
    return this.extracted.get(uri);
  }
}

/**
 * Every file of the workspace by the names links use for it: its path relative to its
 * workspace folder, its file name, and (for notes) its name without `.md` — all
 * case-insensitive, as Obsidian, Foam and Dendron match them. Attachments (images,
 * PDFs, audio, canvases, …) are listed here without being read.
 */
import type { DocUri } from '../types.js';
import { isInside, withoutTrailingSlashes } from '../workspace.js';
import { pull, push } from '../multiMap.js';

/** One file as links name it. */
export interface FileEntry {
  uri: DocUri;
  /** The workspace folder holding it. */
  folder: DocUri;
  /** Its path relative to that folder, decoded, with forward slashes (`notes/A b.md`). */
  rel: string;
  /** `rel` lower-cased (`notes/a b.md`): the key `atPath` finds it by. */
  lowerRel: string;
  /** The file name, lower-cased (`a b.md`). */
  name: string;
  /** True for Markdown files. */
  markdown: boolean;
}

/** The file name's extension, lower-cased, with its dot (`.png`), or '' without one. */
export function extensionOf(name: string): string {
  const slash = name.lastIndexOf('/');
  const dot = name.lastIndexOf('.');
  return dot > slash + 1 ? name.slice(dot).toLowerCase() : '';
}

/** What the files directly in one folder share (`FileNames.dirOf`). */
interface FilesDir {
  /** The folder's URI, without a trailing slash. */
  uri: DocUri;
  workspaceFolder: DocUri;
  /** Its path in the workspace folder as the URI writes it, with a trailing `/` ('' for the workspace folder itself). */
  rawRel: string;
  /** `rawRel` decoded; undefined when it cannot be. */
  rel: string | undefined;
  byPath: Map<string, FileEntry>;
  counts: Map<string, number>;
  /** `folderKeys` of `rel`. */
  countKeys: string[];
}

/** `decodeURIComponent`, or undefined for a malformed escape. */
function decoded(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** The lower-cased paths of the folders a relative path runs through (`A/b/c.md` → `a`, `a/b`). */
function folderKeys(rel: string): string[] {
  const keys: string[] = [];
  for (let i = rel.indexOf('/'); i >= 0; i = rel.indexOf('/', i + 1)) keys.push(rel.slice(0, i).toLowerCase());
  return keys;
}

/** The files of the workspace, looked up by path, file name and note name. */
export class FileNames {
  private readonly byUri = new Map<DocUri, FileEntry>();
  /** Files by workspace folder, then by lower-cased relative path (no key joins a long folder URI to each path). */
  private readonly byPath = new Map<DocUri, Map<string, FileEntry>>();
  /** Lower-cased file name → files. */
  private readonly byName = new Map<string, FileEntry[]>();
  /** By workspace folder, the lower-cased paths of the folders in it that hold files (`a/b`), for links to folders. */
  private readonly folderCounts = new Map<DocUri, Map<string, number>>();
  /** Bumped on every change, so caches built from the names know when to go. */
  generation = 0;

  constructor(private readonly folders: readonly DocUri[]) {}

  /** The workspace folder of a URI, if any. */
  folderOf(uri: DocUri): DocUri | undefined {
    let best: DocUri | undefined;
    for (const f of this.folders) if (isInside(uri, f) && (!best || f.length > best.length)) best = f;
    return best;
  }

  /** Adds a file (once). */
  add(uri: DocUri): FileEntry | undefined {
    const known = this.byUri.get(uri);
    if (known) return known;
    if (this.folders.includes(uri)) return undefined;
    const slash = uri.lastIndexOf('/');
    const dir = this.dirOf(uri, slash);
    if (!dir) return undefined;
    // The path is decoded a folder and a name at a time, and left as written if either fails
    // (`relativePath`): no escape sequence spans a `/`, so the result is the whole path's.
    const rawName = uri.slice(slash + 1);
    const name = rawName.includes('%') ? decoded(rawName) : rawName;
    const whole = name !== undefined && dir.rel !== undefined;
    const rel = whole ? dir.rel + name : dir.rawRel + rawName;
    const lowerRel = rel.toLowerCase();
    const entry: FileEntry = {
      uri,
      folder: dir.workspaceFolder,
      rel,
      lowerRel,
      name: lowerRel.slice(lowerRel.lastIndexOf('/') + 1),
      markdown: lowerRel.endsWith('.md'),
    };
    this.byUri.set(uri, entry);
    dir.byPath.set(lowerRel, entry);
    push(this.byName, entry.name, entry);
    // (A decoded name holding `/`, from `%2F`, adds folders of its own.)
    const keys = !whole ? folderKeys(dir.rawRel) : name.includes('/') ? folderKeys(rel) : dir.countKeys;
    for (const key of keys) dir.counts.set(key, (dir.counts.get(key) ?? 0) + 1);
    this.generation++;
    return entry;
  }

  /**
   * What every file directly in the folder of `uri` (its last `/` at `slash`) shares: its
   * workspace folder, its path there, the maps it goes in. A listing adds a folder's files
   * one after another, so the last folder's are kept. Undefined outside the workspace
   * folders, and for a workspace folder's own URI.
   */
  private dirOf(uri: DocUri, slash: number): FilesDir | undefined {
    const last = this.lastDir;
    if (last && last.uri.length === slash && uri.startsWith(last.uri)) return last;
    const workspaceFolder = this.folderOf(uri);
    if (!workspaceFolder || uri === workspaceFolder) return undefined;
    // The folder's path in the workspace folder, with its trailing `/` ('' at the top).
    const top = withoutTrailingSlashes(workspaceFolder).length;
    const rawRel = slash > top ? uri.slice(top + 1, slash + 1) : '';
    const rel = rawRel.includes('%') ? decoded(rawRel) : rawRel;
    let byPath = this.byPath.get(workspaceFolder);
    if (!byPath) this.byPath.set(workspaceFolder, (byPath = new Map()));
    let counts = this.folderCounts.get(workspaceFolder);
    if (!counts) this.folderCounts.set(workspaceFolder, (counts = new Map()));
    const dir: FilesDir = { uri: uri.slice(0, slash), workspaceFolder, rawRel, rel, byPath, counts, countKeys: folderKeys(rel ?? rawRel) };
    this.lastDir = dir;
    return dir;
  }
  private lastDir: FilesDir | undefined;

  /** Removes a file. */
  remove(uri: DocUri): void {
    const entry = this.byUri.get(uri);
    if (!entry) return;
    this.byUri.delete(uri);
    this.byPath.get(entry.folder)?.delete(entry.lowerRel);
    pull(this.byName, entry.name, entry);
    const counts = this.folderCounts.get(entry.folder);
    for (let i = entry.rel.indexOf('/'); counts && i >= 0; i = entry.rel.indexOf('/', i + 1)) {
      const key = entry.rel.slice(0, i).toLowerCase();
      const n = (counts.get(key) ?? 1) - 1;
      if (n <= 0) counts.delete(key);
      else counts.set(key, n);
    }
    this.generation++;
  }

  /** The entry of a known file. */
  get(uri: DocUri): FileEntry | undefined {
    return this.byUri.get(uri);
  }

  /** Every file. */
  all(): IterableIterator<FileEntry> {
    return this.byUri.values();
  }

  /** The file at a path relative to a workspace folder (case-insensitive). */
  atPath(folder: DocUri, rel: string): FileEntry | undefined {
    return this.atLowerPath(folder, rel.toLowerCase());
  }

  /** `atPath` for a path in lower case already. */
  atLowerPath(folder: DocUri, lowerRel: string): FileEntry | undefined {
    return this.byPath.get(folder)?.get(lowerRel);
  }

  /** True when a folder (relative to a workspace folder) holds files. */
  isFolder(folder: DocUri, rel: string): boolean {
    return rel === '' || !!this.folderCounts.get(folder)?.has(rel.toLowerCase().replace(/\/+$/, ''));
  }

  /** Files with this file name (case-insensitive). */
  named(name: string): readonly FileEntry[] {
    return this.namedLower(name.toLowerCase());
  }

  /** `named` for a name already in lower case. */
  namedLower(lower: string): readonly FileEntry[] {
    return this.byName.get(lower) ?? [];
  }
}

/**
 * Normalises a relative path: drops `.` segments, applies `..` (never above the root:
 * undefined then), collapses repeated slashes.
 */
export function normalizePath(path: string): string | undefined {
  return isNormalPath(path) ? path : normalizeBySegments(path);
}

/** `normalizePath` by walking every segment (what it does for a path that is not normal already). */
export function normalizeBySegments(path: string): string | undefined {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

/** True when `normalizePath` would return the path as it is: no empty, `.` or `..` segment. */
function isNormalPath(path: string): boolean {
  if (path === '') return true;
  if (path.charCodeAt(0) === 0x2f || path.charCodeAt(path.length - 1) === 0x2f || path.includes('//')) return false;
  for (let i = path.indexOf('.'); i >= 0; i = path.indexOf('.', i + 1)) {
    if (i > 0 && path.charCodeAt(i - 1) !== 0x2f) continue;
    // A segment starting with a dot: `.` or `..` alone?
    const end = path.charCodeAt(i + 1) === 0x2e ? i + 2 : i + 1;
    if (end === path.length || path.charCodeAt(end) === 0x2f) return false;
  }
  return true;
}

/** The folder part of a relative path (`a/b/c.md` → `a/b`, `c.md` → ``). */
export function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

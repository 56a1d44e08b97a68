/**
 * The workspace on disk: lists, reads and stats files under the workspace folders,
 * never leaving them (symlinks are followed only when their target stays inside a
 * folder, and each real directory is walked once, so loops end).
 */
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  promises as fs,
  readlinkSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { join, sep } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { URI } from 'vscode-uri';
import { fromSettingsJson, type NotesConfig } from '../core/config.js';
import type { FileStat, TextRead, Workspace } from '../core/workspace.js';
import type { DocUri, ExtractedDocument } from '../core/types.js';
import { sourceFormat } from '../core/formats.js';
import type { Extractor } from './extract/extractor.js';
import { readContained } from './containedFile.js';
import { FileReader } from './fileReader.js';
import { extended } from '../core/extended.js';

/** Paths of the URIs asked about: a check turns each file's URI into a path several times, and parsing one costs more than a stat. */
const paths = new Map<DocUri, string>();
/** More than this many paths are not remembered (a workspace that large parses its URIs again). */
const MAX_PATHS = 200_000;

/** The file-system path of a `file://` URI. */
export function uriToPath(uri: DocUri): string {
  let path = paths.get(uri);
  if (path === undefined) {
    path = URI.parse(uri).fsPath;
    if (paths.size < MAX_PATHS) paths.set(uri, path);
  }
  return path;
}

/**
 * A URI in the one form the core compares, the form the scan gives files (`pathToUri`):
 * clients spell the same file differently (Neovim and Helix send `(` where VS Code
 * sends `%28`, `C:` where it sends `c%3A`), and two spellings were two documents.
 */
export function normalizeUri(uri: DocUri): DocUri {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/** The `file://` URI of a path, in the form the core compares (no trailing slash). */
export function pathToUri(path: string): DocUri {
  return URI.file(path).toString().replace(/\/+$/, '');
}

/** File names `URI.file` writes as they are, but for a space (`%20`): most names in a vault (never `.` or `..`). */
const PLAIN_NAME = /^(?!\.\.?$)[A-Za-z0-9._~ -]+$/;

/**
 * The URI of the file `name` in the folder at `dir`, whose URI is `dirUri`: equal to
 * `pathToUri(join(dir, name))`, without encoding the folder's path again for each of its files.
 */
export function childUri(dirUri: DocUri, dir: string, name: string): DocUri {
  // The root's URI lost its slashes (`file:`): its files take the long way.
  if (!PLAIN_NAME.test(name) || dirUri.endsWith(':')) return pathToUri(join(dir, name));
  const uri = `${dirUri}/${name.replaceAll(' ', '%20')}`;
  // Its path is known too: reading the file need not parse the URI back (`uriToPath`).
  if (sep === '/' && paths.size < MAX_PATHS) paths.set(uri, `${dir}/${name}`);
  return uri;
}

/**
 * True when bytes look like a binary file: a NUL byte in the first 512, as VS Code judges
 * it. (Git looks at 8 KB, but a note quoting a binary dump further down is text to
 * Obsidian and VS Code alike.)
 */
function looksBinary(buf: Buffer): boolean {
  return buf.subarray(0, 512).includes(0);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The stat fields the index compares to tell whether a file changed. */
function fileStat(st: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): FileStat {
  return { size: st.size, mtime: st.mtimeMs, ctime: st.ctimeMs, ino: st.ino };
}

export class NodeWorkspace implements Workspace {
  readonly folders: readonly DocUri[];
  private readonly realFolders: Promise<string[]>;
  private realFoldersNow: string[] | undefined;

  constructor(
    private readonly folderPaths: readonly string[],
    private readonly log: (message: string) => void = () => {},
    /** Reads PDFs and web pages (on its worker thread); without it they are not read. */
    private readonly extractor?: Extractor,
    /** The file reader's script (`READ_WORKER_SCRIPT`); without it, or where it is missing, the scan reads on its own thread. */
    readerScript?: string,
  ) {
    this.folders = folderPaths.map(pathToUri);
    this.realFolders = Promise.all(folderPaths.map((p) => fs.realpath(p).catch(() => p)));
    if (readerScript && existsSync(readerScript)) {
      const reader = new FileReader(readerScript, folderPaths, log);
      this.reader = reader;
      this.readFilesElsewhere = (uris, maxBytes, notes) => reader.read(uris, maxBytes, notes);
      this.onNoteFacts = (listener) => (reader.onNoteFacts = listener);
      this.takeNoteFacts = () => reader.takeNoteFacts();
    }
  }

  readonly onNoteFacts?: (listener: (uri: DocUri, text: string, mayHoldDateProblems: boolean) => void) => void;
  readonly takeNoteFacts?: () => void;

  private readonly reader: FileReader | undefined;
  readonly readFilesElsewhere?: (
    uris: readonly DocUri[],
    maxBytes: number,
    notes?: readonly boolean[],
  ) => Promise<(TextRead | undefined)[]>;

  /** Starts the file reader's thread now, not at the first read: a check that will read every file has it start while the folders are listed. */
  startReading(): void {
    this.reader?.start();
  }

  /** Ends the file reader's thread (reads go on, on this thread). */
  async close(): Promise<void> {
    await this.reader?.close();
  }

  /** True when a real path lies inside one of the real workspace folders. */
  private async insideWorkspace(real: string): Promise<boolean> {
    return inside(real, await this.realFolders);
  }

  /** Listings of every file of a folder started before the scan asked (`startListing`); each is taken once. */
  private readonly early = new Map<DocUri, Promise<DocUri[]>>();

  /** Starts listing every folder now; the scan's `listFiles` takes these listings instead of walking again. */
  startListing(): void {
    for (const folder of this.folders) {
      if (this.early.has(folder)) continue;
      const listing = this.walkFolder(folder, []);
      // A listing nobody takes (the editor left before `initialized`) must not end the process with its failure.
      listing.catch(() => undefined);
      this.early.set(folder, listing);
    }
  }

  async listFiles(folder: DocUri, extensions: readonly string[]): Promise<DocUri[]> {
    const early = extensions.length === 0 ? this.early.get(folder) : undefined;
    if (early) {
      this.early.delete(folder);
      return early;
    }
    return this.walkFolder(folder, extensions);
  }

  private async walkFolder(folder: DocUri, extensions: readonly string[]): Promise<DocUri[]> {
    const out: DocUri[] = [];
    const seen = new Set<string>();
    const walk = async (dir: string): Promise<void> => {
      let real: string;
      try {
        real = await fs.realpath(dir);
      } catch {
        return;
      }
      if (seen.has(real) || !(await this.insideWorkspace(real))) return;
      seen.add(real);
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (e) {
        this.log(`Cannot read folder ${dir}: ${(e as Error).message}`);
        return;
      }
      const dirUri = pathToUri(dir);
      // Sub-folders are walked together: one after the other, a tree of a hundred folders
      // waited for three file-system round trips each.
      const below: Promise<void>[] = [];
      for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        const wanted = extensions.length === 0 || extensions.some((ext) => entry.name.toLowerCase().endsWith(ext));
        // Most entries are plain files: their URI is made without a path of their own.
        if (isFile && !entry.isSymbolicLink()) {
          if (wanted) out.push(childUri(dirUri, dir, entry.name));
          continue;
        }
        const path = join(dir, entry.name);
        if (entry.isSymbolicLink()) {
          try {
            const target = await fs.realpath(path);
            if (!(await this.insideWorkspace(target))) {
              this.log(`Skipped ${path}: the link leaves the workspace`);
              continue;
            }
            const st = await fs.stat(path);
            isDir = st.isDirectory();
            isFile = st.isFile();
          } catch {
            this.log(`Skipped ${path}: broken or looping link`);
            continue;
          }
        }
        if (isDir) below.push(walk(path));
        else if (isFile && wanted) out.push(pathToUri(path));
      }
      await Promise.all(below);
    };
    await walk(uriToPath(folder));
    return out.sort();
  }

  /** The file's bytes, when it lies inside the workspace folders. */
  private async readBytes(uri: DocUri): Promise<Buffer | undefined> {
    const path = uriToPath(uri);
    const real = await fs.realpath(path);
    if (!(await this.insideWorkspace(real))) {
      this.log(`Not read ${path}: outside the workspace folders`);
      return undefined;
    }
    return fs.readFile(real);
  }

  async readExtracted(uri: DocUri): Promise<ExtractedDocument | { error: string } | undefined> {
    const format = sourceFormat(uri);
    if (format !== 'pdf' && format !== 'html') return undefined;
    let bytes: Buffer | undefined;
    try {
      bytes = await this.readBytes(uri);
    } catch (e) {
      this.log(`Cannot read ${uriToPath(uri)}: ${(e as Error).message}`);
      return undefined;
    }
    if (!bytes) return undefined;
    if (!this.extractor) return { error: 'PDFs and web pages are not read by this program' };
    return this.extractor.extract(format === 'pdf' ? 'pdf' : /\.mht(ml)?$/i.test(uri) ? 'mhtml' : 'html', bytes);
  }

  async readFile(uri: DocUri): Promise<string | undefined> {
    const path = uriToPath(uri);
    try {
      const buf = await this.readBytes(uri);
      if (!buf) return undefined;
      if (looksBinary(buf)) {
        this.log(`Skipped ${path}: binary file`);
        return undefined;
      }
      const text = decoder.decode(buf);
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch (e) {
      this.log(`Cannot read ${path}: ${(e as Error).message}`);
      return undefined;
    }
  }

  async exists(uri: DocUri): Promise<boolean> {
    try {
      const real = await fs.realpath(uriToPath(uri));
      return await this.insideWorkspace(real);
    } catch {
      return false;
    }
  }

  async stat(uri: DocUri): Promise<FileStat | undefined> {
    try {
      const st = await fs.stat(uriToPath(uri));
      return st.isFile() ? fileStat(st) : undefined;
    } catch {
      return undefined;
    }
  }

  statSync(uri: DocUri): FileStat | undefined {
    return statFile(uriToPath(uri));
  }

  readFileSync(uri: DocUri, maxBytes = Infinity): TextRead | undefined {
    const path = uriToPath(uri);
    let fd: number | undefined;
    try {
      // A file that is itself a link is opened by its target's real path below; any other is opened
      // as listed and asked where it really lies (one call, where resolving the path costs one per folder).
      fd = openNoFollow(path);
      const real = fd === undefined ? realpathSync.native(path) : (openedPath(fd) ?? realpathSync.native(path));
      this.realFoldersNow ??= this.folderPaths.map((p) => {
        try {
          return realpathSync.native(p);
        } catch {
          return p;
        }
      });
      if (!inside(real, this.realFoldersNow)) {
        this.log(`Not read ${path}: outside the workspace folders`);
        return unread(path);
      }
      // Checked on the opened file itself (never a FIFO, which would block): nothing swapped in between slips through.
      fd ??= openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
      // Taken before reading: a write meanwhile leaves the stat older than the text, so the file is read again later.
      const st = fstatSync(fd);
      if (!st.isFile()) return undefined;
      const stat = fileStat(st);
      if (st.size > maxBytes) return { stat };
      const buf = readAll(fd, st.size);
      if (looksBinary(buf)) return { stat };
      const text = decoder.decode(buf);
      return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, stat };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      this.log(`Cannot read ${path}: ${(e as Error).message}`);
      return unread(path);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** The stat of the file at `path`, or undefined when there is none (or it is not a file). */
function statFile(path: string): FileStat | undefined {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st?.isFile() ? fileStat(st) : undefined;
  } catch {
    return undefined;
  }
}

/** A file that is there but is not read: its stat alone, or undefined when it is not a file. */
function unread(path: string): TextRead | undefined {
  const stat = statFile(path);
  return stat && { stat };
}

/** `path` opened for reading unless its last part is a symbolic link (then undefined). */
function openNoFollow(path: string): number | undefined {
  try {
    return openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') return undefined;
    throw e;
  }
}

/** Where an open file really lies, from the system's table of open files; undefined where there is none (not Linux). */
function openedPath(fd: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const real = readlinkSync(`/proc/self/fd/${fd}`);
    return real.startsWith('/') ? real : undefined;
  } catch {
    return undefined;
  }
}

/** The first `size` bytes of an open file, or all of it when its size is unknown (0, as some special files give). */
function readAll(fd: number, size: number): Buffer {
  let buf = Buffer.allocUnsafe(size > 0 ? size : 8192);
  let length = 0;
  while (size === 0 || length < size) {
    if (length === buf.length) {
      const larger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(larger, 0, 0, length);
      buf = larger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buf.subarray(0, length);
}

function inside(real: string, folders: readonly string[]): boolean {
  return folders.some((f) => real === f || real.startsWith(f.endsWith('/') ? f : f + '/'));
}

/** Settings files larger than this are not read (VS Code's are a few kilobytes). */
const MAX_SETTINGS_BYTES = 1024 * 1024;
const SETTINGS = '.vscode/settings.json';

/**
 * Reads `groundedNotes.*` from `<folder>/.vscode/settings.json`; problems are reported,
 * defaults used. The file is read with the same containment, regular-file and size
 * checks as notes (it may be a link to `/etc/passwd` or `/dev/stdin` in a cloned
 * workspace), and an error says where the file is wrong, never what it contains.
 */
export async function loadSettings(folderPath: string): Promise<{ config: NotesConfig; errors: string[] }> {
  const read = await readContained(join(folderPath, '.vscode', 'settings.json'), folderPath, MAX_SETTINGS_BYTES);
  if ('missing' in read) return fromSettingsJson({});
  const defaults = (why: string) =>
    extended(fromSettingsJson({}), { errors: [`${SETTINGS} is not read: ${why}; the default settings are used`] });
  if ('refused' in read) return defaults(read.refused);
  let text: string;
  try {
    text = decoder.decode(read.bytes);
  } catch {
    return defaults('it is not UTF-8 text');
  }
  const errors: ParseError[] = [];
  const parsed = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false }) as unknown;
  const first = errors[0];
  if (first) {
    const before = text.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    return defaults(`invalid JSON at line ${line}, column ${column} (${printParseErrorCode(first.error)})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return defaults('it is not a JSON object');
  return fromSettingsJson(parsed as Record<string, unknown>);
}

/**
 * What the persisted index records per file, how a record is trusted, and the keys
 * and fingerprints that decide whether anything stored still applies.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { PARSER_VERSION, type DocKind, type ScanState } from '../core/parse/document.js';
import { rules } from '../core/rules/registry.js';
import type { DocUri } from '../core/types.js';
import type { FileStat } from '../core/workspace.js';
import { uriToPath } from './nodeWorkspace.js';

/** What the index remembers of one file. */
export interface FileRecord {
  uri: DocUri;
  kind: DocKind;
  /** SHA-256 of kind, URI and text. */
  content: string;
  /** The stat when read (size -1: unknown, never trusted by stat). */
  size: number;
  mtime: number;
  ctime?: number;
  ino?: number;
  /** When the run that read it started (ms since the epoch): the file was read after this. */
  seenAt: number;
  /** Where its parse lies in the parses section. */
  at: number;
  length: number;
}

/** A file the last run skipped (too large, binary, unreadable), with the stat it had then. */
export interface SkipRecord {
  uri: DocUri;
  reason: string;
  size: number;
  mtime: number;
  ctime?: number;
  ino?: number;
  seenAt: number;
}

/** The files section: what was indexed, and what was skipped. */
export interface FilesSection {
  files: FileRecord[];
  skipped: SkipRecord[];
}

const buildHashes = new Map<string, string>();
/**
 * A hash of the running program (the bundle, or, run from source, this module and
 * the caller's, where the index format lives): a new build never reads an old index.
 */
function runningBuild(callerUrl: string): string {
  const urls = [...new Set([import.meta.url, callerUrl])];
  const id = urls.join('\n');
  let hash = buildHashes.get(id);
  if (hash === undefined) {
    try {
      const h = createHash('sha256');
      for (const url of urls) h.update(readFileSync(new URL(url)));
      hash = h.digest('hex');
    } catch {
      hash = 'unknown';
    }
    buildHashes.set(id, hash);
  }
  return hash;
}

/** The key of an index: everything besides the files that can change what it holds (callerUrl: the index module's own URL). */
export function indexKey(stateKey: string, tool = '', callerUrl = import.meta.url): string {
  const parts = {
    format: 3,
    tool,
    build: runningBuild(callerUrl),
    parser: PARSER_VERSION,
    rules: rules.map((r) => [r.code, r.name, r.defaultSeverity]),
    settings: stateKey,
    runtime: [process.versions.node, process.versions.v8, process.versions.icu, process.versions.unicode],
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The content key of a file's text. */
export function contentKey(kind: DocKind, uri: DocUri, text: string): string {
  return createHash('sha256').update(`${PARSER_VERSION}\0${kind}\0${uri}\0`).update(text).digest('base64');
}

/** How long before a run a file must have last changed for its stat alone to be trusted. */
function racyWindowMs(stat: FileStat): number {
  // Whole-second times mean a coarse file system (FAT, HFS+): two seconds; else a
  // kernel clock tick or two.
  return stat.mtime % 1000 === 0 ? 2000 : 100;
}

/**
 * True when a file's stat is the one recorded and the file had settled before the
 * recording run read it: a write in the same clock tick as the one before could
 * otherwise leave every field equal.
 */
export function trusted(record: { size: number; mtime: number; ctime?: number; ino?: number; seenAt: number }, stat: FileStat): boolean {
  if (record.size < 0 || record.size !== stat.size || record.mtime !== stat.mtime || record.ctime !== stat.ctime || record.ino !== stat.ino)
    return false;
  return Math.max(stat.mtime, stat.ctime ?? 0) + racyWindowMs(stat) < record.seenAt;
}

/** The stat of a file on disk now, in the form the workspace gives (undefined when it is gone). */
export function statNow(uri: DocUri): FileStat | undefined {
  const st = statSync(uriToPath(uri), { throwIfNoEntry: false });
  return st ? { size: st.size, mtime: st.mtimeMs, ctime: st.ctimeMs, ino: st.ino } : undefined;
}

/** The skipped files and why, as one sorted text (part of a fingerprint). */
export function skippedList(skipped: ReadonlyMap<DocUri, string>): string {
  return [...skipped]
    .map(([uri, reason]) => `${uri}\0${reason}`)
    .sort()
    .join('\n');
}

/** The digest of a workspace state: the index key, each file's content key, the skipped files and why, and the rest of its state. */
export function fingerprintOf(key: string, contents: [DocUri, string][], skippedText: string, state: ScanState): string {
  const hash = createHash('sha256').update(key);
  for (const [uri, content] of contents.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) hash.update(`\n${uri}\0${content}`);
  hash.update('\nskipped\n').update(skippedText);
  hash.update('\nconventions\n').update(state.conventions);
  hash.update('\nothers\n').update(state.others.join('\n'));
  const extracted = [...state.extracted].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [uri, doc] of extracted) hash.update(`\nextracted\n${uri}\0`).update(doc);
  return hash.digest('base64');
}

/** The files section read back, checked for shape (throws when it is malformed). */
export function asFilesSection(value: unknown): FilesSection {
  const section = value as Partial<FilesSection>;
  if (typeof value !== 'object' || value === null || !Array.isArray(section.files) || !Array.isArray(section.skipped))
    throw new Error('malformed files section');
  for (const r of section.skipped as Partial<SkipRecord>[]) {
    const ok =
      typeof r === 'object' &&
      r !== null &&
      typeof r.uri === 'string' &&
      typeof r.reason === 'string' &&
      [r.size, r.mtime, r.seenAt].every((n) => typeof n === 'number' && Number.isFinite(n));
    if (!ok) throw new Error('malformed skipped file record');
  }
  asRecords(section.files);
  return section as FilesSection;
}

function asRecords(value: unknown): FileRecord[] {
  if (!Array.isArray(value)) throw new Error('malformed file records');
  for (const r of value as Partial<FileRecord>[]) {
    const ok =
      typeof r === 'object' &&
      r !== null &&
      typeof r.uri === 'string' &&
      (r.kind === 'note' || r.kind === 'source' || r.kind === 'anchorFile') &&
      typeof r.content === 'string' &&
      [r.size, r.mtime, r.seenAt, r.at, r.length].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
      (r.ctime === undefined || typeof r.ctime === 'number') &&
      (r.ino === undefined || typeof r.ino === 'number');
    if (!ok) throw new Error('malformed file record');
  }
  return value as FileRecord[];
}

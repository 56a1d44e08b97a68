/**
 * The persisted index: what one run learned about the workspace's files, for the
 * next run. Per file: its content key (a SHA-256 of kind, URI and text), the stat it
 * had when read, and its parse; for the workspace: the problems of the last full
 * check; and payloads other components derive from file contents (see `payload`).
 *
 * Trust rules (each has a test in test/unit/persistedIndex.test.ts):
 * - The file is checksummed (`indexFile.ts`) and keyed by everything besides the
 *   files that can change a result: the tool's build, the parser version, the rule
 *   set, the settings, the runtime's Unicode data. Any mismatch drops it whole.
 * - A parse is reused for the same content key; without reading the file only
 *   when its size, times and inode are as recorded and it had not changed in the
 *   moments before it was read (a write in the same clock tick could otherwise
 *   hide behind an equal stat). Sources are always read.
 * - Saved problems are reused only for the very same files (content keys), the
 *   same files skipped for the same reasons, and the same key.
 * - Whatever is read back is checked for shape; a parse that fails the check drops
 *   the index and this run writes nothing, so a bad parse is never written back.
 *
 * The index lives in one file that each run replaces (write, then rename), holding
 * only what that run used, so it never grows with deleted files. Texts are not
 * stored: a remembered note's text is read when a feature first needs it.
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DocKind, ParsedDocument, RememberedParse, ScanState } from '../core/parse/document.js';
import type { DocUri, Fix, Problem } from '../core/types.js';
import type { Listing } from '../core/scan.js';
import type { FileStat } from '../core/workspace.js';
import { IndexFile, writeIndexFile, type SectionBytes } from './indexFile.js';
import {
  asFilesSection,
  fingerprintOf,
  indexKey,
  skippedList,
  statNow,
  trusted,
  type FileRecord,
  type FilesSection,
  type SkipRecord,
} from './indexRecords.js';
import { pack, unpack } from './packed.js';
import { plausibleFixLists, plausibleParse, plausibleProblems, plausibleRelated } from './plausible.js';
import { extended } from '../core/extended.js';

export { contentKey } from './indexRecords.js';

/** Parses serialised per step of `persistSteps` (about 5 ms of work on a 5 KB note each). */
const FILES_PER_STEP = 32;
/** Documents whose quick fixes are serialised per step of `persistSteps` (a few milliseconds). */
const FIX_LISTS_PER_STEP = 256;

/** The index file's name in the cache folder. */
export const INDEX_FILE = 'index.gnidx';

/** A file as this run used it: its record and its parse (or the stored bytes of it). */
interface Used {
  record: FileRecord;
  parse?: ParsedDocument;
  bytes?: Buffer;
  fromStore: boolean;
}

interface SavedProblems {
  fingerprint: string;
  problems: Map<DocUri, Problem[]>;
  /** Where each document's quick fixes lie in the section `problem-fixes`, for the documents that have any. */
  fixesAt: Map<DocUri, { at: number; length: number }>;
}

export interface PersistedIndexOptions {
  cacheDir: string;
  /** The settings and anything else the caller's results depend on (JSON). */
  stateKey: string;
  /** The tool's version; the running build's own hash is added to it. */
  tool?: string;
  log?: (message: string) => void;
}

export class PersistedIndex {
  private readonly file: string;
  private readonly key: string;
  private readonly startedAt = Date.now();
  private stored: { file: IndexFile; records: Map<DocUri, FileRecord>; skipped: Map<DocUri, SkipRecord> } | undefined;
  private storedProblems: SavedProblems | null | undefined;
  private storedPayloads: Map<string, Uint8Array> | undefined;
  private readonly used = new Map<DocUri, Used>();
  private readonly usedPayloads = new Map<string, Uint8Array>();
  private payloadsChanged = false;
  private problemsToSave: Pick<SavedProblems, 'fingerprint' | 'problems'> | undefined;
  private skippedToSave: SkipRecord[] = [];
  /** True once the stored problems matched this run's files (they are written back as they are). */
  private problemsReused = false;
  private fingerprintMemo: { size: number; skipped: string; state: ScanState; value: string } | undefined;
  /** Set when something read back failed its check after parts of it were used: this run writes nothing. */
  private poisoned = false;
  /** Counts for the log and the benchmark: parsed in this run, and reused from the index. */
  readonly stats = { parsed: 0, reused: 0 };

  constructor(private readonly options: PersistedIndexOptions) {
    this.file = join(options.cacheDir, INDEX_FILE);
    this.key = indexKey(options.stateKey, options.tool, import.meta.url);
    let file: IndexFile | undefined;
    try {
      file = IndexFile.openFile(this.file);
      if (file.key !== this.key) {
        file.close();
        this.log('The persisted index was written by another version, rule set or settings: starting afresh');
        return;
      }
      const section = asFilesSection(unpack(deserialize(file.section('files') ?? Buffer.alloc(0))));
      this.stored = {
        file,
        records: new Map(section.files.map((r) => [r.uri, r])),
        skipped: new Map(section.skipped.map((r) => [r.uri, r])),
      };
    } catch (e) {
      file?.close();
      // None yet, or not readable: nothing to drop.
      if (typeof (e as NodeJS.ErrnoException).code === 'string') return;
      this.drop(e);
    }
  }

  private log(message: string): void {
    this.options.log?.(message);
  }

  /** Forgets the stored index (it failed a check); if parts of it were already used, this run writes nothing. */
  private drop(e: unknown): void {
    this.log(`Ignored the persisted index ${this.file}: ${(e as Error).message}`);
    if ([...this.used.values()].some((u) => u.fromStore)) this.poisoned = true;
    this.stored?.file.close();
    this.stored = undefined;
    this.storedProblems = null;
    this.storedPayloads = undefined;
    try {
      rmSync(this.file, { force: true });
    } catch {
      // A read-only cache folder: the next run checks the file again.
    }
  }

  /** The stored bytes of `record`'s parse (not decoded); throws when they lie outside their section. */
  private storedBytes(record: FileRecord): Buffer {
    const section = this.stored?.file.section('parses');
    if (!section || record.at + record.length > section.length) throw new Error('a parse lies outside its section');
    return section.subarray(record.at, record.at + record.length);
  }

  /** The stored parse of `record`, checked; undefined (and the index dropped) when it fails. */
  private decode(record: FileRecord): { parse: ParsedDocument; bytes: Buffer } | undefined {
    if (!this.stored) return undefined;
    try {
      const bytes = this.storedBytes(record);
      const parse = unpack(deserialize(bytes));
      if (!plausibleParse(parse, record.uri, record.kind)) throw new Error(`the parse of ${record.uri} is malformed`);
      return { parse, bytes };
    } catch (e) {
      this.drop(e);
      return undefined;
    }
  }

  /** The stored parse of a file whose stat is exactly as recorded (and was settled when read), without reading it. */
  /** Whether an index was read that remembers any file (else nothing is remembered: files are read at once). */
  get remembersFiles(): boolean {
    return (this.stored?.records.size ?? 0) > 0;
  }

  remembered(uri: DocUri, kind: DocKind, stat: FileStat): RememberedParse | undefined {
    const record = this.stored?.records.get(uri);
    if (!record || record.kind !== kind || kind === 'source' || !trusted(record, stat)) return undefined;
    if (kind === 'note') {
      // Decoded when first needed (a warm start with saved problems needs almost none); written back as stored.
      this.used.set(uri, { record, fromStore: true });
      this.stats.reused++;
      return () => this.decode(record)?.parse;
    }
    const found = this.decode(record);
    if (!found) return undefined;
    this.used.set(uri, { record, parse: found.parse, bytes: found.bytes, fromStore: true });
    this.stats.reused++;
    return found.parse;
  }

  /** The stored parse of this very content (the file was read), or undefined. */
  reuse(uri: DocUri, kind: DocKind, content: string, text: string, stat: FileStat | undefined): ParsedDocument | undefined {
    const record = this.stored?.records.get(uri);
    if (!record || record.kind !== kind || record.content !== content) return undefined;
    const found = this.decode(record);
    if (!found) return undefined;
    // A source's text is not stored (it is most of its index): it is the text just read.
    const parse: ParsedDocument =
      found.parse.kind === 'source' ? { kind: 'source', index: extended(found.parse.index, { text }) } : found.parse;
    this.used.set(uri, { record: this.recordFor(uri, kind, content, stat), parse, bytes: found.bytes, fromStore: true });
    this.stats.reused++;
    return parse;
  }

  /** Remembers a parse made in this run. */
  add(uri: DocUri, kind: DocKind, content: string, stat: FileStat | undefined, parse: ParsedDocument): void {
    this.used.set(uri, { record: this.recordFor(uri, kind, content, stat), parse, fromStore: false });
    this.stats.parsed++;
  }

  private recordFor(uri: DocUri, kind: DocKind, content: string, stat: FileStat | undefined): FileRecord {
    const record: FileRecord = {
      uri,
      kind,
      content,
      size: stat?.size ?? -1,
      mtime: stat?.mtime ?? 0,
      seenAt: this.startedAt,
      at: 0,
      length: 0,
    };
    if (stat?.ctime !== undefined) record.ctime = stat.ctime;
    if (stat?.ino !== undefined) record.ino = stat.ino;
    return record;
  }

  /**
   * The workspace state of this run: every used file's content key and the skipped
   * files with their reasons. Files are only ever added, so the count tells whether
   * the last value still holds.
   */
  private fingerprint(skipped: ReadonlyMap<DocUri, string>, state: ScanState): string {
    const skippedText = skippedList(skipped);
    const memo = this.fingerprintMemo;
    if (memo?.size !== this.used.size || memo.skipped !== skippedText || memo.state !== state) {
      const contents = [...this.used].map(([uri, u]): [DocUri, string] => [uri, u.record.content]);
      this.fingerprintMemo = {
        size: this.used.size,
        skipped: skippedText,
        state,
        value: fingerprintOf(this.key, contents, skippedText, state),
      };
    }
    return this.fingerprintMemo!.value;
  }

  private loadProblems(): SavedProblems | undefined {
    if (this.storedProblems === undefined) this.storedProblems = this.decodeProblems(true) ?? null;
    return this.storedProblems ?? undefined;
  }

  /**
   * The saved problems, with their related places when `related` (a section of their
   * own: the command line prints none and never reads it); undefined (and the index
   * dropped) when malformed. Their quick fixes are read per document, when first asked
   * for (`savedFixes`): most of the saved bytes, and of the time a warm start took.
   */
  private decodeProblems(related: boolean): SavedProblems | undefined {
    try {
      const section = this.stored?.file.section('problems');
      if (!section) return undefined;
      const data = deserialize(section) as { fingerprint?: unknown; uris?: unknown; problems?: unknown; fixBytes?: unknown };
      const all = unpack(data.problems);
      const { uris, fixBytes } = data;
      if (
        typeof data.fingerprint !== 'string' ||
        !Array.isArray(uris) ||
        !uris.every((u) => typeof u === 'string') ||
        !(fixBytes instanceof Int32Array) ||
        fixBytes.length !== uris.length ||
        !plausibleProblems(all)
      )
        throw new Error('the saved problems are malformed');
      if (related) addRelated(all, unpack(deserialize(this.stored!.file.section('problem-related') ?? Buffer.alloc(0))));
      const problems = new Map<DocUri, Problem[]>(uris.map((u: string) => [u, []]));
      for (const p of all) {
        const list = problems.get(p.uri);
        if (!list) throw new Error('a saved problem names a document the check did not have');
        list.push(p);
      }
      const fixesAt = new Map<DocUri, { at: number; length: number }>();
      let at = 0;
      uris.forEach((uri: string, i) => {
        const length = fixBytes[i]!;
        if (length < 0) throw new Error('the saved problems are malformed');
        if (length > 0) fixesAt.set(uri, { at, length });
        at += length;
      });
      return { fingerprint: data.fingerprint, problems, fixesAt };
    } catch (e) {
      this.drop(e);
      return undefined;
    }
  }

  /**
   * The quick fixes of a document's saved problems (`savedProblems`), one entry per
   * problem in their order; undefined when none has any, or (the index dropped) when
   * they fail their check.
   */
  savedFixes(uri: DocUri): (Fix[] | undefined)[] | undefined {
    const saved = this.problemsReused ? this.storedProblems : undefined;
    const where = saved?.fixesAt.get(uri);
    if (!saved || !where) return undefined;
    try {
      const section = this.stored?.file.section('problem-fixes');
      if (!section || where.at + where.length > section.length) throw new Error('saved fixes lie outside their section');
      const lists = deserialize(section.subarray(where.at, where.at + where.length)) as unknown;
      if (!plausibleFixLists(lists, saved.problems.get(uri)?.length ?? 0)) throw new Error(`the saved fixes of ${uri} are malformed`);
      return lists.map((f) => f ?? undefined);
    } catch (e) {
      this.drop(e);
      return undefined;
    }
  }

  /** The problems saved for exactly this run's files and skipped files, if any. */
  savedProblems(skipped: ReadonlyMap<DocUri, string>, state: ScanState): Map<DocUri, Problem[]> | undefined {
    const saved = this.loadProblems();
    if (!saved || saved.fingerprint !== this.fingerprint(skipped, state)) return undefined;
    this.problemsReused = true;
    return saved.problems;
  }

  /** Remembers the problems of this run's files, to be written by `persist`. */
  saveProblems(problems: Map<DocUri, Problem[]>, skipped: ReadonlyMap<DocUri, string>, state: ScanState): void {
    this.problemsToSave = { fingerprint: this.fingerprint(skipped, state), problems };
    // Stat now, after the run started: a file skipped and then changed is never trusted by this stat.
    this.skippedToSave = [...skipped].map(([uri, reason]) => {
      const stat = statNow(uri);
      const record: SkipRecord = { uri, reason, size: stat?.size ?? -1, mtime: stat?.mtime ?? 0, seenAt: this.startedAt };
      if (stat?.ctime !== undefined) record.ctime = stat.ctime;
      if (stat?.ino !== undefined) record.ino = stat.ino;
      return record;
    });
  }

  /**
   * The saved problems, when every file of the scan's listing is a file the last
   * full check indexed or skipped, unchanged by its stat, nothing else was there,
   * and the other files and link conventions are the same: the result of a check
   * that reads and decodes nothing. With the count of notes and sources it had; the
   * problems without their quick fixes, and without related places unless `related`.
   * A listing with a PDF or web page read last time never matches (their text is not
   * in the index).
   */
  savedResult(
    listing: Listing,
    conventions: string,
    related = true,
  ): { problems: Map<DocUri, Problem[]>; notes: number; sources: number } | undefined {
    const stored = this.stored;
    const files = listing.files;
    if (!stored || files.length !== stored.records.size + stored.skipped.size) return undefined;
    let notes = 0;
    let sources = 0;
    for (const f of files) {
      const stat = statNow(f.uri);
      if (!stat) return undefined;
      const record = stored.records.get(f.uri);
      const skip = record ? undefined : stored.skipped.get(f.uri);
      if (record ? record.kind !== f.kind || !trusted(record, stat) : !skip || !trusted(skip, stat)) return undefined;
      if (record?.kind === 'note') notes++;
      if (record?.kind === 'source') sources++;
    }
    // With related places, as `savedProblems` reads them: decoded once, the same lists for both.
    const saved = related ? this.loadProblems() : this.decodeProblems(false);
    const skippedText = skippedList(new Map([...stored.skipped.values()].map((r) => [r.uri, r.reason])));
    const contents = [...stored.records.values()].map((r): [DocUri, string] => [r.uri, r.content]);
    const state: ScanState = { conventions, others: listing.others, extracted: [] };
    if (!saved || saved.fingerprint !== fingerprintOf(this.key, contents, skippedText, state)) return undefined;
    return { problems: saved.problems, notes, sources };
  }

  /**
   * Bytes stored for content derived from a file, by `namespace` (the component's
   * name, e.g. `pdf-text`) and the hash of the content it was derived from (e.g.
   * the SHA-256 of a PDF's bytes): lets a slow derivation run once per content.
   * Payloads read or set in a run are kept for the next; the others are dropped.
   */
  payload(namespace: string, contentHash: string): Uint8Array | undefined {
    const key = `${namespace}\0${contentHash}`;
    const used = this.usedPayloads.get(key);
    if (used) return used;
    if (this.storedPayloads === undefined && this.stored) {
      try {
        const section = this.stored.file.section('payloads');
        const entries = section ? (deserialize(section) as unknown) : [];
        if (!Array.isArray(entries) || !entries.every((e) => Array.isArray(e) && typeof e[0] === 'string' && e[1] instanceof Uint8Array))
          throw new Error('malformed payloads');
        this.storedPayloads = new Map(entries as [string, Uint8Array][]);
      } catch (e) {
        this.drop(e);
      }
    }
    const stored = this.storedPayloads?.get(key);
    if (stored) this.usedPayloads.set(key, stored);
    return stored;
  }

  /** Stores a payload (see `payload`). */
  setPayload(namespace: string, contentHash: string, bytes: Uint8Array): void {
    this.usedPayloads.set(`${namespace}\0${contentHash}`, bytes);
    this.payloadsChanged = true;
  }

  /** True when writing would store exactly what is stored already. */
  private unchanged(): boolean {
    const stored = this.stored;
    if (!stored || this.stats.parsed > 0 || this.payloadsChanged || this.problemsToSave) return false;
    if (this.used.size !== stored.records.size || this.usedPayloads.size !== (this.storedPayloads?.size ?? 0)) return false;
    for (const [uri, u] of this.used) {
      const r = stored.records.get(uri);
      if (
        !r ||
        r.content !== u.record.content ||
        r.size !== u.record.size ||
        r.mtime !== u.record.mtime ||
        r.ctime !== u.record.ctime ||
        r.ino !== u.record.ino
      )
        return false;
    }
    return true;
  }

  /** Writes what this run used, replacing the stored index (unless nothing changed or something read back was bad). */
  persist(): void {
    for (const _ of this.persistSteps());
  }

  /**
   * `persist` in steps of a few milliseconds each (a few dozen files serialised, a
   * section packed), for a caller that must answer requests meanwhile: writing the
   * index of 10,000 notes at once blocked an editor for two seconds. Nothing is
   * written until the last step.
   */
  *persistSteps(): Generator<void, void, void> {
    if (this.poisoned || this.used.size === 0 || this.unchanged()) return;
    try {
      const blobs: Buffer[] = [];
      const records: FileRecord[] = [];
      let at = 0;
      let n = 0;
      for (const u of this.used.values()) {
        const bytes = u.bytes ?? (u.parse ? serialize(pack(forDisk(u.parse))) : this.storedBytes(u.record));
        blobs.push(bytes);
        records.push(extended(u.record, { at, length: bytes.length }));
        at += bytes.length;
        if (++n % FILES_PER_STEP === 0) yield;
      }
      const skipped = this.problemsToSave ? this.skippedToSave : this.problemsReused ? [...this.stored!.skipped.values()] : [];
      const sections: Record<string, SectionBytes> = {
        files: serialize(pack({ files: records, skipped } satisfies FilesSection)),
        parses: blobs,
      };
      yield;
      const toSave = this.problemsToSave;
      if (toSave) {
        // One table of every problem (URIs, codes and ranges pack far better than per document).
        const all = [...toSave.problems.values()].flat();
        const brief = all.map(({ fixes: _fixes, related: _related, ...rest }) => rest);
        yield;
        sections['problem-related'] = serialize(pack(all.map((p) => ({ related: p.related }))));
        yield;
        // Each document's fixes apart, read when first asked for (serialised plainly: as small as
        // packed, and faster both ways).
        const fixBlobs: Buffer[] = [];
        const fixBytes = new Int32Array(toSave.problems.size);
        let i = 0;
        for (const list of toSave.problems.values()) {
          if (list.some((p) => p.fixes)) {
            const bytes = serialize(list.map((p) => p.fixes ?? null));
            fixBlobs.push(bytes);
            fixBytes[i] = bytes.length;
          }
          if (++i % FIX_LISTS_PER_STEP === 0) yield;
        }
        sections['problem-fixes'] = fixBlobs;
        sections.problems = serialize({
          fingerprint: toSave.fingerprint,
          uris: [...toSave.problems.keys()],
          problems: pack(brief),
          fixBytes,
        });
        yield;
      } else if (this.problemsReused) {
        // The very problems stored: written back as they were read, never decoded.
        for (const name of ['problems', 'problem-related', 'problem-fixes']) {
          const bytes = this.stored!.file.section(name);
          if (bytes) sections[name] = bytes;
        }
      }
      if (this.usedPayloads.size > 0) sections.payloads = serialize([...this.usedPayloads]);
      mkdirSync(this.options.cacheDir, { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeIndexFile(tmp, this.key, Date.now(), sections);
      // What is still read from the file it replaces is read first.
      this.stored?.file.release();
      renameSync(tmp, this.file);
      // The format before this one (`index-v1.bin`) is never read again.
      for (const name of readdirSync(this.options.cacheDir))
        if (/^index-v\d+\.bin$/.test(name)) rmSync(join(this.options.cacheDir, name), { force: true });
    } catch (e) {
      this.log(`Could not write the persisted index ${this.file}: ${(e as Error).message}`);
    }
  }
}

/** Puts back each problem's related places (stored apart, in the same order). */
function addRelated(problems: Problem[], related: unknown): void {
  if (!plausibleRelated(related, problems.length)) throw new Error('the saved related places are malformed');
  related.forEach((d, i) => {
    if (d.related) problems[i]!.related = d.related;
  });
}

/** A parse as stored: a source without its text. */
function forDisk(parse: ParsedDocument): ParsedDocument {
  return parse.kind === 'source' ? { kind: 'source', index: extended(parse.index, { text: '' }) } : parse;
}

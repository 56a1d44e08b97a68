/**
 * Parses a workspace scan's files on worker threads, one per core, and remembers
 * parses by content hash in a persisted index so a restart does not parse unchanged
 * files again. The cache lives where the caller says (the editor's workspace
 * storage, or `--cache-dir`), never among the user's files.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { parseDocument, PARSER_VERSION, type BatchParser, type ParsedDocument, type ParseInput } from '../core/parse/document.js';
import type { DocUri, Problem } from '../core/types.js';
import type { ParseReply, ParseRequest } from './indexWorker.js';

/** The bundled worker beside the bundle that runs this code (`dist/indexWorker.js`). */
export const WORKER_SCRIPT = fileURLToPath(new URL('./indexWorker.js', import.meta.url));

/** Below this many files a batch is parsed on one worker: messages cost more than they save. */
const SPLIT_ABOVE = 16;

export interface ParsePoolOptions {
  /** The bundled worker script (`dist/indexWorker.js`); without it, parsing stays in this thread. */
  workerScript?: string;
  /** Worker threads to start (default: the number of cores, at most 4). */
  threads?: number;
  /** A folder for the persisted index; without it, nothing is persisted. */
  cacheDir?: string;
  /** What else the saved problems depend on (the settings, as JSON). */
  stateKey?: string;
  log?: (message: string) => void;
}

/** The persisted index's file: parses by content key, and the problems of the last full check. */
interface PersistedIndex {
  parses: Map<string, ParsedDocument>;
  fingerprint?: string;
  problems?: Map<DocUri, Problem[]>;
}

interface Pending {
  resolve: (r: (ParsedDocument | undefined)[]) => void;
  reject: (e: Error) => void;
}

export class ParsePool implements BatchParser {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private turn = 0;
  private started = false;
  private readonly cacheFile: string | undefined;
  /** Parses read from the persisted index, by content key. */
  private readonly stored = new Map<string, ParsedDocument>();
  /** Parses of this run, by content key: what gets persisted. */
  private readonly fresh = new Map<string, ParsedDocument>();
  /** The problems saved with the persisted index, and the workspace state they belong to. */
  private storedProblems: { fingerprint: string; problems: Map<DocUri, Problem[]> } | undefined;
  private problemsToSave: { fingerprint: string; problems: Map<DocUri, Problem[]> } | undefined;
  private lastFingerprint: { keys: number; value: string } | undefined;
  /** Counts for the log and the benchmark: parsed here or on workers, and reused. */
  readonly stats = { parsed: 0, reused: 0 };

  constructor(private readonly options: ParsePoolOptions = {}) {
    const log = options.log ?? (() => {});
    this.cacheFile = options.cacheDir ? join(options.cacheDir, `index-v${PARSER_VERSION}.bin`) : undefined;
    if (this.cacheFile && existsSync(this.cacheFile)) {
      try {
        const data = deserialize(readFileSync(this.cacheFile)) as Partial<PersistedIndex>;
        if (data.parses instanceof Map) for (const [k, v] of data.parses) this.stored.set(k, v);
        if (typeof data.fingerprint === 'string' && data.problems instanceof Map) this.storedProblems = { fingerprint: data.fingerprint, problems: data.problems };
      } catch (e) {
        log(`Ignored the persisted index ${this.cacheFile}: ${(e as Error).message}`);
      }
    }
  }

  /** Starts the worker threads the first time something must be parsed (a warm start needs none). */
  private startWorkers(): void {
    const script = this.options.workerScript;
    if (this.started || !script || !existsSync(script)) return;
    this.started = true;
    const count = Math.max(1, Math.min(this.options.threads ?? availableParallelism(), 4));
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script);
      worker.unref();
      worker.on('message', (reply: ParseReply) => {
        const p = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        p?.resolve(reply.results);
      });
      worker.on('error', (e) => {
        this.options.log?.(`An index worker failed: ${e.message}`);
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      this.workers.push(worker);
    }
  }

  /** The content key of a file: the parser version, its kind, its URI and its text. */
  private key(input: ParseInput): string {
    return createHash('sha1').update(`${PARSER_VERSION}\0${input.kind}\0${input.uri}\0`).update(input.text).digest('base64');
  }

  async parse(inputs: readonly ParseInput[]): Promise<(ParsedDocument | undefined)[]> {
    const keys = inputs.map((i) => this.key(i));
    const results: (ParsedDocument | undefined)[] = keys.map((k, i) => {
      const known = this.fresh.get(k) ?? this.stored.get(k);
      // A source's text is not persisted (it is most of a source's index): it is the text just read.
      return known?.kind === 'source' && known.index.text === '' ? { kind: 'source', index: { ...known.index, text: inputs[i]!.text } } : known;
    });
    const missing: number[] = [];
    results.forEach((r, i) => {
      if (r) {
        this.fresh.set(keys[i]!, r);
        this.stats.reused++;
      } else missing.push(i);
    });
    if (missing.length === 0) return results;
    this.startWorkers();
    if (this.workers.length === 0) {
      for (const i of missing) {
        const r = parseDocument(inputs[i]!);
        results[i] = r;
        this.fresh.set(keys[i]!, r);
        this.stats.parsed++;
      }
      return results;
    }
    const chunks = this.workers.length === 1 || missing.length <= SPLIT_ABOVE ? [missing] : split(missing, this.workers.length);
    const replies = await Promise.all(chunks.map((chunk) => this.send(chunk.map((i) => inputs[i]!))));
    chunks.forEach((chunk, c) => {
      chunk.forEach((i, j) => {
        const r = replies[c]![j];
        results[i] = r;
        if (r) {
          this.fresh.set(keys[i]!, r);
          this.stats.parsed++;
        }
      });
    });
    return results;
  }

  private send(inputs: ParseInput[]): Promise<(ParsedDocument | undefined)[]> {
    const worker = this.workers[this.turn++ % this.workers.length]!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, inputs } satisfies ParseRequest);
    });
  }

  /**
   * The workspace state of this scan: every parsed file's content key, and the settings.
   * Keys are only ever added, so the count tells whether the last value still holds.
   */
  private fingerprint(): string {
    if (this.lastFingerprint?.keys !== this.fresh.size) {
      const hash = createHash('sha1').update(this.options.stateKey ?? '');
      for (const key of [...this.fresh.keys()].sort()) hash.update(key);
      this.lastFingerprint = { keys: this.fresh.size, value: hash.digest('base64') };
    }
    return this.lastFingerprint.value;
  }

  savedProblems(): Map<DocUri, Problem[]> | undefined {
    const saved = this.storedProblems;
    return saved && saved.fingerprint === this.fingerprint() ? saved.problems : undefined;
  }

  saveProblems(problems: Map<DocUri, Problem[]>): void {
    this.problemsToSave = { fingerprint: this.fingerprint(), problems };
  }

  /** Writes this run's parses (and saved problems) to the persisted index, replacing it so it never grows stale. */
  persist(): void {
    if (!this.cacheFile || this.fresh.size === 0) return;
    // Nothing new: every file was reused and no new problems were saved (or they came from the index).
    const unchanged = this.stats.parsed === 0 && this.fresh.size === this.stored.size && !this.problemsToSave && this.savedProblems() !== undefined;
    if (unchanged) return;
    try {
      mkdirSync(join(this.cacheFile, '..'), { recursive: true });
      const tmp = `${this.cacheFile}.${process.pid}.tmp`;
      const saved = this.problemsToSave ?? this.storedProblems;
      const parses = new Map<string, ParsedDocument>();
      for (const [k, p] of this.fresh) parses.set(k, p.kind === 'source' ? { kind: 'source', index: { ...p.index, text: '' } } : p);
      const data: PersistedIndex = { parses, ...(saved && saved.fingerprint === this.fingerprint() ? saved : {}) };
      writeFileSync(tmp, serialize(data));
      renameSync(tmp, this.cacheFile);
    } catch (e) {
      this.options.log?.(`Could not write the persisted index ${this.cacheFile}: ${(e as Error).message}`);
    }
  }

  /** Ends the worker threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}

/** `items` in `n` contiguous chunks of near-equal size. */
function split<T>(items: readonly T[], n: number): T[][] {
  const size = Math.ceil(items.length / n);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

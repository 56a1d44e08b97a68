/**
 * Parses a workspace scan's files on worker threads, one per core, and remembers
 * parses in a persisted index (`persistedIndex.ts`) so a restart does not read or
 * parse unchanged files again. The cache lives where the caller says (the editor's
 * workspace storage, or `--cache-dir`), never among the user's files.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  parseDocument,
  type BatchParser,
  type DocKind,
  type ParsedDocument,
  type ParseInput,
  type RememberedParse,
  type ScanState,
} from '../core/parse/document.js';
import type { Listing } from '../core/scan.js';
import type { DocUri, Fix, Problem } from '../core/types.js';
import type { FileStat } from '../core/workspace.js';
import type { ParseReply, ParseRequest } from './indexWorker.js';
import { contentKey, PersistedIndex } from './persistedIndex.js';

/** The bundled worker beside the bundle that runs this code (`dist/indexWorker.js`). */
export const WORKER_SCRIPT = fileURLToPath(new URL('./indexWorker.js', import.meta.url));

/** Below this many files a batch is parsed on one worker: messages cost more than they save. */
const SPLIT_ABOVE = 16;
/**
 * Files smaller than this are parsed in this thread: copying a parse between threads
 * costs more than the parse (on 10,000 real-shape notes the copies took longer than the
 * parses, and threads saved nothing). Larger files go to the workers, so one big file
 * never holds up the thread that answers the editor.
 */
const IN_THREAD_BELOW = 64 * 1024;

export interface ParsePoolOptions {
  /** The bundled worker script (`dist/indexWorker.js`); without it, parsing stays in this thread. */
  workerScript?: string;
  /** Files of this many characters or more are parsed on the workers, smaller ones here (default 64 K). */
  inThreadBelow?: number;
  /** Worker threads to start (default: the number of cores, at most 4). */
  threads?: number;
  /** A folder for the persisted index; without it, nothing is persisted. */
  cacheDir?: string;
  /** What else the saved problems depend on (the settings, as JSON). */
  stateKey?: string;
  /** The tool's version, part of the persisted index's key. */
  tool?: string;
  log?: (message: string) => void;
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
  /** The persisted index, when the caller gave a folder for it. */
  private readonly store: PersistedIndex | undefined;

  constructor(private readonly options: ParsePoolOptions = {}) {
    if (options.cacheDir) {
      this.store = new PersistedIndex({
        cacheDir: options.cacheDir,
        stateKey: options.stateKey ?? '',
        ...(options.tool ? { tool: options.tool } : {}),
        ...(options.log ? { log: options.log } : {}),
      });
    }
  }

  /** Counts for the log and the benchmark: files parsed in this run, and reused from the persisted index. */
  get stats(): { parsed: number; reused: number } {
    return this.store?.stats ?? this.counts;
  }
  private readonly counts = { parsed: 0, reused: 0 };

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

  get remembers(): boolean {
    return this.store?.remembersFiles ?? false;
  }

  remembered(uri: DocUri, kind: DocKind, stat: FileStat): RememberedParse | undefined {
    return this.store?.remembered(uri, kind, stat);
  }

  async parse(inputs: readonly ParseInput[]): Promise<(ParsedDocument | undefined)[]> {
    const store = this.store;
    const keys = store ? inputs.map((i) => contentKey(i.kind, i.uri, i.text)) : [];
    const results: (ParsedDocument | undefined)[] = inputs.map((input, i) =>
      store?.reuse(input.uri, input.kind, keys[i]!, input.text, input.stat),
    );
    const missing: number[] = [];
    results.forEach((r, i) => r || missing.push(i));
    if (missing.length === 0) return results;
    const done = (i: number, r: ParsedDocument) => {
      results[i] = r;
      const input = inputs[i]!;
      if (store) store.add(input.uri, input.kind, keys[i]!, input.stat, r);
      else this.counts.parsed++;
    };
    const below = this.options.inThreadBelow ?? IN_THREAD_BELOW;
    const large = missing.filter((i) => inputs[i]!.text.length >= below);
    if (large.length > 0) this.startWorkers();
    const here = this.workers.length === 0 ? missing : missing.filter((i) => inputs[i]!.text.length < below);
    for (const i of here) done(i, parseDocument(inputs[i]!));
    if (this.workers.length === 0 || large.length === 0) return results;
    const chunks = this.workers.length === 1 || large.length <= SPLIT_ABOVE ? [large] : split(large, this.workers.length);
    const replies = await Promise.all(chunks.map((chunk) => this.send(chunk.map((i) => inputs[i]!))));
    chunks.forEach((chunk, c) => {
      chunk.forEach((i, j) => {
        const r = replies[c]![j];
        if (r) done(i, r);
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

  savedProblems(skipped: ReadonlyMap<DocUri, string>, state: ScanState): Map<DocUri, Problem[]> | undefined {
    return this.store?.savedProblems(skipped, state);
  }

  savedFixes(uri: DocUri): (Fix[] | undefined)[] | undefined {
    return this.store?.savedFixes(uri);
  }

  saveProblems(problems: Map<DocUri, Problem[]>, skipped: ReadonlyMap<DocUri, string>, state: ScanState): void {
    this.store?.saveProblems(problems, skipped, state);
  }

  /** The saved result of an unchanged workspace, without reading or decoding anything (see `PersistedIndex.savedResult`). */
  savedResult(
    listing: Listing,
    conventions: string,
    related?: boolean,
  ): { problems: Map<DocUri, Problem[]>; notes: number; sources: number } | undefined {
    return this.store?.savedResult(listing, conventions, related);
  }

  /** Bytes derived from a file's content, kept in the persisted index (see `PersistedIndex.payload`). */
  payload(namespace: string, contentHash: string): Uint8Array | undefined {
    return this.store?.payload(namespace, contentHash);
  }

  /** Keeps bytes derived from a file's content in the persisted index (see `PersistedIndex.payload`). */
  setPayload(namespace: string, contentHash: string, bytes: Uint8Array): void {
    this.store?.setPayload(namespace, contentHash, bytes);
  }

  /** Writes this run's parses (and saved problems) to the persisted index, replacing it so it never grows stale. */
  persist(): void {
    this.store?.persist();
  }

  /** `persist` in short steps (see `PersistedIndex.persistSteps`). */
  *persistSteps(): Generator<void, void, void> {
    if (this.store) yield* this.store.persistSteps();
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

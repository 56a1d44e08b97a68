/**
 * Runs extraction on a worker thread, one file at a time, with a time limit per file,
 * and remembers each result by the file's content hash (extractedCache.ts). A file
 * that crashes or hangs the worker costs that file only: the worker is ended and a
 * new one started for the next file.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ExtractedDocument } from '../../core/types.js';
import type { ExtractedCache } from './extractedCache.js';
import type { ExtractFormat, ExtractReply, ExtractRequest } from './extractFile.js';
import type { LayoutStats } from './layout.js';

/** The bundled worker beside the bundle that runs this code (`dist/extractWorker.mjs`). */
export const EXTRACT_WORKER_SCRIPT = fileURLToPath(new URL('./extractWorker.mjs', import.meta.url));

/** Bumped whenever extraction's output changes, so cached extractions from an older version are never reused. */
export const EXTRACTOR_VERSION = 1;

export type Extraction = ExtractedDocument | { error: string };

export interface ExtractorOptions {
  /** The bundled worker script; without it (and without `inThread`) nothing is extracted. */
  workerScript?: string;
  /** Extracts in this thread instead (tests run from TypeScript sources). */
  inThread?: (format: ExtractFormat, bytes: Uint8Array) => Promise<{ doc: ExtractedDocument; stats?: LayoutStats }>;
  cache?: ExtractedCache;
  /** Time allowed per file before the worker is ended (default 120 s). */
  timeoutMs?: number;
  /** The worker ends after this long without work (default 30 s); the next file starts a new one. */
  idleMs?: number;
  log?: (message: string) => void;
}

interface Job {
  format: ExtractFormat;
  bytes: Uint8Array;
  resolve: (r: Extraction) => void;
}

export class Extractor {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private busy = false;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  /**
   * Counts for the log and the benchmark: files read (and the time, worker start
   * included), reused from the cache (and the time, hashing included).
   */
  readonly stats = { extracted: 0, reused: 0, failed: 0, ms: 0, reusedMs: 0 };

  constructor(private readonly options: ExtractorOptions = {}) {}

  /** The extracted form of a file's bytes, or why there is none. Never throws. */
  async extract(format: ExtractFormat, bytes: Uint8Array): Promise<Extraction> {
    const started = performance.now();
    const key = createHash('sha1').update(`${EXTRACTOR_VERSION}\0${format}\0`).update(bytes).digest('base64');
    const known = this.options.cache?.get(key);
    if (known) {
      this.stats.reused++;
      this.stats.reusedMs += performance.now() - started;
      return known;
    }
    const result = await new Promise<Extraction>((resolve) => {
      this.queue.push({ format, bytes, resolve });
      this.pump();
    });
    // A time-out may be the machine's load, not the file's fault: not remembered.
    if (!('error' in result) || !result.error.includes('longer than')) this.options.cache?.set(key, result);
    return result;
  }

  private pump(): void {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) {
      this.scheduleIdle();
      return;
    }
    this.busy = true;
    clearTimeout(this.idleTimer);
    const started = performance.now();
    void this.run(job).then((r) => {
      this.stats.ms += performance.now() - started;
      if ('error' in r) {
        this.stats.failed++;
        this.options.log?.(`Could not extract text: ${r.error}`);
      } else this.stats.extracted++;
      this.busy = false;
      job.resolve(r);
      this.pump();
    });
  }

  private async run(job: Job): Promise<Extraction> {
    if (this.options.inThread) {
      try {
        return (await this.options.inThread(job.format, job.bytes)).doc;
      } catch (e) {
        return { error: describe(job.format, (e as Error).message) };
      }
    }
    const script = this.options.workerScript;
    if (!script || !existsSync(script))
      return { error: 'PDFs and web pages cannot be read: the extraction worker is missing (run `npm run bundle`)' };
    try {
      return await this.inWorker(script, job);
    } catch (e) {
      // A worker that cannot start (no threads left, memory) costs this file only.
      this.stopWorker();
      return { error: describe(job.format, (e as Error).message) };
    }
  }

  private inWorker(script: string, job: Job): Promise<Extraction> {
    // The worker runs the bundle with no loader hooks of this process (a test runner's).
    this.worker ??= new Worker(script, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: 2048 } });
    const worker = this.worker;
    worker.unref();
    const id = this.nextId++;
    const limit = this.options.timeoutMs ?? 120_000;
    return new Promise((resolve) => {
      const done = (r: Extraction, restart: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (restart) this.stopWorker();
        resolve(r);
      };
      const onMessage = (reply: ExtractReply) => {
        if (reply.id !== id) return;
        done(reply.doc ?? { error: describe(job.format, reply.error ?? 'no result') }, false);
      };
      const onError = (e: Error) => done({ error: describe(job.format, e.message) }, true);
      const onExit = (code: number) => done({ error: describe(job.format, `the reader stopped (exit code ${code})`) }, true);
      const timer = setTimeout(() => done({ error: `reading the file took longer than ${Math.round(limit / 1000)} s` }, true), limit);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, format: job.format, bytes: job.bytes } satisfies ExtractRequest);
    });
  }

  private scheduleIdle(): void {
    clearTimeout(this.idleTimer);
    if (!this.worker) return;
    this.idleTimer = setTimeout(() => this.stopWorker(), this.options.idleMs ?? 30_000);
    this.idleTimer.unref();
  }

  private stopWorker(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
  }

  /** Ends the worker thread (a later file starts a new one). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}

/** A reader's error in words for GN007: "the PDF could not be read (Invalid PDF structure)". */
function describe(format: ExtractFormat, message: string): string {
  return (
    `the ${format === 'pdf' ? 'PDF' : format === 'mhtml' ? 'web page archive' : 'web page'} could ` +
    `not be read (${message.split('\n')[0]!.slice(0, 200)})`
  );
}

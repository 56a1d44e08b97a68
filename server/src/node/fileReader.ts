/**
 * Reads a scan's files on a thread of its own: opening, checking and reading 10,000
 * small files is a tenth of a cold check, and this way it overlaps the parsing on
 * the main thread, which only receives the texts. A reader that fails leaves the
 * files to the main thread (`NodeWorkspace.readFileSync`), which reads them alike.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocUri } from '../core/types.js';
import type { TextRead } from '../core/workspace.js';
import type { ReadReply, ReadRequest, ReaderData } from './readWorker.js';

/** The bundled reader beside the bundle that runs this code (`dist/readWorker.js`). */
export const READ_WORKER_SCRIPT = fileURLToPath(new URL('./readWorker.js', import.meta.url));

interface Pending {
  resolve: (results: (TextRead | undefined)[]) => void;
  reject: (e: Error) => void;
}

export class FileReader {
  private worker: Worker | undefined;
  private failed = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly script: string,
    private readonly folderPaths: readonly string[],
    private readonly log: (message: string) => void,
  ) {}

  /** Each file's `readFileSync` result, read on the reader's thread; rejects when the reader fails. */
  read(uris: readonly DocUri[], maxBytes: number): Promise<(TextRead | undefined)[]> {
    const worker = this.start();
    if (!worker) return Promise.reject(new Error('the file reader is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // A reader waited on keeps the process alive; an idle one does not.
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, uris: [...uris], maxBytes } satisfies ReadRequest);
    });
  }

  /** Starts the reader's thread, if it is not running (the first `read` does too). */
  start(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = new Worker(this.script, { workerData: { folderPaths: [...this.folderPaths] } satisfies ReaderData });
      worker.unref();
      worker.on('message', ({ id, results, logs }: ReadReply) => {
        for (const m of logs) this.log(m);
        const p = this.pending.get(id);
        this.pending.delete(id);
        if (this.pending.size === 0) worker.unref();
        p?.resolve(results);
      });
      const fail = (why: string) => {
        if (this.failed) return;
        this.failed = true;
        this.worker = undefined;
        this.log(`Files are read on the main thread: the file reader ${why}`);
        for (const p of this.pending.values()) p.reject(new Error(`the file reader ${why}`));
        this.pending.clear();
      };
      worker.on('error', (e) => fail(`failed (${e.message})`));
      worker.on('exit', (code) => fail(`ended (${code})`));
      this.worker = worker;
      return worker;
    } catch (e) {
      this.failed = true;
      this.log(`Files are read on the main thread: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** Ends the reader's thread; reads asked for later are made on the caller's thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.failed = true;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error('the file reader was closed'));
    this.pending.clear();
    await worker?.terminate();
  }
}

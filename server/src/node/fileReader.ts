/**
 * Reads a scan's files on a thread of its own: opening, checking and reading 10,000
 * small files is a tenth of a cold check, and this way it overlaps the parsing on
 * the main thread, which only receives the texts. A reader that fails leaves the
 * files to the main thread (`NodeWorkspace.readFileSync`), which reads them alike.
 */
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { DocUri } from '../core/types.js';
import type { TextRead } from '../core/workspace.js';
import type { FactsReply, ReadReply, ReadRequest, ReaderData } from './readWorker.js';

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
  /** The notes each request read, until their facts come (`FactsReply`). */
  private readonly notesRead = new Map<number, { uris: readonly DocUri[]; results: (TextRead | undefined)[] }>();

  /** Called with what the reader found of each note it read (`Workspace.onNoteFacts`). */
  onNoteFacts: ((uri: DocUri, text: string, mayHoldDateProblems: boolean) => void) | undefined;
  /** Where the reader sends `FactsReply`s. */
  private facts: MessagePort | undefined;

  constructor(
    private readonly script: string,
    private readonly folderPaths: readonly string[],
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Each file's `readFileSync` result, read on the reader's thread; rejects when the reader
   * fails. Of the files `notes` marks, `onNoteFacts` hears later.
   */
  read(uris: readonly DocUri[], maxBytes: number, notes: readonly boolean[] = []): Promise<(TextRead | undefined)[]> {
    const worker = this.start();
    if (!worker) return Promise.reject(new Error('the file reader is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: (results) => {
          if (notes.some((n) => n)) this.notesRead.set(id, { uris, results });
          resolve(results);
        },
        reject,
      });
      // A reader waited on keeps the process alive; an idle one does not.
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, uris: [...uris], maxBytes, notes: [...notes] } satisfies ReadRequest);
    });
  }

  /** Starts the reader's thread, if it is not running (the first `read` does too). */
  start(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    try {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(this.script, {
        workerData: { folderPaths: [...this.folderPaths], facts: port2 } satisfies ReaderData,
        transferList: [port2],
      });
      worker.unref();
      port1.on('message', (reply: FactsReply) => this.tookFacts(reply));
      port1.unref();
      this.facts = port1;
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
        this.notesRead.clear();
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

  /** Hands `onNoteFacts` every fact the reader has sent so far, now (not at the next turn of the event loop). */
  takeNoteFacts(): void {
    if (!this.facts || this.notesRead.size === 0) return;
    for (let m = receiveMessageOnPort(this.facts); m; m = receiveMessageOnPort(this.facts)) this.tookFacts(m.message as FactsReply);
  }

  private tookFacts({ id, facts }: FactsReply): void {
    const read = this.notesRead.get(id);
    this.notesRead.delete(id);
    if (!read) return;
    facts.forEach((fact, i) => {
      const text = read.results[i]?.text;
      if (fact !== undefined && text !== undefined) this.onNoteFacts?.(read.uris[i]!, text, fact);
    });
  }

  /** Ends the reader's thread; reads asked for later are made on the caller's thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.failed = true;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error('the file reader was closed'));
    this.pending.clear();
    this.notesRead.clear();
    this.facts?.close();
    this.facts = undefined;
    await worker?.terminate();
  }
}

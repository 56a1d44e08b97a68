/**
 * Analyses the dates of a workspace's notes on a second thread while this one reads and
 * checks them. A note that cites no source (every note of a vault without sources) is
 * analysed from its text and index alone (`analyzeNoteDates`); in a vault of thousands
 * of notes that was a fifth of this thread's check. The analyses come back over a port
 * this thread reads without waiting (`receiveMessageOnPort`): a note whose analysis has
 * not come yet, or came from another text, is analysed here, with the same result.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { DateAnalysis, NoteDateFacts, NoteDatesElsewhere } from '../core/api.js';
import type { DocUri, Span } from '../core/types.js';
import type { DateJob, DateReply, DateRequest, SentAnalysis } from './dateWorker.js';
import { flatSpans, spansOf } from './flatSpans.js';

export const DATE_WORKER_SCRIPT = fileURLToPath(new URL('./dateWorker.js', import.meta.url));

/**
 * The first notes of a scan are analysed here: a thread started for a small workspace
 * costs more than it saves. From this many notes on, the rest go to the worker.
 */
const START_AFTER = 500;
/** Notes sent to the worker in one message. */
const BATCH = 64;

export interface DatesAlongsideOptions {
  /** The bundled worker script (`dist/dateWorker.js`). */
  workerScript: string;
  /** Notes analysed here before the worker starts (default 500). */
  startAfter?: number;
  /** Notes per message to the worker (default 64). */
  batch?: number;
  log?: (message: string) => void;
}

export class DatesAlongside implements NoteDatesElsewhere {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private failed = false;
  private closed = false;
  private added = 0;
  private batch: DateJob[] = [];
  private nextId = 0;
  /** The note and text each job was sent with, until its analysis comes. */
  private readonly sent = new Map<number, { uri: DocUri; text: string }>();
  private readonly ready = new Map<DocUri, { text: string; analysis: DateAnalysis }>();

  constructor(private readonly options: DatesAlongsideOptions) {}

  add(uri: DocUri, text: string, note: NoteDateFacts): void {
    if (this.failed || this.closed || ++this.added <= (this.options.startAfter ?? START_AFTER)) return;
    if (!this.worker && !this.start()) return;
    const id = this.nextId++;
    this.batch.push({
      id,
      text,
      ...(note.date ? { date: note.date } : {}),
      prose: flatSpans(note.prose),
      citations: flatSpans(note.citations),
    });
    this.sent.set(id, { uri, text });
    if (this.batch.length >= (this.options.batch ?? BATCH)) this.flush();
  }

  take(uri: DocUri, text: string): DateAnalysis | undefined {
    if (this.sent.size > 0) this.receive();
    const r = this.ready.get(uri);
    if (!r) return undefined;
    this.ready.delete(uri);
    return r.text === text ? r.analysis : undefined;
  }

  /** How many notes sent to the worker have no analysis back yet (takes what has come). */
  get unanswered(): number {
    this.receive();
    return this.sent.size;
  }

  /** Ends the worker; notes added later are analysed where they are checked. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.port?.close();
    this.sent.clear();
    this.ready.clear();
    await worker?.terminate();
  }

  private start(): boolean {
    if (!existsSync(this.options.workerScript)) {
      this.failed = true;
      return false;
    }
    try {
      const worker = new Worker(this.options.workerScript);
      worker.unref();
      worker.on('error', (e) => this.fail(e.message));
      worker.on('exit', (code) => this.worker === worker && this.fail(`it ended (${code})`));
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ port: port2 } satisfies DateRequest, [port2]);
      this.worker = worker;
      this.port = port1;
      return true;
    } catch (e) {
      this.fail((e as Error).message);
      return false;
    }
  }

  private fail(why: string): void {
    if (this.failed) return;
    this.failed = true;
    this.options.log?.(`Dates are analysed on the main thread: the date worker failed: ${why}`);
  }

  private flush(): void {
    if (this.batch.length === 0 || !this.port || this.failed) return;
    this.port.postMessage({ jobs: this.batch } satisfies DateRequest);
    this.batch = [];
  }

  /** Takes every reply that has come, without waiting. */
  private receive(): void {
    if (!this.port) return;
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const reply = m.message as DateReply;
      reply.ids.forEach((id, i) => {
        const job = this.sent.get(id);
        const analysis = reply.analyses[i];
        this.sent.delete(id);
        // A later analysis of the same note replaces an earlier one.
        if (job && analysis) this.ready.set(job.uri, { text: job.text, analysis: received(analysis) });
      });
    }
  }
}

/** An analysis as the worker sent it, its sentences made spans when first asked (few checks ask). */
function received(sent: SentAnalysis): DateAnalysis {
  const flatSentences = sent.sentences;
  let sentences: Span[] | undefined;
  return Object.defineProperty({ ...sent } as unknown as DateAnalysis, 'sentences', {
    get: () => (sentences ??= spansOf(flatSentences)),
    enumerable: true,
  });
}

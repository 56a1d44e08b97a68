/**
 * A worker thread that reads files for a workspace scan (see fileReader.ts), with the
 * same checks as `NodeWorkspace.readFileSync` (it calls it): inside the workspace
 * folders only, no FIFOs, no binary files, UTF-8 only. Whenever nothing waits to be
 * read, it answers whether the notes it read may hold date problems: on a vault of 10,000
 * notes that question took a tenth of the checking thread's time, and it needs a note's
 * text only.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { noteTextMayHoldDateProblems } from '../core/dates/index.js';
import type { TextRead } from '../core/workspace.js';
import { NodeWorkspace } from './nodeWorkspace.js';

export interface ReadRequest {
  id: number;
  uris: string[];
  maxBytes: number;
  /** Which of `uris` are notes (see `FactsReply`). */
  notes: boolean[];
}

export interface ReadReply {
  id: number;
  /** What `readFileSync` gave for each URI, in order. */
  results: (TextRead | undefined)[];
  /** What it logged meanwhile (files outside the workspace, files that could not be read). */
  logs: string[];
}

/**
 * After a `ReadReply` with notes, once nothing waits to be read: `noteTextMayHoldDateProblems`
 * of each note read, by position (none once the answers stopped).
 */
export interface FactsReply {
  id: number;
  facts: (boolean | undefined)[];
}

export interface ReaderData {
  /** The workspace folders' paths, as the main thread's `NodeWorkspace` has them. */
  folderPaths: string[];
  /** Where `FactsReply`s go: a port the main thread can also read at once, between checks. */
  facts: MessagePort;
}

const logs: string[] = [];
const { folderPaths, facts: factsPort } = workerData as ReaderData;
const workspace = new NodeWorkspace(folderPaths, (m) => logs.push(m));

/** The texts of the notes of each read request whose facts are not sent yet, oldest first. */
const waiting: { id: number; texts: (string | undefined)[] }[] = [];
let scheduled = false;

/**
 * Notes answered, and of them those that may hold date problems. Only a "no" saves the
 * checking thread work (a "yes" is analysed there all the same): where most notes may
 * hold some (a folder of dated notes), the answers cost more than they save, and stop.
 */
const answers = { notes: 0, yes: 0 };
const WORTH_AFTER = 64;
const worthAnswering = () => answers.notes < WORTH_AFTER || answers.yes * 2 <= answers.notes;

function read({ id, uris, maxBytes, notes }: ReadRequest): void {
  const results = uris.map((uri) => workspace.readFileSync(uri, maxBytes));
  parentPort!.postMessage({ id, results, logs: logs.splice(0) } satisfies ReadReply);
  const texts = results.map((r, i) => (notes[i] ? r?.text : undefined));
  if (!texts.some((t) => t !== undefined)) return;
  if (worthAnswering()) waiting.push({ id, texts });
  else none(id);
  schedule();
}

/** An empty answer: the main thread stops waiting for that request's facts. */
function none(id: number): void {
  factsPort.postMessage({ id, facts: [] } satisfies FactsReply);
}

function schedule(): void {
  if (scheduled || waiting.length === 0) return;
  scheduled = true;
  setImmediate(answerFacts);
}

/** One request's facts, after every read asked for meanwhile: the scan waits for reads, never for facts. */
function answerFacts(): void {
  scheduled = false;
  for (let m = receiveMessageOnPort(parentPort!); m; m = receiveMessageOnPort(parentPort!)) read(m.message as ReadRequest);
  const job = waiting.shift();
  if (job) {
    const facts = job.texts.map((t) => (t === undefined ? undefined : noteTextMayHoldDateProblems(t)));
    for (const f of facts) {
      if (f === undefined) continue;
      answers.notes++;
      if (f) answers.yes++;
    }
    factsPort.postMessage({ id: job.id, facts } satisfies FactsReply);
  }
  if (!worthAnswering()) for (const dropped of waiting.splice(0)) none(dropped.id);
  schedule();
}

parentPort?.on('message', read);

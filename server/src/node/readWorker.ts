/**
 * A worker thread that reads files for a workspace scan (see fileReader.ts), with the
 * same checks as `NodeWorkspace.readFileSync` (it calls it): inside the workspace
 * folders only, no FIFOs, no binary files, UTF-8 only. For a note it also finds what
 * its text says of dates (`textDates`), which the check would otherwise search for.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { textDates } from '../core/dates/analyze.js';
import type { TextRead } from '../core/workspace.js';
import { NodeWorkspace } from './nodeWorkspace.js';

export interface ReadRequest {
  id: number;
  uris: string[];
  maxBytes: number;
  /** For each URI: also find the dates of its text (`textDates`: a note's). */
  dated: boolean[];
}

export interface ReadReply {
  id: number;
  /** What `readFileSync` gave for each URI, in order. */
  results: (TextRead | undefined)[];
  /** What it logged meanwhile (files outside the workspace, files that could not be read). */
  logs: string[];
}

/** The workspace folders' paths, as the main thread's `NodeWorkspace` has them. */
export interface ReaderData {
  folderPaths: string[];
}

const logs: string[] = [];
const workspace = new NodeWorkspace((workerData as ReaderData).folderPaths, (m) => logs.push(m));

parentPort?.on('message', ({ id, uris, maxBytes, dated }: ReadRequest) => {
  const results = uris.map((uri, i) => {
    const read = workspace.readFileSync(uri, maxBytes);
    if (read?.text === undefined || !dated[i]) return read;
    try {
      return { ...read, dates: textDates(read.text) };
    } catch {
      // The main thread finds them, and reports what went wrong.
      return read;
    }
  });
  parentPort!.postMessage({ id, results, logs: logs.splice(0) } satisfies ReadReply);
});

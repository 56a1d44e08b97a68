/**
 * A worker thread that reads files for a workspace scan (see fileReader.ts), with the
 * same checks as `NodeWorkspace.readFileSync` (it calls it): inside the workspace
 * folders only, no FIFOs, no binary files, UTF-8 only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TextRead } from '../core/workspace.js';
import { NodeWorkspace } from './nodeWorkspace.js';

export interface ReadRequest {
  id: number;
  uris: string[];
  maxBytes: number;
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

parentPort?.on('message', ({ id, uris, maxBytes }: ReadRequest) => {
  const results = uris.map((uri) => workspace.readFileSync(uri, maxBytes));
  parentPort!.postMessage({ id, results, logs: logs.splice(0) } satisfies ReadReply);
});

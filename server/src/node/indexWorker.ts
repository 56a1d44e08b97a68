/** A worker thread that parses files for the index (see parsePool.ts). */
import { parentPort } from 'node:worker_threads';
import { parseDocument, type ParsedDocument, type ParseInput } from '../core/parse/document.js';

export interface ParseRequest {
  id: number;
  inputs: ParseInput[];
}

export interface ParseReply {
  id: number;
  results: (ParsedDocument | undefined)[];
}

parentPort?.on('message', (request: ParseRequest) => {
  const results = request.inputs.map((input) => {
    try {
      return parseDocument(input);
    } catch {
      // The main thread parses it again and reports what went wrong.
      return undefined;
    }
  });
  parentPort!.postMessage({ id: request.id, results } satisfies ParseReply);
});

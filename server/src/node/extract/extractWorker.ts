/**
 * The extraction worker thread (bundled as `dist/extractWorker.mjs`): reads PDFs with
 * pdf.js and web pages with Readability, one file per message, so the language
 * server's thread stays free to answer while a 500-page report is read. A file that
 * makes pdf.js throw is answered with the error; the server reports it as GN007.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile, type ExtractReply, type ExtractRequest } from './extractFile.js';

parentPort?.on('message', async (request: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { id: request.id, ...(await extractFile(request.format, request.bytes)) };
  } catch (e) {
    reply = { id: request.id, error: (e as Error)?.message ?? String(e) };
  }
  parentPort!.postMessage(reply);
});

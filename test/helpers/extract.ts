/**
 * Extraction for tests: the bundled extraction worker (`dist/extractWorker.mjs`, built
 * by `npm install` / `npm run bundle`), exactly as the server and CLI run it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractedDocument } from '../../server/src/core/types.js';
import { Extractor, type Extraction } from '../../server/src/node/extract/extractor.js';

export const REPO = join(import.meta.dirname, '../..');
export const EXTRACT_WORKER = join(REPO, 'dist/extractWorker.mjs');

/** An extractor on the bundled worker; fails clearly when the bundle is missing. */
export function testExtractor(options: { timeoutMs?: number } = {}): Extractor {
  if (!existsSync(EXTRACT_WORKER)) throw new Error(`${EXTRACT_WORKER} is missing: run \`npm run bundle\` first`);
  return new Extractor({ workerScript: EXTRACT_WORKER, ...options });
}

/** The extracted document, failing the test with the extractor's error if there is one. */
export function ok(r: Extraction): ExtractedDocument {
  if ('error' in r) throw new Error(`extraction failed: ${r.error}`);
  return r;
}

/** The text of page `n` (1-based) of an extracted PDF. */
export function pageText(doc: ExtractedDocument, n: number): string {
  const p = doc.pages![n - 1]!;
  return doc.text.slice(p.start, p.end);
}

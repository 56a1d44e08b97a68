/**
 * Checks a workspace with a second thread finding did-you-mean names. In a vault with
 * thousands of links to pages that do not exist, finding the nearest names of each is a
 * large part of a check. The worker answers the lookups in the order the checks make
 * them, and this thread checks each slice of documents once the worker has answered its
 * lookups, so it never finds a name itself (nor builds the tables to find them). The
 * answers are the same either way (the worker runs the same `NameIndex`); only the time
 * changes. A worker that fails leaves its lookups to this thread.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { NotesService, SuggestionLookups } from '../core/api.js';
import type { SuggestBatch, SuggestRequest } from './suggestWorker.js';

export const SUGGEST_WORKER_SCRIPT = fileURLToPath(new URL('./suggestWorker.js', import.meta.url));

/** Fewer lookups than this are found on this thread: starting another costs about as much. */
export const MIN_LOOKUPS = 2000;
/** Documents whose links are resolved between two hand-overs of lookups to a worker started early. */
const RESOLVED_PER_STEP = 256;
/** Documents checked between two looks at the worker's answers. */
const SLICE = 32;

/**
 * From this many documents the worker is started before the links are resolved, so that
 * it has built its tables by the time the lookups are known; in a smaller workspace it
 * is started only once they are known to be enough (a thread started for nothing cost
 * a workspace of 1,000 notes a twentieth of its check).
 */
const EARLY_FROM = 5000;

/** Runs every pending check of `service`, with a worker finding did-you-mean names when there are enough of them. */
export async function checkAlongside(service: NotesService, options: { workerScript?: string; log?: (m: string) => void }): Promise<void> {
  // Fewer documents than lookups needed: no thread for a small workspace.
  if (!options.workerScript || service.pendingChecks < MIN_LOOKUPS / 20) return;
  let failed: string | undefined;
  let answered = 0;
  let wake: (() => void) | undefined;
  const stop = (why: string) => {
    failed ??= why;
    wake?.();
  };
  const start = (): Worker | undefined => {
    try {
      const worker = new Worker(options.workerScript!);
      worker.on('error', (e) => stop(e.message));
      worker.on('exit', (code) => stop(`the worker ended (${code})`));
      // The names first: the worker builds its tables while this thread goes on.
      worker.postMessage({ names: names.names } satisfies SuggestRequest);
      return worker;
    } catch (e) {
      options.log?.(`Did-you-mean names are found on the main thread: ${(e as Error).message}`);
      return undefined;
    }
  };
  const names = service.lookupNames();
  let worker = service.pendingChecks >= EARLY_FROM ? start() : undefined;
  try {
    // A worker started early is handed the lookups as the links are resolved, and answers
    // them meanwhile; otherwise they are all found first, to see whether they are enough.
    const steps = service.unmadeLookupsInSteps(worker ? RESOLVED_PER_STEP : Infinity);
    let posted = 0;
    let lookups: SuggestionLookups;
    for (;;) {
      const step = steps.next();
      lookups = step.value;
      if (worker && lookups.generation === names.generation && lookups.asks.length > posted) {
        worker.postMessage({ asks: lookups.asks.slice(posted) } satisfies SuggestRequest);
        posted = lookups.asks.length;
      }
      if (step.done) break;
    }
    if (lookups.generation !== names.generation || (posted === 0 && lookups.asks.length < MIN_LOOKUPS)) return;
    worker ??= start();
    if (!worker) return;
    worker.on('message', (batch: SuggestBatch) => {
      service.answerLookups(lookups, batch.from, batch.found);
      answered = batch.from + batch.found.length;
      wake?.();
    });
    if (lookups.asks.length > posted) worker.postMessage({ asks: lookups.asks.slice(posted) } satisfies SuggestRequest);
    worker.postMessage({ end: true } satisfies SuggestRequest);
    for (let done = 0; service.pendingChecks > 0; done += SLICE) {
      const needed = lookups.upTo[Math.min(done + SLICE, lookups.upTo.length) - 1] ?? 0;
      while (answered < needed && failed === undefined) await new Promise<void>((resolve) => (wake = resolve));
      service.takeChangedProblems(SLICE);
    }
    if (answered < lookups.asks.length && failed !== undefined)
      options.log?.(`Did-you-mean names were found on the main thread: ${failed}`);
  } finally {
    await worker?.terminate();
  }
}

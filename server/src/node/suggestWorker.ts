/**
 * A worker thread that finds did-you-mean names (see suggestAlongside.ts). It is sent
 * the names of each kind first, and builds their tables while the main thread resolves
 * the links; then the lookups, in the order the main thread will need them, which it
 * answers in that order, in batches.
 */
import { parentPort } from 'node:worker_threads';
import { NameIndex } from '../core/suggest.js';
import type { LookupNames, SuggestionLookups } from '../core/api.js';

export type SuggestRequest = { names: LookupNames['names'] } | { asks: SuggestionLookups['asks'] };

export interface SuggestBatch {
  /** The index in `asks` of the first answer. */
  from: number;
  found: string[][];
}

/** The first batch is small, so that the main thread starts checking soon; later ones are larger (fewer messages). */
const FIRST_BATCH = 16;
const BATCH = 256;
/** A kind with fewer names is looked up by scanning them; with more, its tables are built before the lookups come. */
const TABLES_FROM = 1000;
/** Lookups made per kind before the main thread's come. */
const WARM_UP = 64;

const indexes = new Map<string, NameIndex>();

parentPort?.on('message', (request: SuggestRequest) => {
  if ('names' in request) {
    // In the order `lookupNames` gives the kinds: notes first, the kind a vault's missing pages are.
    for (const [kind, names = []] of Object.entries(request.names)) {
      const index = new NameIndex(names, names.length >= TABLES_FROM ? 'now' : 'lazy');
      indexes.set(kind, index);
      // A few lookups of names written wrong, answered and thrown away: what every lookup builds on
      // first use is built, and compiled, before the main thread waits for the first answers.
      for (let i = 0; i < WARM_UP && i < names.length; i++) index.closest(names[Math.floor((i * names.length) / WARM_UP)] + 'q');
    }
    return;
  }
  let from = 0;
  let found: string[][] = [];
  request.asks.forEach((ask, i) => {
    found.push(indexes.get(ask.kind)?.closest(ask.lookup) ?? []);
    if (found.length === (from === 0 ? FIRST_BATCH : BATCH) || i === request.asks.length - 1) {
      parentPort!.postMessage({ from, found } satisfies SuggestBatch);
      from = i + 1;
      found = [];
    }
  });
  parentPort!.close();
});

/**
 * A worker thread that finds did-you-mean names (see suggestAlongside.ts): given the
 * names of each kind and the lookups in the order the main thread will need them, it
 * answers them in that order, in batches.
 */
import { parentPort } from 'node:worker_threads';
import { NameIndex } from '../core/suggest.js';
import type { SuggestionLookups } from '../core/api.js';

export type SuggestRequest = Pick<SuggestionLookups, 'names' | 'asks'>;

export interface SuggestBatch {
  /** The index in `asks` of the first answer. */
  from: number;
  found: string[][];
}

/** The first batch is small, so that the main thread starts checking soon; later ones are larger (fewer messages). */
const FIRST_BATCH = 16;
const BATCH = 256;

parentPort?.once('message', ({ names, asks }: SuggestRequest) => {
  const indexes = new Map<string, NameIndex>();
  let from = 0;
  let found: string[][] = [];
  asks.forEach((ask, i) => {
    let index = indexes.get(ask.kind);
    if (!index) indexes.set(ask.kind, (index = new NameIndex(names[ask.kind] ?? [])));
    found.push(index.closest(ask.lookup));
    if (found.length === (from === 0 ? FIRST_BATCH : BATCH) || i === asks.length - 1) {
      parentPort!.postMessage({ from, found } satisfies SuggestBatch);
      from = i + 1;
      found = [];
    }
  });
});

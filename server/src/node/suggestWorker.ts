/**
 * A worker thread that finds did-you-mean names (see suggestAlongside.ts). It is sent
 * the names of each kind first, and builds their tables in steps while the main thread
 * resolves the links; then the lookups, in the order the main thread will need them,
 * in one or more messages as the links are resolved, which it answers in that order,
 * in batches; then the end.
 */
import { parentPort } from 'node:worker_threads';
import { NameIndex } from '../core/suggest.js';
import type { LookupNames, SuggestionLookups } from '../core/api.js';

export type SuggestRequest = { names: LookupNames['names'] } | { asks: SuggestionLookups['asks'] } | { end: true };

export interface SuggestBatch {
  /** The index in all the lookups sent of the first answer. */
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
/** Building tables before the lookups come stops this often (ms) to see whether they came. */
const STEP_MS = 10;

const indexes = new Map<string, NameIndex>();
/** Tables still to build before the lookups come, kind after kind; dropped once they come. */
let building: Iterator<void>[] = [];
/** Lookups answered so far. */
let answered = 0;

/** Builds a kind's tables, then makes a few lookups of names written wrong (answered and thrown away): what every lookup builds on first use is built, and compiled, before the main thread waits. */
function* ready(index: NameIndex, names: readonly string[]): Generator<void> {
  yield* index.prepare();
  for (let i = 0; i < WARM_UP && i < names.length; i++) {
    index.closest(names[Math.floor((i * names.length) / WARM_UP)] + 'q');
    yield;
  }
}

/** Runs building steps for `STEP_MS`, then lets messages in. */
function build(): void {
  const until = performance.now() + STEP_MS;
  while (building.length > 0 && performance.now() < until) if (building[0]!.next().done) building.shift();
  if (building.length > 0) setImmediate(build);
}

parentPort?.on('message', (request: SuggestRequest) => {
  if ('names' in request) {
    // In the order `lookupNames` gives the kinds: notes first, the kind a vault's missing pages are.
    for (const [kind, names = []] of Object.entries(request.names)) {
      const index = new NameIndex(names);
      indexes.set(kind, index);
      if (names.length >= TABLES_FROM) building.push(ready(index, names));
    }
    build();
    return;
  }
  if ('end' in request) {
    parentPort!.close();
    return;
  }
  // The lookups came: tables not built yet are built when a lookup needs them (the answers are the same).
  building = [];
  let from = answered;
  let found: string[][] = [];
  request.asks.forEach((ask, i) => {
    found.push(indexes.get(ask.kind)?.closest(ask.lookup) ?? []);
    answered++;
    if (found.length === (from === 0 ? FIRST_BATCH : BATCH) || i === request.asks.length - 1) {
      parentPort!.postMessage({ from, found } satisfies SuggestBatch);
      from = answered;
      found = [];
    }
  });
});

/**
 * "Did you mean" from the index equals the plain edit-distance scan: for random
 * names (short ids, note names of a few words, long vault-relative paths, near
 * copies of each other), every query gets exactly the names a full comparison with
 * every name ranks first — the true nearest within the bound, ties in the same order.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { maxEdits, NameIndex } from '../../server/src/core/suggest.js';
import { PROPERTY_SEED } from './seed.js';

/** Optimal string alignment distance, the textbook full table (no band, no bound). */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const fold = (s: string) => s.toLowerCase().replace(/[-_]/g, ' ');
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The definition, applied to every name: compared lower-cased with `-` and `_` as
 * spaces, within the bound by distance, or a prefix either way at the bound (both of
 * three characters or more); ties
 * by folded then lower-cased name.
 */
function scan(names: readonly string[], query: string, limit: number): string[] {
  const q = fold(query);
  const self = query.toLowerCase();
  const max = maxEdits(q.length);
  const first = new Map<string, string>();
  for (const n of names) if (n !== '' && !first.has(n.toLowerCase())) first.set(n.toLowerCase(), n);
  const scored: [string, number][] = [];
  for (const lower of first.keys()) {
    if (lower === self) continue;
    const key = fold(lower);
    const d = osa(q, key);
    if (d <= max) scored.push([lower, d]);
    else if (q.length >= 3 && (key.startsWith(q) || (key.length >= 3 && q.startsWith(key)))) scored.push([lower, max]);
  }
  scored.sort((x, y) => x[1] - y[1] || byCodeUnits(fold(x[0]), fold(y[0])) || byCodeUnits(x[0], y[0]));
  return scored.slice(0, limit).map(([lower]) => first.get(lower)!);
}

const letter = fc.constantFrom('a', 'b', 'c', 'e', 'r', ' ', '-', '_', '/', 'A', 'É', 'İ', 'ß');
const word = fc.constantFrom(
  'harbour',
  'harbor',
  'quiet',
  'garden',
  'gardens',
  'people',
  'someone',
  'kirby',
  'briefing',
  'a',
  'ab',
  '01 - community',
  '002',
);
const shortName = fc.string({ unit: letter, maxLength: 8 });
const wordsName = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const pathName = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.string({ unit: letter, maxLength: 6 }))
  .map(([dirs, leaf]) => [...dirs, leaf].join('/'));
const longName = fc.string({ unit: letter, minLength: 12, maxLength: 40 });
const name = fc.oneof(shortName, wordsName, pathName, longName);

/** `s` with up to three random edits (insert, delete, substitute, swap), to make near neighbours. */
function edited(s: string, edits: { kind: number; at: number; ch: string }[]): string {
  let out = s;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.kind === 0) out = out.slice(0, at) + e.ch + out.slice(at);
    else if (e.kind === 1) out = out.slice(0, at) + out.slice(at + 1);
    else if (e.kind === 2) out = out.slice(0, at) + e.ch + out.slice(at + 1);
    else out = out.slice(0, at) + out.slice(at + 1, at + 2) + out.slice(at, at + 1) + out.slice(at + 2);
  }
  return out;
}
const edit = fc.record({ kind: fc.integer({ min: 0, max: 3 }), at: fc.nat(60), ch: letter });

const workspace = fc.array(name, { minLength: 1, maxLength: 60 }).chain((names) =>
  fc.record({
    names: fc.constant(names),
    queries: fc.array(
      fc.oneof(
        name,
        fc.tuple(fc.constantFrom(...names), fc.array(edit, { maxLength: 3 })).map(([n, e]) => edited(n, e)),
      ),
      { minLength: 1, maxLength: 12 },
    ),
    limit: fc.integer({ min: 1, max: 5 }),
  }),
);

describe('property: did-you-mean from the index equals the plain edit-distance scan', function () {
  this.timeout(120000);

  for (const tables of ['now', 'lazy', 'never'] as const) {
    it(`with tables ${tables === 'now' ? 'built at once' : tables === 'lazy' ? 'built when they pay' : 'never built'}`, () => {
      fc.assert(
        fc.property(workspace, ({ names, queries, limit }) => {
          const index = new NameIndex(names, tables);
          for (const q of queries)
            assert.deepEqual(index.closest(q, limit), scan(names, q, limit), `query ${JSON.stringify(q)} over ${JSON.stringify(names)}`);
        }),
        { seed: PROPERTY_SEED, numRuns: 400 },
      );
    });
  }

  it("with tables built a step at a time before the first query (what a server does before an open note's check)", () => {
    fc.assert(
      fc.property(workspace, ({ names, queries, limit }) => {
        const index = new NameIndex(names);
        for (const _ of index.prepare());
        for (const q of queries)
          assert.deepEqual(index.closest(q, limit), scan(names, q, limit), `query ${JSON.stringify(q)} over ${JSON.stringify(names)}`);
      }),
      { seed: PROPERTY_SEED, numRuns: 400 },
    );
  });

  it('on a larger vault of note names where the tables are built and most queries miss', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(wordsName, pathName), { minLength: 200, maxLength: 400 }),
        fc.array(fc.oneof(wordsName, pathName, longName), { minLength: 50, maxLength: 80 }),
        (names, queries) => {
          const index = new NameIndex(names);
          for (const q of queries) assert.deepEqual(index.closest(q), scan(names, q, 3), `query ${JSON.stringify(q)}`);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 8 },
    );
  });
});

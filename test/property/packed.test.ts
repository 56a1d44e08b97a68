/**
 * The persisted index's compact form (`node/packed.ts`) gives back exactly what it
 * was given, through V8's serializer, for any JSON-like data: tables of objects with
 * optional keys, integer and repeated-string columns, nested lists.
 */
import { strict as assert } from 'node:assert';
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { pack, unpack } from '../../server/src/node/packed.js';
import { PROPERTY_SEED } from './seed.js';

/** JSON-like values without `undefined` (which comes back absent) and without `__proto__` keys. */
const plain = fc.jsonValue().filter((v) => !JSON.stringify(v).includes('"__proto__"'));
const span = fc.record({ start: fc.nat(1000), end: fc.nat(1000) });
const citation = fc.record(
  {
    raw: fc.string(),
    target: fc.constantFrom('002', 'a note', 'zzz'),
    targetSpan: span,
    anchor: fc.string(),
    paragraph: span,
    similarity: fc.double({ noNaN: true }),
    tags: fc.array(fc.constantFrom('x', 'y')),
  },
  { requiredKeys: ['raw', 'target', 'targetSpan'] },
);
const shaped = fc.array(
  fc.record({
    uri: fc.constantFrom('file:///a.md', 'file:///b.md'),
    citations: fc.array(citation, { maxLength: 6 }),
    lists: fc.array(fc.array(citation, { maxLength: 3 }), { maxLength: 4 }),
  }),
  { maxLength: 5 },
);

describe('property: the persisted index packs data and gives it back unchanged', () => {
  it('for any JSON value and for index-shaped data', () => {
    fc.assert(
      fc.property(fc.oneof(plain, shaped), (generated) => {
        // Ordinary objects, as the index holds (the generators make some without a prototype).
        const value: unknown = JSON.parse(JSON.stringify(generated));
        assert.deepStrictEqual(unpack(deserialize(serialize(pack(value)))), value);
      }),
      { seed: PROPERTY_SEED, numRuns: 500 },
    );
  });
});

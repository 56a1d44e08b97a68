/**
 * The bounded YAML reading (`parse/yaml.ts`) on random YAML, well formed or broken:
 * it refuses exactly the texts whose syntax tree nests collections deeper than the
 * limit (the composer recurses once per level), what it lets through composes to a
 * tree at most about twice the limit deep (a pair in a flow sequence is a map of its own),
 * and it reads that exactly as `yaml`'s own `parseDocument` does.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isMap, isPair, isSeq, parseDocument, Parser, type CST, type Document } from 'yaml';
import { parseYamlBounded } from '../../server/src/core/parse/yaml.js';
import { PROPERTY_SEED } from './seed.js';

/** The deepest nesting of collections in a composed document (a pair in a sequence is a map). */
function composedDepth(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    if (isMap(n) || isSeq(n)) {
      max = Math.max(max, d + 1);
      for (const item of n.items as unknown[]) stack.push([item, d + 1]);
    } else if (isPair(n)) {
      stack.push([n.key, d + 1], [n.value, d + 1]);
    }
  }
  return max;
}

/** The deepest nesting of collections in the parser's syntax tree, walked without recursion. */
function cstDepth(text: string): number {
  let max = 0;
  const stack: [CST.Token | null | undefined, number][] = [];
  for (const token of new Parser().parse(text)) if (token.type === 'document') stack.push([token.value, 0]);
  while (stack.length > 0) {
    const [t, d] = stack.pop()!;
    if (!t) continue;
    if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      max = Math.max(max, d + 1);
      for (const item of t.items) {
        const it = item as { key?: CST.Token | null; value?: CST.Token };
        stack.push([it.key, d + 1], [it.value, d + 1]);
      }
    } else if (t.type === 'block-scalar') {
      for (const p of t.props) stack.push([p, d]);
    }
  }
  return max;
}

const scalar = fc.constantFrom(
  'x',
  "it's [a",
  'a]b',
  'b}',
  '"q [[ ]] \\" {"',
  "'s [ '' ]'",
  'a: b',
  '- c',
  '? d',
  '#',
  'é',
  '"multi\n  line ["',
  '&a x',
  '*a',
  '!t y',
  '',
);
const indent = fc.integer({ min: 1, max: 4 }).map((n) => ' '.repeat(n));

/** A flow node: scalars, sequences, maps and one-pair maps, possibly over several lines. */
const flow = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    fc.array(fc.tuple(scalar, tie('node')), { maxLength: 3 }).map((xs) => `{${xs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => `[${a}: ${b}]`),
    tie('node').map((x) => `[\n${x},\n]`),
  ),
})).node;

/** Block YAML at column `col`, nested up to `depth` more levels: maps, sequences (compact or not), explicit keys. */
function block(col: number, depth: number): fc.Arbitrary<string> {
  const pad = ' '.repeat(col);
  const leaf = fc.oneof(scalar, flow);
  if (depth <= 0) return leaf.map((v) => `${pad}k: ${v}\n`);
  const child = indent.chain((ind) => block(col + ind.length, depth - 1));
  const entry = fc.oneof(
    leaf.map((v) => `${pad}k: ${v}\n`),
    leaf.map((v) => `${pad}- ${v}\n`),
    leaf.map((v) => `${pad}- - ${v}\n`),
    leaf.map((v) => `${pad}- k: ${v}\n`),
    leaf.map((v) => `${pad}? ${v}\n${pad}: ${v}\n`),
    child.map((c) => `${pad}k:\n${c}`),
    child.map((c) => `${pad}-\n${c}`),
    block(col, depth - 1).map((c) => `${pad}k:\n${c}`),
    block(col + 2, depth - 1).map((c) => `${pad}- ${c.trimStart()}`),
    fc.constantFrom('# c\n', '  # c\n', '\n', '---\n', '...\n', 'k: |\n  [[[ {{\n', '\t- x\n'),
  );
  return fc.array(entry, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));
}

/** Random edits that break the YAML: brackets, indicators, quotes, line breaks inserted anywhere. */
const broken = fc
  .tuple(
    block(0, 4),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('[', ']', '{', '}', ':', '- ', '? ', '"', "'", '\n', '\n  ', '#', ',')), { maxLength: 6 }),
  )
  .map(([text, edits]) => edits.reduce((t, [at, s]) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)), text));

const OPTIONS = { uniqueKeys: false, prettyErrors: false } as const;

/** The document's value, or the error reading it gives (an alias before its anchor). */
function valueOf(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: -1, mapAsMap: true });
  } catch (e) {
    return `throws ${(e as Error).message}`;
  }
}

describe('property: YAML read with bounded nesting', function () {
  this.timeout(60_000);

  it('refuses exactly the texts its parser nests deeper than the limit, and reads the rest as parseDocument does', () => {
    fc.assert(
      fc.property(fc.oneof(block(0, 5), broken), fc.integer({ min: 1, max: 8 }), (text, limit) => {
        const depth = cstDepth(text);
        const read = parseYamlBounded(text, OPTIONS, limit);
        assert.equal('doc' in read, depth <= limit, `depth ${depth} at limit ${limit}: ${JSON.stringify(text)}`);
        if (!('doc' in read)) return;
        const expected = parseDocument(text, OPTIONS);
        assert.ok(
          composedDepth(expected.contents) <= 2 * limit + 1,
          `composed ${composedDepth(expected.contents)} at limit ${limit}: ${JSON.stringify(text)}`,
        );
        assert.deepEqual(valueOf(read.doc), valueOf(expected));
        assert.deepEqual(
          read.doc.errors.map((e) => [e.code, e.pos]),
          expected.errors.map((e) => [e.code, e.pos]),
        );
      }),
      { seed: PROPERTY_SEED, numRuns: 1000 },
    );
  });
});

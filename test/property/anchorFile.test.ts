/**
 * Property: an anchor file read without the YAML parser (blank lines, comments and
 * `name: quote` lines whose quote is plain on its line) gives what the parser gives,
 * anchors, spans and problems alike; and such files are read so.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { anchorFileByParser, parseAnchorFile, simpleAnchors } from '../../server/src/core/parse/anchorFile.js';
import { PROPERTY_SEED } from './seed.js';

const URI = 'memory:///ws/sources/s1.anchors.yaml';

/** Names as written: citable ones, and ones YAML reads otherwise or an anchor cannot have. */
const key = fc.constantFrom(
  'kirby',
  'a-b_c',
  'x.y',
  'p1',
  'true',
  'True',
  'null',
  '123',
  '0x1F',
  'a b',
  'x#y',
  'é',
  'k',
  // YAML allows a key of at most 1,024 characters before its colon.
  'k'.repeat(1030),
);
/** Pieces of a quote, among them what quotes, comments, maps, escapes or changes its type in YAML. */
const piece = fc.constantFrom(
  'words',
  'Biden',
  ' ',
  '  ',
  '123',
  '1.5e3',
  'true',
  'null',
  '~',
  '.inf',
  '"',
  "'",
  '#',
  ' #c',
  ':',
  ': ',
  'a:b',
  '-',
  '- ',
  '?',
  '[a]',
  '{b}',
  '&x',
  '*y',
  '!t',
  '|',
  '>',
  '%',
  '@',
  '`',
  ',',
  '\t',
  'é',
  '“q”',
  '\\',
  '\u0085',
  '\r',
  '\u0001',
  '\u007f',
  '\u2028',
);
const quote = fc.array(piece, { minLength: 1, maxLength: 6 }).map((ps) => ps.join(''));
const line = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(key, fc.constantFrom(' ', '  ', ''), quote, fc.constantFrom('', ' ', '  # c', '\r'))
      .map(([k, sp, q, t]) => `${k}:${sp}${q}${t}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '# Named anchors of source s1.', '  # indented', '#', '   ') },
  { weight: 1, arbitrary: fc.tuple(key, quote).map(([k, q]) => `${k}:\n  quote: ${q}\n  prefix: x`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '- item', '  continued', 'key', ':', 'k: [a, b]', 'k: "quoted"', "k: 'single'", 'k:') },
);
const file = fc.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom('', '\n', '\n\n')).map(([ls, end]) => ls.join('\n') + end);
/** Files of simple lines only: most of them must be read without the parser. */
const simpleFile = fc
  .array(
    fc.oneof(
      fc
        .tuple(fc.constantFrom('kirby', 'a-b_c', 'x.y', 'k'), fc.constantFrom('words', 'Biden said', 'a:b', 'é “q”', 'x # not', 'z'))
        .map(([k, q]) => `${k}: ${q}`),
      fc.constantFrom('', '# comment'),
    ),
    { maxLength: 8 },
  )
  .map((ls) => ls.join('\n'));

describe('property: anchor files read without the YAML parser', () => {
  it('give the anchors, spans and problems the parser gives', () => {
    fc.assert(
      fc.property(file, (text) => {
        assert.deepEqual(parseAnchorFile(URI, text), anchorFileByParser(URI, text), JSON.stringify(text));
      }),
      { seed: PROPERTY_SEED, numRuns: 4000 },
    );
  });

  it('take files of plain `name: quote` lines, comments and blank lines without the parser', () => {
    let taken = 0;
    let all = 0;
    fc.assert(
      fc.property(simpleFile, (text) => {
        all++;
        const simple = simpleAnchors(text);
        if (simple) taken++;
        assert.deepEqual(parseAnchorFile(URI, text), anchorFileByParser(URI, text), JSON.stringify(text));
      }),
      { seed: PROPERTY_SEED, numRuns: 1000 },
    );
    // Files with a repeated name go to the parser (it reports the repeat); the rest do not.
    assert.ok(taken > all / 3, `${taken} of ${all}`);
  });
});

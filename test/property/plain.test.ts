/**
 * The plain-note reading (`parse/plain.ts`) skips the Markdown parser for notes made
 * of front matter, `#` headings and paragraphs. Wherever it accepts a text, it must
 * find exactly what the parser finds: the same excluded spans, prose blocks, headings
 * and front matter; and the note's index must be the same either way.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { markdownStructure } from '../../server/src/core/parse/note.js';
import { plainStructure } from '../../server/src/core/parse/plain.js';
import { citation, note } from './gen.js';
import { PROPERTY_SEED } from './seed.js';

const word = fc.constantFrom('Biden', 'said', 'the', 'call', 'on', 'December', '7,', '2021', 'and', 'Kirby', '"never"', '\u201cquoted\u201d', 'it\u2019s', '(aside)', 'end.', 'What?', 'x', '--', '#', '[', ']', '[[', ':', '-', '=', '+', '1.', '>', '...');
const proseLine = fc.tuple(fc.constantFrom('Biden', 'A', 'z', '[[002]]', 'Kirby'), fc.array(fc.oneof(word, citation), { maxLength: 8 })).map(([first, rest]) => [first, ...rest].join(' '));
const line = fc.oneof(
  { weight: 5, arbitrary: proseLine },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom('Title', 'A year later', 'What next?', 'Notes (draft)', 'Sources 2021', 'x #', ' spaced', 'Kirby\u2019s words')).map(([n, t]) => '#'.repeat(n) + ' ' + t) },
  { weight: 1, arbitrary: fc.constantFrom('---', '===', '- item', '1. item', '> quote', '    code', 'trailing space ', ' leading', '#nospace', '***', 'Setext', '| a | b |') },
);
const frontMatter = fc.constantFrom('', '---\ntitle: A note\ndate: 2021-12-10\n---\n', '---\n---\n', '---\ntitle: x\n', '---\ntags:\n  - a\n---\n', '---\na: ---x\n---\n');
const plainish = fc.tuple(frontMatter, fc.array(line, { maxLength: 14 }), fc.boolean()).map(([fm, lines, finalNewline]) => fm + lines.join('\n') + (finalNewline ? '\n' : ''));

function agree(text: string): boolean {
  const plain = plainStructure(text);
  if (!plain) return false;
  const parsed = markdownStructure(text);
  assert.deepEqual(plain.excluded, parsed.excluded, `excluded spans of ${JSON.stringify(text)}`);
  assert.deepEqual(plain.blocks, parsed.blocks, `prose blocks of ${JSON.stringify(text)}`);
  assert.deepEqual(plain.headings, parsed.headings, `headings of ${JSON.stringify(text)}`);
  assert.deepEqual(plain.frontMatter, parsed.frontMatter, `front matter of ${JSON.stringify(text)}`);
  return true;
}

describe('property: the plain-note reading equals the Markdown parser where it applies', function () {
  this.timeout(60000);

  it('on notes of front matter, headings and paragraphs (and near misses)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(plainish, (text) => {
        if (agree(text)) accepted++;
      }),
      { seed: PROPERTY_SEED, numRuns: 1000 },
    );
    // The generator is built so that most texts are plain: the property must not pass vacuously.
    assert.ok(accepted > 300, `only ${accepted} of 1000 texts were plain`);
  });

  it('on the general Markdown generator', () => {
    fc.assert(
      fc.property(note(), ({ text }) => {
        agree(text);
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });
});

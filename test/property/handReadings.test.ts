/**
 * Readings rewritten to stay linear on hostile text give what the slow ones gave:
 * hand-written scans that replaced regular expressions with quadratic backtracking
 * (on short random lines, where the old expressions are fast), and sentences
 * segmented in windows (on paragraphs segmented whole).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { atxHeading } from '../../server/src/core/parse/source.js';
import { sentencesIn } from '../../server/src/core/parse/sentences.js';
import { headingKey } from '../../server/src/core/links/headings.js';
import { globMatches, withoutRangeSuffix } from '../../server/src/core/links/resolve.js';
import { PROPERTY_SEED } from './seed.js';

/** The ATX heading expression `parse/source.ts` used before. */
function headingByRegex(line: string): { level: number; text: string } | undefined {
  const h = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
  return h ? { level: h[1]!.length, text: (h[2] ?? '').trim() } : undefined;
}

/** The heading key `links/headings.ts` computed with expressions before. */
function headingKeyByRegex(text: string): string {
  return text
    .replace(/\[\[([^\]|]*\|)?([^\]]*)\]\]/g, '$2')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~=]+/g, '')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const pieces = fc.constantFrom(' ', ' ', '\t', '#', '#', '##', 'a', 'b c', '\r', '\u00a0', '\u2028', '`', '\\#');

describe('property: rewritten readings equal the slow ones they replace', () => {
  it('ATX headings of Markdown sources', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const line = parts.join('');
        assert.deepEqual(atxHeading(line), headingByRegex(line), JSON.stringify(line));
      }),
      { seed: PROPERTY_SEED, numRuns: 5000 },
    );
  });

  it('heading keys: the text links show, in one pass', () => {
    const bits = fc.constantFrom('[', ']', '[[', ']]', '(', ')', '](', '!', '|', 'a', 'B c', ' ', '*', '`');
    fc.assert(
      fc.property(fc.array(bits, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        assert.equal(headingKey(text), headingKeyByRegex(text), JSON.stringify(text));
      }),
      { seed: PROPERTY_SEED, numRuns: 5000 },
    );
  });

  it('wildcard note references: `*` matched without a regular expression', () => {
    const chars = fc.constantFrom('a', 'b', '.', '*', '*', '-');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 8 }),
        fc.array(
          chars.filter((c) => c !== '*'),
          { maxLength: 10 },
        ),
        (p, n) => {
          const pattern = p.join('');
          const name = n.join('');
          const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\-]/g, '\\$&').replace(/\*/g, '.*')}$`);
          assert.equal(globMatches(pattern, name), re.test(name), JSON.stringify([pattern, name]));
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 5000 },
    );
  });

  it('the end of a Dendron reference part (`h,1:`), read from the end', () => {
    const bits = fc.constantFrom(',', ':', ' ', '\t', '1', '23', 'a', 'h b', '#');
    fc.assert(
      fc.property(fc.array(bits, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        assert.equal(withoutRangeSuffix(text), text.replace(/(?:,\s*\d+)?:?\s*$/, ''), JSON.stringify(text));
      }),
      { seed: PROPERTY_SEED, numRuns: 5000 },
    );
  });

  it('sentences segmented in windows of a long paragraph', () => {
    const words = fc.constantFrom(
      'See',
      'x',
      'here',
      'Mr.',
      'U.S.',
      'said',
      '"yes."',
      '(a)',
      '1.',
      '2',
      'e.g.',
      'Then',
      'it',
      '...',
      '…',
      '?',
      '!',
      ')',
      '”',
      'é',
      'Über',
      '日本。',
      '\n',
      '\n\n',
      '.',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 120 }), fc.integer({ min: 8, max: 80 }), (ws, window) => {
        const text = ws.join(' ');
        const span = { start: 0, end: text.length };
        assert.deepEqual(sentencesIn(text, span, window), sentencesIn(text, span, Infinity), JSON.stringify(text));
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });
});

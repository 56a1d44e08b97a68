/**
 * The checks of a note's own dates skip the analysis of a note where `mayHoldDateProblems`
 * finds nothing they could judge in its unmasked reading (no weekday, no range, no day past
 * the 28th). For random texts of date words, code, links, quotations and headings, read
 * with and without a document date and with parts ignored as a note ignores them, such a
 * text is judged to hold no GN020, GN021 or GN024; and an analysis handed the unmasked
 * reading equals one that reads it itself.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeDates, mayHoldDateProblems, unmaskedDates } from '../../server/src/core/dates/analyze.js';
import { english } from '../../server/src/core/dates/en.js';
import { judgeDates } from '../../server/src/core/rules/dateJudgments.js';
import { PROPERTY_SEED } from './seed.js';

const token = fc.constantFrom(
  'March',
  'Feb.',
  'February',
  'Sept',
  'Mon',
  'Friday',
  'Friday,',
  'Thu.',
  '(Wed)',
  '2021',
  '1999',
  '2021-02-29',
  '2023-04-31',
  '2020-01-12',
  '3',
  '12th',
  '28',
  '29',
  '30',
  '31st',
  '-',
  '–',
  'to',
  'from',
  'and',
  'through',
  'of',
  'the',
  'on',
  'was',
  'will be',
  'since',
  '3 days since',
  'a year after',
  ',',
  '.',
  '\n',
  '\n\n',
  '\n## ',
  '`',
  '[[',
  ']]',
  '](https://x.org/2021-02-30)',
  '"',
  'https://example.org/March-31',
  'said',
);
const text = fc.array(token, { maxLength: 30 }).map((t) => t.join(' '));
const CHECKED = new Set(['GN020', 'GN021', 'GN024']);

describe('date checks skip a note whose unmasked reading holds nothing they judge', () => {
  it('where mayHoldDateProblems says no, GN020, GN021 and GN024 find nothing, masked or not, dated or not', () => {
    fc.assert(
      fc.property(text, fc.boolean(), fc.nat(40), (t, dated, cut) => {
        const found = unmaskedDates(t);
        if (mayHoldDateProblems(found)) return;
        // A note ignores some spans (code, citations, quotations): here every mention starting past `cut`.
        for (const options of [
          {},
          { documentDate: { date: { y: 2021, m: 2, d: 10 }, basis: 'the note’s date' } },
          { ignore: (s: { start: number }) => s.start > cut },
        ]) {
          const a = analyzeDates(t, dated ? options : {});
          const flagged = judgeDates(t, a).filter((f) => CHECKED.has(f.code));
          assert.deepEqual(flagged, [], JSON.stringify(t));
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 3000 },
    );
  });

  it('date mentions looked for from where the gate found the first possible one are all there are', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.constantFrom('x ', 'Since ', 'AFTER ', 'mayday ', '2021-0 ', '12021-02-03 ', 'Marches '), { maxLength: 3 }),
        (t, lead) => {
          const s = lead.join('') + t;
          const from = english.datesFrom(s);
          // Where the gate finds nothing, nothing is a date mention.
          if (from < 0) return assert.deepEqual(english.extract(s).mentions, [], JSON.stringify(s));
          assert.deepEqual(english.extract(s, [], from), english.extract(s), JSON.stringify(s));
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 3000 },
    );
  });

  it('an analysis handed the unmasked reading equals one that reads the text itself', () => {
    fc.assert(
      fc.property(text, (t) => {
        const given = analyzeDates(t, { unmasked: unmaskedDates(t) ?? null });
        const own = analyzeDates(t);
        assert.deepEqual(judgeDates(t, given), judgeDates(t, own));
        assert.deepEqual(given.mentions, own.mentions);
      }),
      { seed: PROPERTY_SEED, numRuns: 500 },
    );
  });
});

/**
 * What a text says of its dates, found where the text is read (`textDates`, on the
 * command line's reading thread) and handed over as plain data, gives the analysis the
 * text gives when the analysis finds it itself: the same mentions, ranges, resolved
 * dates and timeline, for notes (with what they ignore) and sources alike.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeDates, textDates, type AnalyzeOptions } from '../../server/src/core/dates/analyze.js';
import { PROPERTY_SEED } from './seed.js';

/** Pieces of prose with dates where masking and ranges matter: code, links, URLs, ranges, elapsed time. */
const piece = fc.constantFrom(
  'The meeting took place on Friday, October 8, 2021.',
  'It ends on Wednesday, October 8',
  'from March 3 to March 5',
  'on 2021-06-13',
  '[[2021-06-13]]',
  '`2021-06-13`',
  'https://example.com/2021/10/08/story',
  'three days after the vote',
  'since January 2020',
  'May',
  'Sun',
  'In 2019',
  '"on Monday, May 3"',
  '```\nMonday, May 3, 2021\n```',
  'the report of 12 June',
  'word',
  '\n\n',
  '\n- ',
);

const text = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(' '));

/** A note ignores what lies in a link or outside its prose (here: any `[[…]]`). */
function ignoreLinks(t: string): AnalyzeOptions['ignore'] {
  const links = [...t.matchAll(/\[\[[^\]]*\]\]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return (span) => links.some((l) => span.start < l.end && l.start < span.end);
}

/** The analysis as plain data (its sentences are a getter). */
function plain(a: ReturnType<typeof analyzeDates>): unknown {
  return JSON.parse(JSON.stringify({ ...a, sentences: a.sentences }));
}

describe('dates found where a text is read', () => {
  it('give the analysis the text gives, for notes and sources, after crossing threads', () => {
    fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), (t, isSource, dated) => {
        const options: AnalyzeOptions = {
          ...(isSource ? { isSource: true } : { ignore: ignoreLinks(t) }),
          ...(dated ? { documentDate: { date: { y: 2021, m: 12, d: 1 }, basis: 'the note date' } } : {}),
        };
        const found = structuredClone(textDates(t));
        assert.deepEqual(plain(analyzeDates(t, { ...options, found })), plain(analyzeDates(t, options)));
      }),
      { seed: PROPERTY_SEED, numRuns: 400 },
    );
  });

  it('are none in a text without a date word, and the masked reading where code holds one', () => {
    assert.deepEqual(textDates('no dates here, only words'), { none: true });
    const t = 'Due `Monday, May 3, 2021` and on Friday, October 8, 2021.';
    const found = textDates(t);
    assert.ok(!('none' in found));
    assert.deepEqual(
      found.unmasked.mentions.map((m) => m.text),
      ['Monday, May 3, 2021', 'Friday, October 8, 2021'],
    );
    assert.deepEqual(
      found.extracted.mentions.map((m) => m.text),
      ['Friday, October 8, 2021'],
    );
  });
});

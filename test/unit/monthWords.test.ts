import { strict as assert } from 'node:assert';
import { english } from '../../server/src/core/dates/en.js';
import { findFullDate } from '../../server/src/core/parse/docDate.js';

/** Every way a month is written: its name, then its abbreviations. */
const WRITTEN: [number, string[]][] = [
  [1, ['January', 'Jan']],
  [2, ['February', 'Feb']],
  [3, ['March', 'Mar']],
  [4, ['April', 'Apr']],
  [5, ['May']],
  [6, ['June', 'Jun']],
  [7, ['July', 'Jul']],
  [8, ['August', 'Aug']],
  [9, ['September', 'Sep', 'Sept']],
  [10, ['October', 'Oct']],
  [11, ['November', 'Nov']],
  [12, ['December', 'Dec']],
];

/** The month of the first date the date checks read in `text`, if any. */
function checkedMonth(text: string): number | undefined {
  return english.extract(text).mentions[0]?.month?.value;
}

describe('month words: one table for the date checks and document dates', () => {
  it('the date checks read every name and abbreviation, with its capital letter only', () => {
    for (const [m, words] of WRITTEN)
      for (const w of words) {
        assert.equal(checkedMonth(`They met on ${w} 5, 2021 in Paris.`), m, w);
        assert.equal(checkedMonth(`They met on ${w}. 5, 2021 in Paris.`), m, `${w}.`);
        assert.equal(checkedMonth(`They met on ${w.toLowerCase()} 5, 2021 in Paris.`), undefined, w.toLowerCase());
      }
    assert.equal(checkedMonth('They met on Septem 5, 2021 in Paris.'), undefined);
  });

  it('a document date reads the same words in any case', () => {
    for (const [m, words] of WRITTEN)
      for (const w of words)
        for (const written of [w, w.toLowerCase(), w.toUpperCase()]) {
          const iso = `2021-${String(m).padStart(2, '0')}-05`;
          assert.equal(findFullDate(`${written} 5, 2021`)?.iso, iso, written);
          assert.equal(findFullDate(`5 ${written}. 2021`)?.iso, iso, `5 ${written}.`);
        }
    assert.equal(findFullDate('Septem 5, 2021'), undefined);
  });
});

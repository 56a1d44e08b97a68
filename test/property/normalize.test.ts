/**
 * Quote normalisation (`normalizeWithMap`) as its contract says, character by character:
 * white space runs become one space (none at either end), typographic quotes and dashes
 * their plain forms, `…` three dots, each normalised character mapped back to the one it
 * came from, and the end mapped to where trailing white space begins.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { normalizeWithMap } from '../../server/src/core/normalize.js';
import { normalizedSpan } from '../../server/src/core/quotes/misquote.js';
import { PROPERTY_SEED } from './seed.js';

/** The contract, one character at a time. */
function reference(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let pending = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (pending < 0) pending = i;
      continue;
    }
    if (pending >= 0 && out.length > 0) {
      out += ' ';
      offsets.push(pending);
    }
    pending = -1;
    const plain =
      ch === '\u2026'
        ? '...'
        : /[\u2018\u2019\u201a\u201b\u2032]/.test(ch)
          ? "'"
          : /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/.test(ch)
            ? '"'
            : /[\u2010-\u2015\u2212]/.test(ch)
              ? '-'
              : ch;
    out += plain;
    for (let k = 0; k < plain.length; k++) offsets.push(i);
  }
  offsets.push(pending >= 0 ? pending : text.length);
  return { text: out, offsets };
}

const piece = fc.constantFrom(
  'word',
  'a',
  'Kirby',
  ' ',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '\u00a0',
  '\u2009',
  '\u3000',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u00ab',
  '\u2014',
  '\u2013',
  '\u2212',
  '\u2026',
  'é',
  '😀',
  '\u0001',
  '.',
  '"',
  "'",
  '-',
);

describe('quote normalisation', () => {
  it('is the contract read character by character, with the map back to the text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const n = normalizeWithMap(text);
        const want = reference(text);
        assert.equal(n.text, want.text);
        assert.deepEqual([...n.offsets], want.offsets);
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });

  it('maps a span of the text to the normalised characters from its start to its end', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), fc.nat(), (parts, x, y) => {
        const text = parts.join('');
        const n = normalizeWithMap(text);
        const [start, end] = [x % (text.length + 1), y % (text.length + 1)].sort((a, b) => a - b) as [number, number];
        // The first normalised character at or after each end (the extra end entry when none is).
        const last = n.offsets.length - 1;
        const firstFrom = (offset: number) => {
          const i = [...n.offsets].findIndex((o) => o >= offset);
          return i < 0 || i > last ? last : i;
        };
        assert.deepEqual(normalizedSpan(n, { start, end }), { start: firstFrom(start), end: firstFrom(end) });
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });
});

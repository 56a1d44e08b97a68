/**
 * Readings rewritten to stay linear on hostile text give what the slow ones gave:
 * hand-written scans that replaced regular expressions with quadratic backtracking
 * (on short random lines, where the old expressions are fast), and sentences
 * segmented in windows (on paragraphs segmented whole).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { atxHeading } from '../../server/src/core/parse/atxHeading.js';
import { headingLine } from '../../server/src/core/parse/source.js';
import { lexicalStructure } from '../../server/src/core/parse/note.js';
import { startsBlock } from '../../server/src/core/features/linkHover.js';
import { sentencesIn, sentencesNear } from '../../server/src/core/parse/sentences.js';
import { english, holdsElapsedTail } from '../../server/src/core/dates/en.js';
import { sentenceAt } from '../../server/src/core/dates/segment.js';
import { lastStartingAtOrBefore } from '../../server/src/core/text.js';
import { headingKey } from '../../server/src/core/links/headings.js';
import { slugify } from '../../server/src/core/parse/slug.js';
import { globMatches, withoutRangeSuffix } from '../../server/src/core/links/resolve.js';
import { normalizeBySegments, normalizePath } from '../../server/src/core/links/files.js';
import { URI } from 'vscode-uri';
import { childUri, pathToUri, uriToPath } from '../../server/src/node/nodeWorkspace.js';
import { join } from 'node:path';
import { PROPERTY_SEED } from './seed.js';

/** Words, marks and breaks that sentences are made of. */
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

/** The ATX heading expression `parse/source.ts` used before. */
function headingByRegex(line: string): { level: number; text: string } | undefined {
  const h = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
  return h ? { level: h[1]!.length, text: (h[2] ?? '').trim() } : undefined;
}

/** The ATX heading expression the line reading of notes (`parse/blocks.ts`) used before, with its closing cut. */
function blockHeadingByRegex(line: string): { level: number; text: string } | undefined {
  const h = /^ {0,3}(#{1,6})(?:[ \t]+|$)/.exec(line);
  if (!h) return undefined;
  const content = line.slice(line.indexOf('#') + h[1]!.length);
  return { level: h[1]!.length, text: content.replace(/(^|[ \t])#+[ \t]*$/, '$1').trim() };
}

/** The headings the lexical reading (`parse/note.ts`) found with an expression before. */
function lexicalHeadingsByRegex(text: string, excluded: readonly { start: number; end: number }[]) {
  const out: { span: { start: number; end: number }; text: string; level: number }[] = [];
  const atx = /^ {0,3}(#{1,6})[ \t]+([^\n]*)/gm;
  let m: RegExpExecArray | null;
  while ((m = atx.exec(text))) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (excluded.some((x) => x.start <= span.start && span.start < x.end)) continue;
    out.push({ span, text: m[2]!.replace(/[ \t#]+$/, '').trim(), level: m[1]!.length });
  }
  return out;
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

const PIECES = [' ', ' ', '\t', '#', '#', '##', 'a', 'b c', '\r', '\u00a0', '\u2028', '`', '\\#'];
const pieces = fc.constantFrom(...PIECES);

describe('property: rewritten readings equal the slow ones they replace', () => {
  it('vault paths: a path already normal is returned as it is', () => {
    const parts = fc.constantFrom('a', 'b', '.', '..', '/', '.a', 'a.', '...', '.md', ' ');
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 14 }), (ps) => {
        const path = ps.join('');
        assert.equal(normalizePath(path), normalizeBySegments(path), JSON.stringify(path));
      }),
      { seed: PROPERTY_SEED, numRuns: 20000 },
    );
  });

  it("a listed file's URI: the folder's URI and the name equal the URI of the joined path", () => {
    const chars = fc.constantFrom(
      'a',
      'Z',
      '0',
      ' ',
      '-',
      '.',
      '_',
      '~',
      '%',
      '#',
      '?',
      ':',
      '(',
      '+',
      '&',
      'é',
      '日',
      '\u{1F600}',
      '!',
      "'",
    );
    const name = fc.array(chars, { minLength: 1, maxLength: 10 }).map((cs) => cs.join(''));
    const dir = fc.constantFrom('/', '/vault', '/my vault/notes', '/a%b/c#d', '/é/x');
    fc.assert(
      fc.property(dir, name, (d, n) => {
        const uri = childUri(pathToUri(d), d, n);
        assert.equal(uri, pathToUri(join(d, n)), JSON.stringify([d, n]));
        // The path remembered for it is the one the URI names.
        assert.equal(uriToPath(uri), URI.parse(uri).fsPath, JSON.stringify([d, n]));
      }),
      { seed: PROPERTY_SEED, numRuns: 20000 },
    );
  });

  it('ATX headings of Markdown sources', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const line = parts.join('');
        assert.deepEqual(headingLine(line), headingByRegex(line), JSON.stringify(line));
      }),
      { seed: PROPERTY_SEED, numRuns: 5000 },
    );
  });

  it("ATX headings of notes' line reading: the shared recogniser", () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const line = parts.join('').replace(/[\r\u2028]/g, ' ');
        const h = atxHeading(line);
        assert.deepEqual(h && { level: h.level, text: h.text }, blockHeadingByRegex(line), JSON.stringify(line));
        if (h) assert.equal(line.slice(h.span.start, h.span.end).trim(), h.text, JSON.stringify(line));
      }),
      { seed: PROPERTY_SEED, numRuns: 5000 },
    );
  });

  it('ATX headings of the lexical reading, on lines broken by LF, CR and U+2028', () => {
    const bits = fc.constantFrom(...PIECES, '\n', '\n', '\r\n', '    ', '```', '`x`', '#######');
    fc.assert(
      fc.property(fc.array(bits, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        const read = lexicalStructure(text);
        assert.deepEqual(read.headings, lexicalHeadingsByRegex(text, read.excluded), JSON.stringify(text));
      }),
      { seed: PROPERTY_SEED, numRuns: 5000 },
    );
  });

  it("lines that start a block in a link hover's preview of a block", () => {
    const bits = fc.constantFrom(...PIECES, '-', '1.', '>', '```', '~~~', '#######', '\f');
    fc.assert(
      fc.property(fc.array(bits, { maxLength: 10 }), (parts) => {
        const line = parts.join('');
        assert.equal(startsBlock(line), /^ {0,3}(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|```|~~~)/.test(line), JSON.stringify(line));
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

  it('heading slugs: spaces to `-` by the engine or by codes, as the expression did, short or long', () => {
    const bits = fc.constantFrom(' ', '  ', 'a', 'B', 'é', '-', '_', '!', '\u00a0', '\t', 'x y');
    fc.assert(
      fc.property(fc.array(bits, { maxLength: 24 }), fc.nat({ max: 5000 }), (parts, pad) => {
        // Padded past the length where the codes take over, now and then.
        const text = parts.join('') + (pad > 3500 ? 'z '.repeat(pad) : '');
        const byRegex = text
          .trim()
          .toLowerCase()
          .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
          .replace(/ /g, '-');
        assert.equal(slugify(text), byRegex, JSON.stringify(text.slice(0, 80)));
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
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
    fc.assert(
      fc.property(fc.array(words, { maxLength: 120 }), fc.integer({ min: 8, max: 80 }), (ws, window) => {
        const text = ws.join(' ');
        const span = { start: 0, end: text.length };
        assert.deepEqual(sentencesIn(text, span, window), sentencesIn(text, span, Infinity), JSON.stringify(text));
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });
  it('the sentences near a place are those of the whole paragraph split', () => {
    fc.assert(
      fc.property(
        fc.array(words, { maxLength: 60 }),
        fc.nat(20),
        fc.nat(20),
        fc.array(fc.nat(400), { minLength: 1, maxLength: 6 }),
        (ws, lead, trail, offsets) => {
          const body = ws.join(' ');
          const text = ' '.repeat(lead) + body + '\n'.repeat(trail % 3) + 'x'.repeat(trail);
          const paragraph = { start: lead, end: lead + body.length };
          const sentences = sentencesIn(text, paragraph);
          for (const at of offsets) {
            const offset = paragraph.start + (at % (body.length + 3));
            const i = lastStartingAtOrBefore(sentences, offset);
            const expected = { sentence: sentences[i], before: i > 0 ? sentences[i - 1] : undefined };
            assert.deepEqual(sentencesNear(text, paragraph, offset), expected, JSON.stringify([text, offset]));
          }
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });
  it('date sentences split a block at a time, asked in any order, as the whole text splits them', () => {
    const bits = fc.constantFrom(
      'It rained',
      'on May 5',
      'The talks',
      'Mr.',
      'Inc.',
      'Jan.',
      'P.M.',
      '.',
      '!',
      '?',
      '\u2026',
      '"',
      ')',
      '\n',
      '\n\n',
      '\r\n',
      '\n- ',
      '\n# ',
      '\n## ',
      '\n1. ',
      '\n> ',
      '\n| a |',
      '\n  ',
      '\t',
      ' ',
      'x',
    );
    fc.assert(
      fc.property(
        fc.array(bits, { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (parts, picks, floors) => {
          const text = parts.join(' ');
          const whole = english.sentences(text);
          const index = english.sentenceIndex(text);
          // Offsets inside sentences (where mentions lie), asked in the order drawn.
          const inside: number[] = [];
          for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i]!)) inside.push(i);
          if (inside.length === 0) return;
          picks.forEach((pick, k) => {
            const offset = inside[pick % inside.length]!;
            const floor = (floors[k] ?? 0) % (offset + 1);
            const where = JSON.stringify({ text, offset, floor });
            assert.deepEqual(index.at(offset), sentenceAt(whole, offset), where);
            const s = lastStartingAtOrBefore(whole, offset);
            for (const back of [0, 1, 2, 3]) {
              const expected = Math.max(whole[Math.max(0, s - back)]?.start ?? offset, floor);
              assert.equal(index.startBefore(offset, back, floor), expected, `${where} back ${back}`);
            }
          });
          assert.deepEqual(index.all(), whole);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 3000 },
    );
  });

  it('the elapsed-time tail ("days since", "a YEAR after"): found from each since or after back, as the expression found it', () => {
    const tail = /(?:day|week|month|year)s?\s+(?:since|after)\s/i;
    const piece = fc.constantFrom(
      'day',
      'Days',
      'WEEK',
      'weeks',
      'month',
      'year',
      'yearS',
      'today',
      'Monday',
      'wee\u212A', // a Kelvin sign: `k` to toLowerCase, not to `/i` without `u`
      'dayſ',
      'since',
      'SINCE',
      'after',
      'Thereafter',
      'sinceafter',
      ' ',
      '  ',
      '\n',
      '\u00a0',
      '\u2028',
      '.',
      's',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        assert.equal(holdsElapsedTail(text), tail.test(text), JSON.stringify(text));
      }),
      { seed: PROPERTY_SEED, numRuns: 20000 },
    );
  });
});

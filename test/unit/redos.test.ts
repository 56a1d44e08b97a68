/**
 * A hang detector for regular expressions applied to user text: every module that
 * runs regexes over notes, sources or anchor files gets 100 KB of repeated ambiguous
 * characters with a non-matching tail, through its public entry points. A call over
 * 5 s fails (catastrophic backtracking takes minutes, not seconds).
 */
import { strict as assert } from 'node:assert';
import { parseNote } from '../../server/src/core/parse/note.js';
import { parseSource } from '../../server/src/core/parse/source.js';
import { parseAnchorFile } from '../../server/src/core/parse/anchorFile.js';
import { scanCitations, readCitation } from '../../server/src/core/parse/citations.js';
import { lexicalExclusions, maxNesting } from '../../server/src/core/parse/lexical.js';
import { sentencesIn } from '../../server/src/core/parse/sentences.js';
import { slugify } from '../../server/src/core/parse/slug.js';
import { findFullDate, isDateOnlyLine } from '../../server/src/core/parse/docDate.js';
import { english } from '../../server/src/core/dates/en.js';
import { analyzeDates } from '../../server/src/core/dates/analyze.js';
import { normalize, normalizeWithMap } from '../../server/src/core/normalize.js';
import { closestWording, quoteOccurs, quotePieces, quotationsIn } from '../../server/src/core/quotes/misquote.js';
import { fuzzyFindIn } from '../../server/src/core/quotes/fuzzy.js';
import { reanchor } from '../../server/src/core/quotes/reanchor.js';
import { findQuote, resolveAnchor } from '../../server/src/core/anchors.js';
import { escapeMarkdown, shorten } from '../../server/src/core/features/locate.js';
import { createNotesService, MemoryWorkspace } from '../../server/src/core/index.js';

const SIZE = 100 * 1024;
/** A hang detector, not a timing assertion: generous enough for a slow, busy CI machine. */
const LIMIT_MS = 5000;
/** The known slow parser inputs run at this size, where linear means well under the limit. */
const SLOW_SIZE = 20 * 1024;

/** Ambiguous units: each is repeated to 100 KB, then a tail that matches nothing. */
const UNITS = [
  ' ', '\t', '\n', '\r\n', '\n\n', '#', '# ', '[', ']', '[[', ']]', '[[a', '[[a#', '[[a#"', '|', '`', '``', '```\n', '~~~\n', '1', '12 ', '2021', '1,', ',', ', ',
  'January ', 'Jan. ', 'Monday, ', 'Mon., ', 'Wednesday, October ', '8th of ', 'of ', '2021-12-', '--', '-- ', '—', '–', '…', '...', '.', '"', '“', '”', "'", '’',
  '"a ', '“a” ', '[sic] ', '[a] ', '- ', '* ', '1. ', '> ', '>', '    ', '<!--', '-->', '<', '---\n', '\\', '*', '_', 'a', 'a ', 'aaed ', 'will ', 'plans to ',
  'nearly 10 days since ', '10 months since ', 'since ', 'the ', 'of this year ', 'é', '😀', 'a\u0301',
  // Dates dense with citations, links and markup (a note that dates every sentence).
  'Jan. 5 ', 'On Monday, March 3 [[001#p1]] ', 'said on Friday, ', 'a/', '](', '<a>', 'a.b', '5<sup>th</sup> ', 'https://x.org/2019-03-04 ',
];
const TAIL = '\u0000!x';

function adversarial(unit: string, size = SIZE): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + TAIL;
}

function timed(name: string, unit: string, f: () => unknown): void {
  const started = performance.now();
  f();
  const ms = performance.now() - started;
  assert.ok(ms < LIMIT_MS, `${name} on ${JSON.stringify(unit)} × 100 KB took ${Math.round(ms)} ms`);
}

const entryPoints: [string, (text: string) => unknown][] = [
  ['parseNote', (t) => parseNote('memory:///ws/n.md', t)],
  // A list nested past the limit sends the whole note to the lexical reading.
  ['parseNote (lexical reading)', (t) => parseNote('memory:///ws/n.md', '- '.repeat(200) + 'x\n' + t)],
  ['parseSource (.txt)', (t) => parseSource('memory:///ws/sources/001_a.txt', t)],
  ['parseSource (.md)', (t) => parseSource('memory:///ws/sources/001_a.md', t)],
  ['parseAnchorFile', (t) => parseAnchorFile('memory:///ws/sources/001_a.anchors.yaml', 'k: ' + JSON.stringify(t.slice(0, 20000)) + '\n' + t)],
  ['scanCitations', (t) => scanCitations(t, [])],
  ['readCitation', (t) => readCitation('[[' + t + ']]', 0)],
  ['lexicalExclusions', (t) => lexicalExclusions(t)],
  ['maxNesting', (t) => maxNesting(t, Infinity)],
  ['sentencesIn', (t) => sentencesIn(t, { start: 0, end: t.length })],
  ['slugify', (t) => slugify(t)],
  ['findFullDate', (t) => findFullDate(t)],
  ['isDateOnlyLine', (t) => isDateOnlyLine(t)],
  ['english.extract', (t) => english.extract(t)],
  ['english.tenses', (t) => english.tenses(t)({ start: 0, end: t.length }, { start: t.length >> 1, end: (t.length >> 1) + 1 })],
  ['english.sentences', (t) => english.sentences(t)],
  ['english.mayHoldDates', (t) => english.mayHoldDates(t)],
  ['analyzeDates', (t) => analyzeDates(t, { isSource: true })],
  ['normalize', (t) => normalize(t)],
  ['quotationsIn', (t) => quotationsIn(t, { start: 0, end: t.length })],
  ['quotePieces', (t) => quotePieces(t)],
  ['quoteOccurs', (t) => quoteOccurs(t, 'never urge the Ukrainians … compromise [sic]')],
  ['quoteOccurs (long quote)', (t) => quoteOccurs('short scope', t)],
  ['closestWording', (t) => closestWording(normalizeWithMap(t), { start: 0, end: t.length }, 'never urge the Ukrainians to make a compromise')],
  ['fuzzyFindIn', (t) => fuzzyFindIn(t, 'John Kirby clarified the comments')],
  ['reanchor', (t) => reanchor(t, { quote: 'John Kirby clarified', prefix: 'spokesperson ', suffix: ' Biden' })],
  ['findQuote', (t) => findQuote(normalizeWithMap(t), { quote: 'John Kirby clarified', prefix: 'a', suffix: 'b' })],
  [
    'resolveAnchor',
    (t) => {
      const source = parseSource('memory:///ws/sources/001_a.txt', t);
      const n = normalizeWithMap(t);
      for (const anchor of ['L1-L99999', 'p99999', 'no-such-heading', '"John Kirby clarified"', t.slice(0, 2000)]) resolveAnchor(source, anchor, new Map(), () => n);
    },
  ],
  ['escapeMarkdown', (t) => escapeMarkdown(t)],
  ['shorten', (t) => shorten(t, 400)],
];

/**
 * Inputs over 2 s that are not regular expressions but linear-time parsers with a high
 * constant (measured at 100 KB): micromark (remark) on `\\`, `---\\n`, newlines,
 * fences and HTML tags (2–4 s; `<a>` × 100 KB: 1 s of CPU, 0.3 s at 25 KB); the `yaml` parser on bracket runs (2–3 s); V8's `Intl.Segmenter`
 * (sentences) on runs of line breaks or list markers (3–12 s). Reported, not fixed
 * here (the parsers are dependencies); they run in the skipped test below.
 */
const KNOWN_SLOW: Record<string, string[]> = {
  parseNote: ['\n', '\r\n', '\n\n', '```\n', '~~~\n', '<', '<a>', '---\n', '\\'],
  parseAnchorFile: ['[', ']', ']]', '[sic] ', '[a] '],
  sentencesIn: ['\n', '\r\n', '\n\n', '```\n', '~~~\n', 'Jan. ', '1. ', '---\n'],
};

describe('regular expressions on hostile text (hang detector, 5 s per call)', function () {
  this.timeout(600_000);
  for (const [name, f] of entryPoints) {
    it(name, () => {
      for (const unit of UNITS) if (!KNOWN_SLOW[name]?.includes(unit)) timed(name, unit, () => f(adversarial(unit)));
    });
  }

  // The known slow parser inputs above (dependencies, linear but slow), at 20 KB.
  it('known slow inputs of micromark, yaml and Intl.Segmenter finish at 20 KB', () => {
    for (const [name, f] of entryPoints) for (const unit of KNOWN_SLOW[name] ?? []) timed(name, unit, () => f(adversarial(unit, SLOW_SIZE)));
  });

  it('the rules (the whole service) on a hostile note and source', async () => {
    for (const unit of ['"', '“a ', 'January ', 'Monday, ', '12 ', '[[a#"', '`', 'nearly 10 days since ', '…', '--', '\n', 'On Monday, March 3 [[001#k]]. \n\n']) {
      const text = adversarial(unit);
      const workspace = new MemoryWorkspace(['memory:///ws'], {
        'sources/001_a.txt': text,
        'sources/001_a.anchors.yaml': 'k: "never urge"\n',
        'notes/n.md': `He said "${text.slice(0, 3000)}" [[001#k]] and [[001]].\n\n${text}`,
      });
      const service = createNotesService({ workspace });
      const started = performance.now();
      await service.initialize();
      service.allProblems();
      const ms = performance.now() - started;
      // Several files and every rule: the limit is per file.
      assert.ok(ms < 3 * LIMIT_MS, `the service on ${JSON.stringify(unit)} × 100 KB took ${Math.round(ms)} ms`);
    }
  });
});

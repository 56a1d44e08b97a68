/**
 * A hang detector for regular expressions and parsers applied to user text. Every
 * module that runs regexes over notes, sources or anchor files gets, through its
 * public entry points:
 * - 100 KB of one repeated ambiguous unit with a non-matching tail;
 * - "token, long run, token": a token that starts a match, 150 KB of a run its `\s*`
 *   or `.*` can take, then a token that makes the match fail (`# x` + spaces + `y`):
 *   the shape that makes two adjacent quantifiers backtrack quadratically, which
 *   repeating one unit never builds. `test/helpers/regexScan.ts` lists every regex
 *   of the server that can backtrack so; each file holding one names here the entry
 *   points that reach it and one token per such regex, or a test fails.
 * A call over 5 s fails (catastrophic backtracking takes minutes, not seconds); the new
 * shapes count the process's CPU time, which other work on a shared machine inflates
 * far less than the time on the clock. The
 * time budget itself (1 MB of any shape in at most 2 s) is measured, not asserted:
 * `npx tsx scripts/hostile-budget.ts`.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNote } from '../../server/src/core/parse/note.js';
import { parseSource } from '../../server/src/core/parse/source.js';
import { parseAnchorFile } from '../../server/src/core/parse/anchorFile.js';
import { scanCitations, readCitation } from '../../server/src/core/parse/citations.js';
import { lexicalExclusions, maxNesting } from '../../server/src/core/parse/lexical.js';
import { sentencesIn } from '../../server/src/core/parse/sentences.js';
import { slugify } from '../../server/src/core/parse/slug.js';
import { findFullDate, isDateOnlyLine, labelledDate } from '../../server/src/core/parse/docDate.js';
import { english } from '../../server/src/core/dates/en.js';
import { analyzeDates } from '../../server/src/core/dates/analyze.js';
import { judgeDates } from '../../server/src/core/rules/dateJudgments.js';
import { normalize, normalizeWithMap } from '../../server/src/core/normalize.js';
import { closestWording, quoteOccurs, quotePieces, quotationsIn } from '../../server/src/core/quotes/misquote.js';
import { fuzzyFindIn } from '../../server/src/core/quotes/fuzzy.js';
import { reanchor } from '../../server/src/core/quotes/reanchor.js';
import { findQuote, resolveAnchor } from '../../server/src/core/anchors.js';
import { headingKey } from '../../server/src/core/links/headings.js';
import { decodeHtml } from '../../server/src/node/extract/extractFile.js';
import { joinHyphenation, Vocabulary } from '../../server/src/node/extract/layout.js';
import { escapeMarkdown, shorten } from '../../server/src/core/features/locate.js';
import { createNotesService, MemoryWorkspace } from '../../server/src/core/index.js';
import { LineIndex } from '../../server/src/core/text.js';
import { mayBacktrack, regexesIn } from '../helpers/regexScan.js';
import { REPO } from '../helpers/lspClient.js';
import { adversarial as adversarialText, BACKTRACKING, foundShapes, shape as shapeText, UNITS } from '../corpus/shapes.js';

const SIZE = 100 * 1024;
/** A hang detector, not a timing assertion: generous enough for a slow, busy CI machine. */
const LIMIT_MS = 5000;
/** The known slow parser inputs run at this size, where linear means well under the limit. */
const SLOW_SIZE = 20 * 1024;

function adversarial(unit: string, size = SIZE): string {
  return adversarialText(unit, size);
}

function timed(name: string, unit: string, f: () => unknown): void {
  const started = performance.now();
  f();
  const ms = performance.now() - started;
  assert.ok(ms < LIMIT_MS, `${name} on ${JSON.stringify(unit)} × 100 KB took ${Math.round(ms)} ms`);
}

/** Milliseconds of CPU time this process spends in `f`. */
async function cpuTime(f: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  await f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** A service over `files`, indexed (synchronously: MemoryWorkspace answers at once). */
async function serviceOver(files: Record<string, string>) {
  const service = createNotesService({ workspace: new MemoryWorkspace(['memory:///ws'], files) });
  await service.initialize();
  return service;
}

const entryPoints: [string, (text: string) => unknown][] = [
  ['parseNote', (t) => parseNote('memory:///ws/n.md', t)],
  // A list nested past the limit sends the whole note to the lexical reading.
  ['parseNote (lexical reading)', (t) => parseNote('memory:///ws/n.md', '- '.repeat(200) + 'x\n' + t)],
  ['parseSource (.txt)', (t) => parseSource('memory:///ws/sources/001_a.txt', t)],
  ['parseSource (.md)', (t) => parseSource('memory:///ws/sources/001_a.md', t)],
  [
    'parseAnchorFile',
    (t) => parseAnchorFile('memory:///ws/sources/001_a.anchors.yaml', 'k: ' + JSON.stringify(t.slice(0, 20000)) + '\n' + t),
  ],
  ['scanCitations', (t) => scanCitations(t, [])],
  ['readCitation', (t) => readCitation('[[' + t + ']]', 0)],
  ['lexicalExclusions', (t) => lexicalExclusions(t)],
  ['maxNesting', (t) => maxNesting(t, Infinity)],
  ['sentencesIn', (t) => sentencesIn(t, { start: 0, end: t.length })],
  ['slugify', (t) => slugify(t)],
  ['findFullDate', (t) => findFullDate(t)],
  ['isDateOnlyLine', (t) => isDateOnlyLine(t)],
  ['labelledDate', (t) => labelledDate(t)],
  ['english.extract', (t) => english.extract(t)],
  ['english.tenses', (t) => english.tenses(t)({ start: 0, end: t.length }, { start: t.length >> 1, end: (t.length >> 1) + 1 })],
  ['english.sentences', (t) => english.sentences(t)],
  ['english.datesFrom', (t) => english.datesFrom(t)],
  ['analyzeDates', (t) => analyzeDates(t, { isSource: true })],
  ['judgeDates', (t) => judgeDates(t, analyzeDates(t, { isSource: true }))],
  ['normalize', (t) => normalize(t)],
  ['quotationsIn', (t) => quotationsIn(t, { start: 0, end: t.length })],
  ['quotePieces', (t) => quotePieces(t)],
  ['quoteOccurs', (t) => quoteOccurs(t, 'never urge the Ukrainians … compromise [sic]')],
  ['quoteOccurs (long quote)', (t) => quoteOccurs('short scope', t)],
  [
    'closestWording',
    (t) => closestWording(normalizeWithMap(t), { start: 0, end: t.length }, 'never urge the Ukrainians to make a compromise'),
  ],
  ['fuzzyFindIn', (t) => fuzzyFindIn(t, 'John Kirby clarified the comments')],
  ['reanchor', (t) => reanchor(normalizeWithMap(t), { quote: 'John Kirby clarified', prefix: 'spokesperson ', suffix: ' Biden' })],
  ['findQuote', (t) => findQuote(normalizeWithMap(t), { quote: 'John Kirby clarified', prefix: 'a', suffix: 'b' })],
  [
    'resolveAnchor',
    (t) => {
      const source = parseSource('memory:///ws/sources/001_a.txt', t);
      const n = normalizeWithMap(t);
      for (const anchor of ['L1-L99999', 'p99999', 'no-such-heading', '"John Kirby clarified"', t.slice(0, 2000)])
        resolveAnchor(source, anchor, new Map(), () => n);
    },
  ],
  [
    'resolveAnchor (anchor text)',
    (t) => {
      const text = 'One paragraph.\n\nAnother.\n';
      resolveAnchor(parseSource('memory:///ws/sources/001_a.txt', text), t, new Map(), () => normalizeWithMap(text));
    },
  ],
  ['headingKey', (t) => headingKey(t)],
  ['decodeHtml', (t) => decodeHtml(new TextEncoder().encode(t))],
  [
    'joinHyphenation',
    (t) => {
      const lines = [`con-`, t, `${t.slice(0, 1000)}-`, 'tinued'];
      joinHyphenation(lines, new Vocabulary(lines), {
        pages: 0,
        twoColumnPages: 0,
        headerFooterLines: 0,
        hyphenJoins: 0,
        hyphenKept: 0,
        hyphenSamples: [],
        runningSamples: [],
      });
    },
  ],
  ['escapeMarkdown', (t) => escapeMarkdown(t)],
  ['shorten', (t) => shorten(t, 400)],
];

/** Entry points through the whole service (they build a workspace, so they return a promise). */
const serviceEntryPoints: [string, (text: string) => Promise<unknown>][] = [
  [
    'hover on a citation',
    async (t) => {
      const note = `[[001#p1]] [[001#L1]] [[001#"${t.slice(0, 20).replace(/["\]\n]/g, ' ')}"]]\n`;
      const service = await serviceOver({ 'sources/001_a.txt': t, 'notes/n.md': note });
      const lines = new LineIndex(note);
      for (const at of [3, 14, 25]) service.hover('memory:///ws/notes/n.md', lines.positionAt(at));
    },
  ],
  [
    'hover on a note link',
    async (t) => {
      const service = await serviceOver({ 'notes/target.md': t, 'notes/n.md': '[[target]]\n' });
      service.hover('memory:///ws/notes/n.md', { line: 0, character: 3 });
    },
  ],
  [
    'createAnchor (source text)',
    async (t) => {
      // A selection in the middle of a source whose words repeat: prefix and suffix are cut from the text around it.
      const text = `${t}\nthe vote passed. ${t}\nthe vote passed.\n`;
      const service = await serviceOver({ 'sources/001_a.txt': text });
      const lines = new LineIndex(text);
      const at = text.indexOf('the vote passed');
      await service
        .createAnchor('memory:///ws/sources/001_a.txt', { start: lines.positionAt(at), end: lines.positionAt(at + 15) }, 'vote')
        .catch(() => undefined);
    },
  ],
  [
    'createAnchor (anchor file text)',
    async (t) => {
      const service = await serviceOver({ 'sources/001_a.txt': 'the vote passed.\n', 'sources/001_a.anchors.yaml': t });
      await service
        .createAnchor('memory:///ws/sources/001_a.txt', { start: { line: 0, character: 0 }, end: { line: 0, character: 15 } }, 'vote')
        .catch(() => undefined);
    },
  ],
];

const SHAPE_SIZE = 150 * 1024;
/** A space stands for `[ \t]`, a line break for `\s` across lines, a letter for `.` and `[^\n]`. */
const TOKEN_RUNS = [' ', '\n', 'a'];

/** `lead`, a 150 KB run of `run`, then `tail` and the non-matching end. */
function shape(lead: string, run: string, tail: string): string {
  return shapeText(lead, run, tail, SHAPE_SIZE);
}

/** The entry point that reads each role of the found shapes. */
const FOUND_VIA = {
  note: ['scanCitations', 'parseNote', 'sentencesIn'],
  'source.md': ['parseSource (.md)'],
  anchors: ['createAnchor (anchor file text)'],
  dates: ['analyzeDates'],
} as const;

const everyEntry = new Map<string, (text: string) => unknown>([...entryPoints, ...serviceEntryPoints]);

/**
 * Inputs over 2 s that are not regular expressions but linear-time parsers with a high
 * constant (measured at 100 KB): micromark (remark) on `\\`, `---\\n`, newlines,
 * fences and HTML tags (2–4 s; `<a>` × 100 KB: 1 s of CPU, 0.3 s at 25 KB); the `yaml`
 * parser on bracket runs (2–3 s); V8's `Intl.Segmenter`
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

  describe('token, long run, token', () => {
    it('lists every file whose regexes can backtrack over a long run, with a token for each such regex', () => {
      const files = execFileSync('git', ['ls-files', 'server/src'], { cwd: REPO, encoding: 'utf8' })
        .split('\n')
        .filter((f) => f.endsWith('.ts'));
      const found = new Map<string, string[]>();
      for (const file of files) {
        const risky = regexesIn(readFileSync(join(REPO, file), 'utf8')).filter((r) => mayBacktrack(r.pattern, r.flags));
        if (risky.length > 0)
          found.set(
            file,
            risky.map((r) => `${file}:${r.line} /${r.pattern}/${r.flags}`),
          );
      }
      for (const [file, regexes] of found) {
        const row = BACKTRACKING[file];
        assert.ok(row, `add ${file} to BACKTRACKING with its entry points and a token for each of:\n${regexes.join('\n')}`);
        assert.ok(
          row.leads.length >= regexes.length,
          `${file} has ${regexes.length} such regexes but ${row.leads.length} tokens:\n${regexes.join('\n')}`,
        );
        for (const via of row.via) assert.ok(everyEntry.has(via), `${file}: no entry point named ${via}`);
      }
      for (const file of Object.keys(BACKTRACKING))
        assert.ok(found.has(file), `${file} no longer has such regexes: drop it from BACKTRACKING`);
    });

    it('the scan reads a `new RegExp(` pattern written on its own lines, as a `+` chain of strings and templates', () => {
      const src = "const e = new RegExp(\n  '\\\\b(?:a|b)\\\\s+' +\n    `(\\\\w+)${X}`,\n  'g',\n);\nconst f = /x/;\n";
      assert.deepEqual(
        regexesIn(src).map((r) => [r.line, r.pattern, r.flags, mayBacktrack(r.pattern, r.flags)]),
        [
          [2, '\\b(?:a|b)\\s+(\\w+)${X}', 'g', true],
          [6, 'x', '', false],
        ],
      );
    });

    it('the scan finds such regexes and passes over safe ones', () => {
      const src =
        'const a = /^title\\s*:\\s*(.*?)\\s*$/m; const b = x / 2 / y; const c = /\\s+/g; const d = new ' +
        "RegExp(`\\\\b${M}\\\\s+(\\\\d+)`, 'i'); // /\\s+$/\n";
      const found = regexesIn(src);
      assert.deepEqual(
        found.map((r) => [r.pattern, r.flags, mayBacktrack(r.pattern, r.flags)]),
        [
          ['^title\\s*:\\s*(.*?)\\s*$', 'm', true],
          ['\\s+', 'g', false],
          ['\\b${M}\\s+(\\d+)', 'i', true],
        ],
      );
    });

    for (const [file, { via, leads }] of Object.entries(BACKTRACKING)) {
      it(`${file.replace('server/src/core/', '')}: each token, a 150 KB run, then a failing token`, async () => {
        for (const name of via) {
          const f = everyEntry.get(name)!;
          for (const lead of leads) {
            for (const run of TOKEN_RUNS) {
              for (const tail of ['y', lead]) {
                const ms = await cpuTime(() => f(shape(lead, run, tail)));
                assert.ok(
                  ms < LIMIT_MS,
                  `${name} on ${JSON.stringify(lead)} + ${JSON.stringify(run)} × 150 KB + ${JSON.stringify(tail)} ` +
                    `took ${Math.round(ms)} ms of CPU`,
                );
              }
            }
          }
        }
      });
    }

    it('the stalls found in review: source headings and titles, an unclosed citation, a padded anchor file, a long paragraph', async () => {
      for (const found of foundShapes(SHAPE_SIZE)) {
        for (const name of FOUND_VIA[found.role]) {
          const ms = await cpuTime(() => everyEntry.get(name)!(found.text));
          assert.ok(ms < LIMIT_MS, `${name} on ${found.name} (150 KB) took ${Math.round(ms)} ms of CPU`);
        }
      }
    });
  });

  // The known slow parser inputs above (dependencies, linear but slow), at 20 KB.
  it('known slow inputs of micromark, yaml and Intl.Segmenter finish at 20 KB', () => {
    for (const [name, f] of entryPoints)
      for (const unit of KNOWN_SLOW[name] ?? []) timed(name, unit, () => f(adversarial(unit, SLOW_SIZE)));
  });

  it('the rules (the whole service) on a hostile note and source', async () => {
    for (const unit of [
      '"',
      '“a ',
      'January ',
      'Monday, ',
      '12 ',
      '[[a#"',
      '`',
      'nearly 10 days since ',
      '…',
      '--',
      '\n',
      'On Monday, March 3 [[001#k]]. \n\n',
    ]) {
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

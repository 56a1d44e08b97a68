/**
 * Hostile text shapes, shared by the hang detector (`test/unit/redos.test.ts`) and the
 * time budget (`scripts/hostile-budget.ts`): one ambiguous unit repeated, and "token,
 * long run, token", the shape that makes adjacent quantifiers backtrack.
 */

/** Ambiguous units: each is repeated to the size, then a tail that matches nothing. */
export const UNITS = [
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\n\n',
  '#',
  '# ',
  '[',
  ']',
  '[[',
  ']]',
  '[[a',
  '[[a#',
  '[[a#"',
  '|',
  '`',
  '``',
  '```\n',
  '~~~\n',
  '1',
  '12 ',
  '2021',
  '1,',
  ',',
  ', ',
  'January ',
  'Jan. ',
  'Monday, ',
  'Mon., ',
  'Wednesday, October ',
  '8th of ',
  'of ',
  '2021-12-',
  '--',
  '-- ',
  '—',
  '–',
  '…',
  '...',
  '.',
  '"',
  '“',
  '”',
  "'",
  '’',
  '"a ',
  '“a” ',
  '[sic] ',
  '[a] ',
  '- ',
  '* ',
  '1. ',
  '> ',
  '>',
  '    ',
  '<!--',
  '-->',
  '$',
  '$$',
  '$a ',
  '$$a ',
  '<',
  '---\n',
  '\\',
  '*',
  '_',
  'a',
  'a ',
  'aaed ',
  'will ',
  'plans to ',
  'nearly 10 days since ',
  '10 months since ',
  'since ',
  'the ',
  'of this year ',
  'é',
  '😀',
  'a\u0301',
  // Dates dense with citations, links and markup (a note that dates every sentence).
  'Jan. 5 ',
  'On Monday, March 3 [[001#p1]] ',
  'said on Friday, ',
  'a/',
  '](',
  '<a>',
  'a.b',
  '5<sup>th</sup> ',
  'https://x.org/2019-03-04 ',
];

/** What ends every generated text: matches nothing the parsers look for. */
export const TAIL = '\u0000!x';

/** Runs to put between two tokens: what `\s*`, `[ \t]*`, `.*` and `[^\n]*` take. */
export const RUNS = [' ', '\t', '\n', 'a', ' \n'];

/** `unit` repeated to `size` characters, then the tail. */
export function adversarial(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + TAIL;
}

/** `lead`, a run of `run` to `size` characters, then `tail` and the tail that matches nothing. */
export function shape(lead: string, run: string, tail: string, size: number): string {
  return lead + run.repeat(Math.ceil(size / run.length)) + tail + TAIL;
}

/** The shapes of the stalls found in review (issue #17), as reported, at `size`. */
export function foundShapes(size: number): { name: string; role: 'note' | 'source.md' | 'anchors' | 'dates'; text: string }[] {
  const paragraph = 'See x here. '.repeat(Math.ceil(size / 12));
  // Twice the size: searched back from each year to its line's start, it took 2.7 s at 150 KB.
  const years = 'On March 3, 2021 we met. ' + '2021 # '.repeat(Math.ceil((2 * size) / 7));
  return [
    { name: 'source heading `# x`, spaces, `y`', role: 'source.md', text: shape('# x', ' ', 'y', size) },
    { name: 'source front matter `title: a`, spaces, `b`', role: 'source.md', text: shape('---\ntitle: a', ' ', 'b\n---\n', size) },
    { name: 'unclosed `[[001`, spaces, `x`', role: 'note', text: shape('[[001', ' ', 'x', size) },
    { name: 'anchor file padded with blank lines', role: 'anchors', text: shape('k: v', '\n', '', size) },
    { name: 'one paragraph `See x here.` × N with a citation', role: 'note', text: paragraph + '[[001]]' },
    { name: 'a dated line of thousands of years (year headings)', role: 'dates', text: years },
  ];
}

/**
 * Each file with regexes that can backtrack over a long run (`mayBacktrack`): the entry
 * points that apply them, and a token that starts a match of each (at least one per
 * such regex). A regex added to a file needs its token here. The hang detector
 * (`test/unit/redos.test.ts`) feeds them to the entry points; the time budget
 * (`scripts/hostile-budget.ts`) feeds every token to the whole service.
 */
export const BACKTRACKING: Record<string, { via: string[]; leads: string[] }> = {
  'server/src/core/anchors.ts': { via: ['resolveAnchor (anchor text)'], leads: ['page='] },
  'server/src/core/parse/blockIds.ts': { via: ['parseNote'], leads: [' ^a'] },
  'server/src/core/parse/blocks.ts': { via: ['parseNote'], leads: ['* * *', '- - -', '===', '<a:'] },
  'server/src/node/extract/extractFile.ts': { via: ['decodeHtml'], leads: ['<meta charset='] },
  'server/src/node/extract/layout.ts': { via: ['joinHyphenation'], leads: ['word', 'a-'] },
  'server/src/core/dates/analyze.ts': { via: ['analyzeDates'], leads: ['\n'] },
  'server/src/core/rules/GN024-invalid-date.ts': {
    via: ['judgeDates'],
    leads: ['there is no February 31', 'February 30, 2021 is', 'March 12 to March 5', 'from March 12 to March 5'],
  },
  'server/src/core/dates/elapsed.ts': { via: ['analyzeDates'], leads: ['had been '] },
  'server/src/core/dates/mask.ts': { via: ['analyzeDates'], leads: [' a', '\n'] },
  'server/src/core/dates/resolve.ts': {
    via: ['analyzeDates'],
    leads: ['since ', "On Monday, March 3 '", '\n\n**Feb 26, 2021', '\n\n**_12/15/2020', '\n\n2020/02/25 '],
  },
  'server/src/core/features/completion.ts': { via: ['hover on a note link'], leads: ['[a]:'] },
  'server/src/core/features/linkHover.ts': { via: ['hover on a note link'], leads: ['---\n', ' ^a', '100x'] },
  'server/src/core/dates/en.ts': {
    via: ['english.extract', 'english.tenses', 'analyzeDates'],
    leads: [
      'Monday, January',
      '12th of',
      '2021-12-07',
      'December',
      'of this',
      '10 days since',
      'weeks after',
      'to',
      'plans',
      'said',
      'January 5 -',
      'January 5,',
    ],
  },
  'server/src/core/features/createAnchor.ts': { via: ['createAnchor (source text)'], leads: ['x'] },
  'server/src/core/features/passage.ts': { via: ['hover on a citation'], leads: ['x'] },
  'server/src/core/parse/docDate.ts': {
    via: ['findFullDate', 'isDateOnlyLine', 'labelledDate', 'parseNote'],
    leads: ['Monday, January', '12th of', '**Meeting date / time', '---\ndate:'],
  },
  'server/src/core/parse/lexical.ts': { via: ['parseNote (lexical reading)', 'lexicalExclusions'], leads: ['---\n', '```', '> - 1.'] },
  'server/src/core/parse/math.ts': { via: ['parseNote'], leads: ['$x\n'] },
  'server/src/core/parse/note.ts': {
    via: ['parseNote'],
    leads: ['# x', '\n', '---\n', '---\nkey:', '---\ndate:', '#', '## x', '---\ntitle: a', '<a '],
  },
  'server/src/core/parse/source.ts': { via: ['parseSource (.txt)', 'parseSource (.md)'], leads: ['#', '---\n', '# x', '---\ntitle: a'] },
};

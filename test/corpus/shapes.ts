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
export function foundShapes(size: number): { name: string; role: 'note' | 'source.md' | 'anchors'; text: string }[] {
  const paragraph = 'See x here. '.repeat(Math.ceil(size / 12));
  return [
    { name: 'source heading `# x`, spaces, `y`', role: 'source.md', text: shape('# x', ' ', 'y', size) },
    { name: 'source front matter `title: a`, spaces, `b`', role: 'source.md', text: shape('---\ntitle: a', ' ', 'b\n---\n', size) },
    { name: 'unclosed `[[001`, spaces, `x`', role: 'note', text: shape('[[001', ' ', 'x', size) },
    { name: 'anchor file padded with blank lines', role: 'anchors', text: shape('k: v', '\n', '', size) },
    { name: 'one paragraph `See x here.` × N with a citation', role: 'note', text: paragraph + '[[001]]' },
  ];
}

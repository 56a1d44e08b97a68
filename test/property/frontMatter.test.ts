/**
 * Property: a note's title and date read from front matter without the YAML parser
 * (plain and quoted values on their line) are what the YAML parser reads. The same
 * front matter is read twice: as written, and with a first line added that only the parser
 * takes (a quoted key, which the fast path refuses), which changes no value.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseNote } from '../../server/src/core/parse/note.js';
import { PROPERTY_SEED } from './seed.js';

const URI = 'memory:///ws/notes/fm.md';
/** A line only the YAML parser reads: a quoted key. */
const ADDED = '"zz": 1';

/** Characters a value is made of: the ones that quote, escape, comment or separate in YAML among them. */
const char = fc.constantFrom(
  'a',
  'B',
  ' ',
  '  ',
  '"',
  "'",
  "''",
  '\\',
  '#',
  ' #',
  ':',
  ': ',
  '-',
  '[',
  ']',
  ',',
  '\t',
  '2021-12-10',
  '“',
  'é',
);
const content = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));

/** A value as a user or a tool writes it after `key: `: plain, double- or single-quoted, perhaps with a comment. */
const value = fc.oneof(
  content,
  content.map((c) => `"${c}"`),
  content.map((c) => `'${c}'`),
  content.map((c) => `'${c.replace(/'/g, "''")}'`),
  fc.tuple(content, fc.constantFrom(' # note', '#x', ' ', ' x', '"')).map(([c, tail]) => `"${c}"${tail}`),
  fc.tuple(content, fc.constantFrom(' # note', '#x', ' ', ' x', "'")).map(([c, tail]) => `'${c}'${tail}`),
  fc.constantFrom('2021-12-10', '"2021-12-10"', "'December 10, 2021'", '"Friday, December 10, 2021"', ''),
);

/**
 * Other keys, once each, with values YAML reads: the title and date lines are read alone when the
 * others only start values (a duplicate key elsewhere, which the parser refuses, is not looked for).
 */
const other = fc.constantFrom(
  'tags:\n  - "clippings"',
  'author:\n  - "[[Someone]]"',
  'published:',
  'source: "https://example.com/a"',
  'aliases: []',
);

const frontMatter = fc
  .tuple(fc.option(value, { nil: undefined }), fc.option(value, { nil: undefined }), fc.uniqueArray(other, { maxLength: 3 }), fc.boolean())
  .map(([title, date, others, crlf]) => {
    const lines = [...(title !== undefined ? [`title: ${title}`] : []), ...others, ...(date !== undefined ? [`date: ${date}`] : [])];
    return { lines, crlf };
  });

function note(lines: string[], crlf: boolean): string {
  const eol = crlf ? '\r\n' : '\n';
  return `---${eol}${lines.join(eol)}${eol}---${eol}# Heading${eol}`;
}

describe('property: front matter read without the YAML parser', function () {
  this.timeout(60000);

  it('gives the title and date the YAML parser gives', () => {
    fc.assert(
      fc.property(frontMatter, ({ lines, crlf }) => {
        const fast = parseNote(URI, note(lines, crlf));
        const parsed = parseNote(URI, note([ADDED, ...lines], crlf));
        // The added line moves the date's span by its length.
        const shift = ADDED.length + (crlf ? 2 : 1);
        const date = parsed.date && { ...parsed.date, span: { start: parsed.date.span.start - shift, end: parsed.date.span.end - shift } };
        assert.deepEqual({ title: fast.title, date: fast.date }, { title: parsed.title, date }, JSON.stringify(lines));
      }),
      { seed: PROPERTY_SEED, numRuns: 3000 },
    );
  });

  it('reads the Web Clipper’s quoted title without the parser, and a title with an escape with it', () => {
    assert.equal(
      parseNote(URI, note(['title: "Running a Reading Guild: a year on"', 'tags:', '  - "clippings"'], false)).title,
      'Running a Reading Guild: a year on',
    );
    assert.equal(parseNote(URI, note(["title: 'It''s # not a comment' # a comment"], false)).title, "It's # not a comment");
    assert.equal(parseNote(URI, note(['title: "Say \\"when\\""'], false)).title, 'Say "when"');
    // Unreadable as YAML: no title from the front matter, the first heading's.
    assert.equal(parseNote(URI, note(['title: "unclosed'], false)).title, 'Heading');
    // A line only the parser reads (a quoted key) leaves the title to it.
    assert.equal(parseNote(URI, note(['"aliases": [x]', 'title: Summit'], false)).title, 'Summit');
  });
});

/**
 * The bad-input corpus as data: what each case feeds the checker and what must come
 * out. Every case's workspace also holds the base note (`notes/base.md`, one known
 * GN001) and source (`sources/001_base.txt`), which must still be checked.
 * Small inputs are checked in under `fixtures/<id>/`; large ones are generated here.
 * `test/unit/corpus.test.ts` runs them; `table.ts` prints the README's table.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BASE_FILES: Record<string, string> = {
  'sources/001_base.txt': 'Hello there.\n\nSecond paragraph.\n',
  'notes/base.md': 'Good [[001#p1]]; bad [[999]].\n',
};
/** The problem the base note must always show. */
export const BASE_PROBLEM = {
  file: 'notes/base.md',
  line: 1,
  code: 'GN001',
  message: 'Unknown source `999`: no source has that id and no note that name',
};

export interface Expected {
  /** Path relative to the workspace folder. */
  file: string;
  code: string;
  /** The message, exactly. */
  message: string;
  /** 1-based line, when it matters. */
  line?: number;
}

/** How a case's files get into the workspace besides `fixtures/<id>/`. */
export type Generate = (dir: string) => void;

export interface CorpusCase {
  id: string;
  /** The class of input (a row group of the README table). */
  class: string;
  /** What the input is. */
  input: string;
  /** Every problem reported for files other than the base files, exactly. */
  expect: Expected[];
  /** What else must hold, in words (checked by the test named after the case). */
  also?: string;
  /** Files under `fixtures/<id>/` are copied in. */
  fixture?: boolean;
  /** Writes generated files into the workspace folder. */
  generate?: Generate;
  /** `.vscode/settings.json` contents. */
  settings?: Record<string, unknown>;
  /** The case needs a Workspace wrapper (see the test): core service only, not the CLI. */
  wrapper?: 'deleteWhileIndexing' | 'throwEacces' | 'recordReads';
  /** Also run through `grounded-notes check --format json`. */
  cli?: boolean;
}

const write = (dir: string, path: string, text: string | Buffer) => writeFileSync(join(dir, path), text);
const TOO_DEEP = 'Invalid YAML: collections nested more than 100 levels deep (an anchor file needs two); the file is not read';
const NOT_UTF8 = 'Not checked: the file could not be read as UTF-8 text (binary, unreadable, or removed while indexing)';

export const cases: CorpusCase[] = [
  // Encodings
  {
    id: 'binary-nul',
    class: 'encoding',
    input: 'binary file with NUL bytes as a source',
    fixture: true,
    cli: true,
    expect: [{ file: 'sources/003_binary.txt', code: 'GN007', message: NOT_UTF8 }],
  },
  {
    id: 'latin1',
    class: 'encoding',
    input: 'Latin-1 text as a source',
    fixture: true,
    cli: true,
    expect: [{ file: 'sources/004_latin1.txt', code: 'GN007', message: NOT_UTF8 }],
  },
  {
    id: 'utf16',
    class: 'encoding',
    input: 'UTF-16LE text with BOM as a source',
    fixture: true,
    cli: true,
    expect: [{ file: 'sources/005_utf16.txt', code: 'GN007', message: NOT_UTF8 }],
  },
  // Anchor files
  {
    id: 'yaml-syntax',
    class: 'anchor file',
    input: 'YAML syntax error (`kirby: [oops`)',
    fixture: true,
    cli: true,
    expect: [
      {
        file: 'sources/010_syntax.anchors.yaml',
        code: 'GN006',
        line: 2,
        message: 'Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
    ],
  },
  {
    id: 'yaml-list',
    class: 'anchor file',
    input: 'a list at the top',
    fixture: true,
    expect: [
      {
        file: 'sources/011_list.anchors.yaml',
        code: 'GN006',
        line: 1,
        message: 'An anchor file must be a map of anchor names to quotes, e.g. `kirby-briefing: John Kirby clarified`',
      },
    ],
  },
  {
    id: 'yaml-number',
    class: 'anchor file',
    input: 'a number as the quote',
    fixture: true,
    expect: [
      {
        file: 'sources/012_number.anchors.yaml',
        code: 'GN006',
        line: 1,
        message: 'Anchor `answer` needs a quote: the exact words of the passage',
      },
    ],
  },
  {
    id: 'yaml-no-quote',
    class: 'anchor file',
    input: 'a map without `quote`',
    fixture: true,
    expect: [
      {
        file: 'sources/013_noquote.anchors.yaml',
        code: 'GN006',
        line: 1,
        message: 'Anchor `greeting` has no `quote`: the exact words of the passage',
      },
    ],
  },
  {
    id: 'yaml-duplicate',
    class: 'anchor file',
    input: 'duplicate keys',
    fixture: true,
    expect: [
      {
        file: 'sources/014_dup.anchors.yaml',
        code: 'GN006',
        line: 2,
        message: 'Invalid YAML: Map keys must be unique: `greeting` is written twice',
      },
    ],
  },
  {
    id: 'yaml-alias-bomb',
    class: 'anchor file',
    input: 'alias bomb ("billion laughs", 9 levels of 9 aliases)',
    fixture: true,
    cli: true,
    also: 'aliases are never expanded',
    expect: 'abcdefghi'
      .split('')
      .map((k, i) => ({
        file: 'sources/015_bomb.anchors.yaml',
        code: 'GN006',
        line: i + 1,
        message: `Anchor \`${k}\` must be a quote or a map with \`quote\`, \`prefix\`, \`suffix\``,
      }))
      .concat([
        {
          file: 'sources/015_bomb.anchors.yaml',
          code: 'GN006',
          line: 10,
          message: 'Anchor `bomb` must be a quote or a map with `quote`, `prefix`, `suffix`',
        },
      ]),
  },
  {
    id: 'many-anchor-keys',
    class: 'anchor file',
    input: '100,000 keys, all resolving',
    cli: true,
    generate: (dir) => {
      const lines: string[] = [];
      for (let i = 0; i < 100_000; i++) lines.push(`k${i}: Hello there`);
      write(dir, 'sources/001_base.anchors.yaml', lines.join('\n') + '\n');
      write(dir, 'notes/keys.md', 'First [[001#k0]], last [[001#k99999]], missing [[001#k100000]].\n');
    },
    expect: [
      {
        file: 'notes/keys.md',
        code: 'GN002',
        line: 1,
        message: 'No anchor `k100000` in source 001; did you mean `k10000`, `k10` or `k100`?',
      },
    ],
  },
  {
    id: 'front-matter-bomb',
    class: 'anchor file',
    input: "alias bomb in a note's front matter",
    fixture: true,
    also: 'the note is still read',
    expect: [],
  },
  {
    id: 'yaml-nesting',
    class: 'anchor file',
    input:
      'two anchor files of 4,000 `[` and of 3,000 `- `, two notes whose front matter is `x: ` and 4,000 `[` or `{` (the process aborted)',
    cli: true,
    also: 'the notes are still read; the same on worker threads',
    generate: (dir) => {
      write(dir, 'sources/030_deep.txt', 'Deep.\n');
      write(dir, 'sources/030_deep.anchors.yaml', '['.repeat(4000));
      write(dir, 'sources/001_base.anchors.yaml', '- '.repeat(3000) + 'x\n');
      write(dir, 'notes/deep-a.md', `---\nx: ${'['.repeat(4000)}\n---\nStill read [[001#p1]].\n`);
      write(dir, 'notes/deep-b.md', `---\nx: ${'{'.repeat(4000)}\n---\nStill read [[030]].\n`);
    },
    expect: [
      { file: 'sources/030_deep.anchors.yaml', code: 'GN006', line: 1, message: TOO_DEEP },
      { file: 'sources/001_base.anchors.yaml', code: 'GN006', line: 1, message: TOO_DEEP },
    ],
  },
  {
    id: 'big-anchor-file',
    class: 'anchor file',
    input: '20 MB anchor file (it took 1.7 GB and 9 s)',
    cli: true,
    wrapper: 'recordReads',
    also: 'the file is never read',
    generate: (dir) => {
      write(dir, 'sources/031_big.txt', 'Big.\n');
      write(dir, 'sources/031_big.anchors.yaml', 'k: Big\n'.repeat((20 * 1024 * 1024) / 7));
    },
    expect: [
      {
        file: 'sources/031_big.anchors.yaml',
        code: 'GN007',
        line: 1,
        message: 'Not checked: the file is 20.0 MB, over groundedNotes.maxFileSize (5.0 MB)',
      },
    ],
  },
  // Hostile content
  {
    id: 'hostile-source',
    class: 'hostile content',
    input: 'source with `<script>`, raw HTML, Markdown links and `command:` URIs',
    fixture: true,
    cli: true,
    also: 'hover and completion show them escaped; the only command link is `command:groundedNotes.openSourceAt`',
    expect: [],
  },
  {
    id: 'path-traversal',
    class: 'hostile content',
    input: 'note citing `[[../../etc/passwd]]`',
    fixture: true,
    cli: true,
    also: 'nothing outside the workspace is read',
    wrapper: 'recordReads',
    expect: [
      { file: 'notes/traversal.md', code: 'GN001', line: 1, message: 'No note or file `../../etc/passwd` in the workspace' },
      { file: 'notes/traversal.md', code: 'GN001', line: 1, message: 'No note or file `/etc/passwd` in the workspace' },
    ],
  },
  {
    id: 'markdown-in-names',
    class: 'hostile content',
    input: 'sources named `x![i](https:127.0.0.1:9)_y.txt` and `<https:127.0.0.1:9>_z.txt`, dated, cited beside a wrong weekday',
    also: 'the date hovers and their GN020 text show the names escaped: no link, image or HTML',
    generate: (dir) => {
      write(dir, 'sources/x![i](https:127.0.0.1:9)_y.txt', 'December 7, 2021\n\nThe summit was on Tuesday, December 7.\n');
      write(dir, 'sources/<https:127.0.0.1:9>_z.txt', 'December 7, 2021\n\nThe summit was on Tuesday, December 7.\n');
      write(
        dir,
        'notes/names.md',
        'It was on Wednesday, October 8 [[x![i](https:127.0.0.1:9)]].\n\nAnd on Wednesday, October 8 [[<https:127.0.0.1:9>]].\n',
      );
    },
    expect: [0, 1].flatMap((i) => [
      {
        file: 'notes/names.md',
        code: 'GN020',
        line: 1 + 2 * i,
        message:
          `October 8, 2021 was a Friday, not a Wednesday (year from ` +
          `source ${['x![i](https:127.0.0.1:9)', '<https:127.0.0.1:9>'][i]}'s date line)`,
      },
      {
        file: 'notes/names.md',
        code: 'GN021',
        line: 1 + 2 * i,
        message: 'October 8 lies outside the timeline around it (December 7, 2021); did you mean Wednesday, December 8, 2021?',
      },
    ]),
  },
  {
    id: 'hostile-html',
    class: 'hostile content',
    input: 'saved web page full of scripts, `javascript:` links, event handlers, frames, a meta refresh and remote styles',
    fixture: true,
    cli: true,
    also:
      "no script runs (its text is not in the page's text, its changes to the title and body never " +
      'happen), nothing is fetched, hovers show plain text',
    expect: [],
  },
  {
    id: 'pdf-throws',
    class: 'PDF',
    input: 'a password-protected PDF, on which pdf.js throws, and an HTML page named `.pdf`',
    fixture: true,
    cli: true,
    also: 'the rest is checked; citations of them are not reported again (the source exists; its GN007 says why it is not read)',
    expect: [
      {
        file: 'sources/030_password.pdf',
        code: 'GN007',
        line: 1,
        message: 'Not checked: the PDF could not be read (it is protected by a password)',
      },
      {
        file: 'sources/031_misnamed.pdf',
        code: 'GN007',
        line: 1,
        message: 'Not checked: the PDF could not be read (Invalid PDF structure.)',
      },
    ],
  },
  {
    id: 'pdf-500-pages',
    class: 'PDF',
    input: 'a 500-page PDF (3.6 MB)',
    cli: true,
    also: 'its last page is read; the server stays free (it is read on a worker thread)',
    generate: (dir) => {
      const made = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'makePdf.ts'), join(dir, 'sources/050_long-report.pdf'), '500'],
        { encoding: 'utf8' },
      );
      if (made.status !== 0) throw new Error(`makePdf.ts failed: ${made.stderr}`);
      write(dir, 'notes/long.md', 'The last page [[050#page=500]] and one past it [[050#page=501]].\n');
    },
    expect: [{ file: 'notes/long.md', code: 'GN002', line: 1, message: 'No anchor `page=501` in source 050: source 050 has 500 pages' }],
  },
  {
    id: 'unterminated',
    class: 'malformed Markdown',
    input: 'unterminated `[[` at the end of the file',
    fixture: true,
    cli: true,
    expect: [
      {
        file: 'notes/unterminated.md',
        code: 'GN004',
        line: 1,
        message: 'Malformed citation: unclosed `[[`: a link ends with `]]` on the same line',
      },
    ],
  },
  // Size and depth
  {
    id: 'big-note',
    class: 'size and depth',
    input: '20 MB note',
    cli: true,
    wrapper: 'recordReads',
    also: 'the note is never read',
    generate: (dir) => write(dir, 'notes/big.md', '[[999]] '.repeat((20 * 1024 * 1024) / 8)),
    expect: [
      {
        file: 'notes/big.md',
        code: 'GN007',
        line: 1,
        message: 'Not checked: the file is 20.0 MB, over groundedNotes.maxFileSize (5.0 MB)',
      },
    ],
  },
  {
    id: 'many-citations',
    class: 'size and depth',
    input: '10,000 citations on one line',
    cli: true,
    generate: (dir) => write(dir, 'notes/many.md', '[[001#p1]] '.repeat(9_999) + '[[998]]\n'),
    expect: [
      { file: 'notes/many.md', code: 'GN001', line: 1, message: 'Unknown source `998`: no source has that id and no note that name' },
    ],
  },
  {
    id: 'nested-lists',
    class: 'size and depth',
    input: 'lists nested 5,000 deep on one line',
    cli: true,
    generate: (dir) => write(dir, 'notes/lists.md', '- '.repeat(5_000) + 'deep `[[997#code]]` [[997]]\n'),
    expect: [
      { file: 'notes/lists.md', code: 'GN001', line: 1, message: 'Unknown source `997`: no source has that id and no note that name' },
    ],
  },
  {
    id: 'nested-quotes',
    class: 'size and depth',
    input: '5,000 `>` block quotes',
    cli: true,
    generate: (dir) => write(dir, 'notes/quotes.md', '>'.repeat(5_000) + ' deep <!-- [[996#comment]] --> [[996]]\n'),
    expect: [
      { file: 'notes/quotes.md', code: 'GN001', line: 1, message: 'Unknown source `996`: no source has that id and no note that name' },
    ],
  },
  {
    id: 'dated-citations',
    class: 'size and depth',
    input: '1 MB note of dated sentences, each citing a source, one weekday wrong at the end',
    cli: true,
    generate: (dir) => {
      const paragraph =
        'On Wednesday, March 3 the board met [[001#p1]]. It voted on Friday, March 5 and adjourned (see ' +
        'https://example.org/2019-03-04-notes) [[001#p2]].\n\n';
      write(
        dir,
        'notes/dated.md',
        '---\ndate: 2021-03-10\n---\n' +
          paragraph.repeat(Math.ceil((1024 * 1024) / paragraph.length)) +
          'On Tuesday, March 3 the board met again [[001#p1]].\n',
      );
    },
    expect: [
      { file: 'notes/dated.md', code: 'GN020', message: "March 3, 2021 was a Wednesday, not a Tuesday (year from the note's date)" },
    ],
  },
  {
    id: 'long-runs',
    class: 'size and depth',
    input:
      'a source heading `# x`, 100,000 spaces, `y`; a source title `title: a`, 100,000 spaces, `b`; ' +
      'an unclosed `[[001`, 100,000 spaces, `x` (8–10 s each)',
    cli: true,
    generate: (dir) => {
      const spaces = ' '.repeat(100_000);
      write(dir, 'sources/032_heading.md', `# x${spaces}y\n\nText.\n`);
      write(dir, 'sources/033_title.md', `---\ntitle: a${spaces}b\n---\n\nText.\n`);
      write(dir, 'notes/unclosed.md', `See [[001${spaces}x\n`);
    },
    expect: [
      {
        file: 'notes/unclosed.md',
        code: 'GN004',
        line: 1,
        message: 'Malformed citation: unclosed `[[`: a link ends with `]]` on the same line',
      },
    ],
  },
  {
    id: 'long-paragraph',
    class: 'size and depth',
    input: 'one 960 KB paragraph (`See x here. ` × 80,000) ending in a misquote with a citation (48 s)',
    cli: true,
    generate: (dir) => write(dir, 'notes/paragraph.md', 'See x here. '.repeat(80_000) + 'He said "Hello where" [[001#p1]].\n'),
    expect: [
      {
        file: 'notes/paragraph.md',
        code: 'GN010',
        line: 1,
        message: 'Misquote: “Hello where” is not in the cited passage of source 001; the source says “Hello there”',
      },
    ],
  },
  {
    id: 'many-errors',
    class: 'size and depth',
    input: '130,000 `[[999]]` on one line (it gave `0 errors`, exit 0)',
    cli: true,
    generate: (dir) => write(dir, 'notes/errors.md', '[[999]] '.repeat(130_000) + '\n'),
    expect: [
      ...Array.from({ length: 999 }, () => ({
        file: 'notes/errors.md',
        code: 'GN001',
        line: 1,
        message: 'Unknown source `999`: no source has that id and no note that name',
      })),
      {
        file: 'notes/errors.md',
        code: 'GN009',
        line: 1,
        message: '129,001 more problems in this file are not listed (129,001 errors): only the first 999 are',
      },
    ],
  },
  {
    id: 'padded-anchor-file',
    class: 'size and depth',
    input: 'an anchor file padded with 200,000 blank lines (Create Anchor took 8.7 s)',
    also: 'Create Anchor on it answers and appends after the last line',
    generate: (dir) => write(dir, 'sources/001_base.anchors.yaml', 'hello: Hello there\n' + '\n'.repeat(200_000)),
    expect: [],
  },
  // File system
  {
    id: 'symlinks',
    class: 'file system',
    input: 'symlink loops (folder and file) and symlinks leaving the workspace',
    cli: true,
    wrapper: 'recordReads',
    also: 'nothing outside the workspace is listed or read (created at test time)',
    expect: [],
  },
  {
    id: 'deleted-while-indexing',
    class: 'file system',
    input: 'files deleted between listing and reading',
    wrapper: 'deleteWhileIndexing',
    generate: (dir) => {
      write(dir, 'notes/vanishing.md', 'Gone [[995]].\n');
      write(dir, 'notes/ghost.md', 'Gone before stat [[994]].\n');
    },
    expect: [{ file: 'notes/vanishing.md', code: 'GN007', line: 1, message: NOT_UTF8 }],
  },
  {
    id: 'unreadable',
    class: 'file system',
    input: 'files whose read fails with EACCES (a Workspace that throws)',
    wrapper: 'throwEacces',
    also: 'the error is logged',
    generate: (dir) => {
      write(dir, 'notes/locked.md', 'Locked [[993]].\n');
      write(dir, 'sources/007_locked.txt', 'Locked source.\n');
    },
    expect: [
      { file: 'notes/locked.md', code: 'GN007', line: 1, message: 'Not checked: the file could not be read (EACCES: permission denied)' },
      {
        file: 'sources/007_locked.txt',
        code: 'GN007',
        line: 1,
        message: 'Not checked: the file could not be read (EACCES: permission denied)',
      },
    ],
  },
  {
    id: 'settings-outside',
    class: 'file system',
    input:
      '`.vscode/settings.json` linked to `/etc/passwd`, `/proc/self/environ`, `/dev/urandom` or ' +
      '`/dev/stdin` (it echoed them, took 1.2 GB, or blocked)',
    cli: true,
    also: 'the defaults are used and nothing of the file is printed (created at test time)',
    expect: [],
  },
  {
    id: 'outside-roots',
    class: 'file system',
    input: '`sourceRoots: ["../..", "sources"]`',
    cli: true,
    wrapper: 'recordReads',
    settings: { 'groundedNotes.sourceRoots': ['../..', 'sources'] },
    also: 'nothing outside the workspace folder is listed, stated or read',
    expect: [],
  },
];

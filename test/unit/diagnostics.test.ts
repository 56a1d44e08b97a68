import { strict as assert } from 'node:assert';
import { exampleFiles, fixture, fromFiles, problemsOf, ROOT } from '../helpers/fixture.js';
import { goldenOf } from '../helpers/golden.js';

const SOURCE = `Title line

First paragraph about Kirby. John Kirby clarified Biden's comments in a press briefing Friday.

What next?

Second paragraph.
`;
const ANCHORS = `# comment
kirby-briefing: John Kirby clarified Biden's comments
`;

function ws(note: string, extra = '') {
  return fixture(`//- sources/002_abc.txt\n${SOURCE}//- sources/002_abc.anchors.yaml\n${ANCHORS}//- notes/n.md\n${note}${extra}`);
}

describe('diagnostics on notes', () => {
  it('GN001: an unknown source, with the closest ids and a fix', async () => {
    const f = await ws('See [[003#kirby-briefing]].\n');
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:7-1:10 GN001 Unknown source `003`: no source has that id and no note that name; did you mean `002`?',
    ]);
    const fixes = f.service.codeActions(`${ROOT}/notes/n.md`, { start: { line: 0, character: 7 }, end: { line: 0, character: 7 } }, [
      'GN001',
    ]);
    assert.deepEqual(
      fixes.map((x) => [x.title, x.edits[0]!.newText]),
      [['Change to `002`', '002']],
    );
  });

  it('GN001 is not raised for a note name, and `[[../../etc/passwd]]` is just a missing file', async () => {
    const f = await ws('See [[n]] and [[../../etc/passwd]].\n');
    assert.deepEqual(problemsOf(f, 'notes/n.md'), ['1:17-1:33 GN001 No note or file `../../etc/passwd` in the workspace']);
  });

  it('GN002: an unknown anchor with did-you-mean and its quick fix', async () => {
    const f = await ws('Kirby [[002#kirby-brifing]].\n');
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:13-1:26 GN002 No anchor `kirby-brifing` in source 002; did you mean `kirby-briefing`?',
    ]);
    const [fix] = f.service.codeActions(`${ROOT}/notes/n.md`, { start: { line: 0, character: 14 }, end: { line: 0, character: 14 } }, []);
    assert.deepEqual(fix, {
      title: 'Change to `kirby-briefing`',
      isPreferred: true,
      edits: [
        {
          uri: `${ROOT}/notes/n.md`,
          range: { start: { line: 0, character: 12 }, end: { line: 0, character: 25 } },
          newText: 'kirby-briefing',
        },
      ],
    });
  });

  it('GN002: paragraphs, lines and quotes that the source does not have', async () => {
    const f = await ws('[[002#p9]] [[002#L99]] [[002#"not in the source"]]\n');
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:7-1:9 GN002 No anchor `p9` in source 002: source 002 has 4 paragraphs (p1–p4)',
      '1:18-1:21 GN002 No anchor `L99` in source 002: source 002 has 8 lines',
      '1:30-1:49 GN002 No anchor `"not in the source"` in source 002: the words "not in the source" do not occur in source 002',
    ]);
  });

  it('every anchor kind resolves: named, heading, paragraph, line, quote, whole source', async () => {
    const f = await ws(
      '[[002#kirby-briefing]] [[002#what-next]] [[002#p2]] [[002#L3-L5]] [[002#"Kirby clarified"]] [[002]] [[002_abc#p1]]\n',
    );
    assert.deepEqual(problemsOf(f, 'notes/n.md'), []);
  });

  it('quotes match after normalising white space and typographic quotes', async () => {
    const f = await ws('[[002#\u201cJohn   Kirby clarified Biden\u2019s comments\u201d]]\n');
    assert.deepEqual(problemsOf(f, 'notes/n.md'), []);
  });

  it('GN003: two sources share an id; the whole stem disambiguates', async () => {
    const f = await fixture('//- sources/005_a.txt\nA\n//- sources/005_b.txt\nB\n//- notes/n.md\n[[005]] and [[005_b]]\n');
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:3-1:6 GN003 Source id `005` is ambiguous: 2 sources share it (`005_a` or `005_b`); cite the whole stem',
    ]);
  });

  it('GN004: malformed citations span the whole citation', async () => {
    const f = await ws('[[002#]] [[002#L5-L2]]\n[[002#kirby\n');
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:1-1:9 GN004 Malformed citation: the anchor after `#` is empty',
      '1:10-1:23 GN004 Malformed citation: bad line range `L5-L2`: lines count from L1 and a range ends after it starts',
      '2:1-2:12 GN004 Malformed citation: unclosed `[[`: a link ends with `]]` on the same line',
    ]);
  });

  it('a note link to a missing heading is GN002 with a suggestion', async () => {
    const f = await fixture('//- notes/a.md\n# Alpha Section\n//- notes/b.md\n[[a#alpha-sectoin]] [[a#alpha-section]] [[A]]\n');
    assert.deepEqual(problemsOf(f, 'notes/b.md'), ['1:5-1:18 GN002 No heading `alpha-sectoin` in note `a`; did you mean `alpha-section`?']);
  });

  it('did you mean: a name written with spaces finds its hyphenated note, a long typo only its near names', async () => {
    const f = await fixture(
      '//- notes/a-b-c-d.md\n# A\n//- notes/quiet-harbour-view.md\n# Q\n//- notes/quiet-harvest.md\n# ' +
        'H\n//- notes/n.md\n[[a b c d]] [[quiet harbor view]] [[quiet hardware store]]\n',
    );
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:3-1:10 GN001 No note or file `a b c d` in the workspace; did you mean `a-b-c-d`?',
      '1:15-1:32 GN001 No note or file `quiet harbor view` in the workspace; did you mean `quiet-harbour-view`?',
      '1:37-1:57 GN001 No note or file `quiet hardware store` in the workspace',
    ]);
  });

  it('did you mean: a note the name starts with, of three letters or more, not one or two letters', async () => {
    const f = await fixture(
      '//- notes/R.md\n# R\n//- notes/Ra.md\n# Ra\n//- notes/Radio.md\n# Radio\n//- notes/n.md\n[[Radio Signal]] [[Rx]] [[Rad]]\n',
    );
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:3-1:15 GN001 No note or file `Radio Signal` in the workspace; did you mean `Radio`?',
      '1:20-1:22 GN001 No note or file `Rx` in the workspace',
      '1:27-1:30 GN001 No note or file `Rad` in the workspace; did you mean `Ra` or `Radio`?',
    ]);
  });

  it('did you mean: a name of one or two characters is offered nothing by edit distance (a pasted footnote marker)', async () => {
    const f = await fixture(
      '//- notes/a.md\n# a\n//- notes/b.md\n# b\n//- notes/n.md\nThe study[[7]](https://en.wikipedia.org/wiki/X#cite_note-7) and [[ab]].\n',
    );
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:12-1:13 GN001 No note or file `7` in the workspace',
      '1:67-1:69 GN001 No note or file `ab` in the workspace',
    ]);
  });

  it('severities follow groundedNotes.diagnostics, and `off` silences a code', async () => {
    const { files } = await import('../helpers/fixture.js').then((m) =>
      m.parseFixture(`//- notes/n.md\n[[404]] [[]]\n//- sources/001_a.txt\nA source.\n`),
    );
    const f = await fromFiles(files, { diagnostics: { GN001: 'off', GN004: 'warning' } });
    const list = f.service.allProblems().get(`${ROOT}/notes/n.md`)!;
    assert.deepEqual(
      list.map((p) => [p.code, p.severity]),
      [['GN004', 'warning']],
    );
  });
});

describe('GN006 invalid anchor files', () => {
  it('reports a YAML error at its line and keeps the rest of the workspace working', async () => {
    const f = await fixture(
      `//- sources/002_abc.txt\n${SOURCE}//- sources/002_abc.anchors.yaml\nkirby-briefing: John Kirby ` +
        `clarified\nbad: [unclosed\n//- notes/n.md\n[[002#p1]]\n`,
    );
    assert.deepEqual(problemsOf(f, 'sources/002_abc.anchors.yaml'), [
      '2:1-2:15 GN006 Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), []);
  });

  it('reports an anchor file with no source beside it', async () => {
    const f = await fixture('//- sources/009_x.anchors.yaml\na: b\n');
    assert.deepEqual(problemsOf(f, 'sources/009_x.anchors.yaml'), [
      '1:1-1:1 GN006 No source `009_x.txt` or `009_x.md` beside this anchor file: its anchors cannot be cited',
    ]);
  });
});

describe('keeping diagnostics current', () => {
  it('adding a named anchor to the anchor file clears the note’s GN002 without touching the note', async () => {
    const f = await ws('[[002#briefing]]\n');
    f.service.takeChangedProblems();
    const anchors = `${ROOT}/sources/002_abc.anchors.yaml`;
    f.workspace.files.set(anchors, ANCHORS + 'briefing: press briefing Friday\n');
    await f.service.filesChanged([{ uri: anchors, kind: 'changed' }]);
    const changed = f.service.takeChangedProblems();
    assert.deepEqual(changed.get(`${ROOT}/notes/n.md`), []);
  });

  it('deleting a source turns its citations into GN001, re-creating it clears them', async () => {
    const f = await ws('[[002#p1]]\n');
    const src = `${ROOT}/sources/002_abc.txt`;
    f.workspace.files.delete(src);
    await f.service.filesChanged([{ uri: src, kind: 'deleted' }]);
    // With no source left, the message speaks of notes and files only.
    assert.deepEqual(problemsOf(f, 'notes/n.md'), ['1:3-1:6 GN001 No note or file `002` in the workspace']);
    f.workspace.files.set(src, SOURCE);
    await f.service.filesChanged([{ uri: src, kind: 'created' }]);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), []);
  });

  it('an open editor’s text wins over the disk until it is closed', async () => {
    const f = await ws('[[002#p1]]\n');
    const note = `${ROOT}/notes/n.md`;
    f.service.openDocument(note, '[[002#p77]]\n', 2);
    assert.equal(f.service.takeChangedProblems().get(note)?.[0]?.code, 'GN002');
    await f.service.closeDocument(note);
    assert.deepEqual(f.service.takeChangedProblems().get(note), []);
  });
});

describe('the example workspace', () => {
  it('flags exactly the labelled lines of broken-citations.md, as the golden file has them', async () => {
    const f = await fromFiles(exampleFiles());
    const expected = goldenOf('notes/broken-citations.md').map(
      (x) => `${x.line}:${x.column}-${x.endLine}:${x.endColumn} ${x.code} ${x.message}`,
    );
    assert.equal(expected.length, 8);
    assert.deepEqual(problemsOf(f, 'notes/broken-citations.md'), expected);
  });

  it('finds in every note and text source what the command line finds (the golden file)', async () => {
    const f = await fromFiles(exampleFiles());
    // PDFs and saved pages are extracted by the command line only (exampleFiles leaves them
    // out), so the note and the anchor file of them are held to the golden file by the other front ends; so
    // is the binary scan, which exampleFiles reads as text.
    const elsewhere = ['notes/pdf-and-web-sources.md', 'sources/report_summit-2021.anchors.yaml', 'sources/readouts/scan_page-1.txt'];
    const files = Object.keys(exampleFiles()).filter((p) => /\.(md|txt|ya?ml)$/.test(p) && !elsewhere.includes(p));
    for (const file of files) {
      const expected = goldenOf(file).map((x) => `${x.line}:${x.column}-${x.endLine}:${x.endColumn} ${x.code} ${x.message}`);
      assert.deepEqual(problemsOf(f, file), expected, file);
    }
  });

  it('has no citation problems in the notes that use citations correctly', async () => {
    const f = await fromFiles(exampleFiles());
    const citationCodes = ['GN001', 'GN002', 'GN003', 'GN004', 'GN006'];
    for (const note of ['notes/december-summit.md', 'notes/anchor-kinds.md', 'notes/reading list.md']) {
      assert.deepEqual(problemsOf(f, note, citationCodes), [], note);
    }
  });
});

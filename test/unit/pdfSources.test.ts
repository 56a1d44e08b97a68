/**
 * PDFs and saved web pages as sources, at the core boundary: the extracted form is
 * given (test/helpers/extracted.ts), and every anchor kind, check and feature runs on it.
 */
import { strict as assert } from 'node:assert';
import { fixture, problemsOf, ROOT } from '../helpers/fixture.js';
import { locateQuote } from '../../server/src/core/features/locateQuote.js';
import { createAnchor } from '../../server/src/core/features/createAnchor.js';

const REPORT = `%title Annual Report on the Summit
%date 2021-12-20
# Summary

The leaders met by video link on Tuesday, December 7, 2021.
They spoke for two hours.

The talks covered Ukraine and the troops on its border.
\f
# Findings

John Kirby clarified the comments in a briefing on Friday.

A second paragraph on page two repeats the phrase of record.

A third paragraph, with the phrase of record once more.
\f
Page three says that the summit was held on Wednesday, December 7, 2021.
`;

const PAGE = `%title Summit talks | World News
%date 2021-12-08
# Biden and Putin talk for two hours {#top}

By a correspondent.

# What was said {#section-2}

Jake Sullivan said that there is no substitute for direct dialogue between leaders. {#sullivan}

The two leaders spoke on Tuesday, December 7, 2021.
`;

const files = `//- sources/r1_report.pdf\n${REPORT}//- sources/w1_page.html\n${PAGE}`;

describe('PDF sources', () => {
  it('resolves page, page-paragraph, heading, quote and named anchors (with `page:` among repeats)', async () => {
    const f = await fixture(`${files}//- sources/r1_report.anchors.yaml
kirby: John Kirby clarified the comments
record-3:
  quote: the phrase of record
  page: 2
//- notes/n.md
[[r1#page=2]] [[r1#page=2&p=4]] [[r1#findings]] [[r1#"talks covered Ukraine"]] [[r1#kirby]] [[r1#record-3]] [[r1#p3]] [[r1#L3]]
`);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), []);
    const note = f.service.view.note(`${ROOT}/notes/n.md`)!;
    const source = f.service.view.source(`${ROOT}/sources/r1_report.pdf`)!;
    const passages = note.citations.map((c) => {
      const r = f.service.view.resolve(note, c);
      assert.equal(r.kind, 'source');
      return r.kind === 'source' ? `${r.passage.kind}: ${source.text.slice(r.passage.start, r.passage.end).split('\n')[0]}` : '';
    });
    assert.deepEqual(passages, [
      'page: Findings',
      'paragraph: A third paragraph, with the phrase of record once more.',
      'heading: Findings',
      'quote: talks covered Ukraine',
      'named: John Kirby clarified the comments',
      'named: the phrase of record',
      'paragraph: The talks covered Ukraine and the troops on its border.',
      'line: The leaders met by video link on Tuesday, December 7, 2021.',
    ]);
    const record = note.citations[5]!;
    const r = f.service.view.resolve(note, record);
    assert.ok(r.kind === 'source' && source.pages![1]!.start <= r.passage.start && r.passage.end <= source.pages![1]!.end);
  });

  it('reports pages and page paragraphs that do not exist (GN002) and malformed page anchors (GN004)', async () => {
    const f = await fixture(`${files}//- notes/n.md\n[[r1#page=9]] [[r1#page=2&p=7]] [[r1#page=0]] [[r1#page=x]] [[w1#page=1]]\n`);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:6-1:12 GN002 No anchor `page=9` in source r1: source r1 has 3 pages',
      '1:20-1:30 GN002 No anchor `page=2&p=7` in source r1: page 2 of source r1 has 4 paragraphs',
      '1:33-1:46 GN004 Malformed citation: bad page `page=0`: write `page=12` or `page=12&p=3` (pages count from 1)',
      '1:47-1:60 GN004 Malformed citation: bad page `page=x`: write `page=12` or `page=12&p=3` (pages count from 1)',
      '1:66-1:72 GN002 No anchor `page=1` in source w1: source w1 has no pages: `page=` anchors are for PDF sources',
    ]);
  });

  it('re-anchors a named anchor when the PDF is replaced by a new version (GN005)', async () => {
    const f = await fixture(
      `${files.replace('John Kirby clarified the comments', 'John Kirby explained the comments')}//- ` +
        `sources/r1_report.anchors.yaml
kirby: John Kirby clarified the comments
//- notes/n.md
Kirby [[r1#kirby]].
`,
    );
    assert.deepEqual(problemsOf(f, 'notes/n.md', ['GN005']), [
      '1:12-1:17 GN005 Anchor `kirby` is stale: re-anchored to “John Kirby explained the comments” (82% similar); update the anchor file',
    ]);
  });

  it('checks quotations against the PDF passage (GN010)', async () => {
    const f = await fixture(`${files}//- notes/n.md\nThe report says "the talks covered Russia" [[r1#page=1&p=3]].\n`);
    assert.deepEqual(problemsOf(f, 'notes/n.md', ['GN010']), [
      '1:18-1:42 GN010 Misquote: “the talks covered Russia” is not in the cited passage of source r1; ' +
        'the source says “The talks covered Ukra”',
    ]);
  });

  it('dates a PDF by its first date line, else its metadata date, and checks the dates in it (GN020)', async () => {
    const f = await fixture(`${files}//- notes/n.md\n[[r1]]\n`);
    const source = f.service.view.source(`${ROOT}/sources/r1_report.pdf`)!;
    assert.equal(source.title, 'Annual Report on the Summit');
    assert.deepEqual(source.date, { text: '2021-12-20', span: { start: 0, end: 0 }, iso: '2021-12-20' });
    assert.deepEqual(problemsOf(f, 'sources/r1_report.pdf', ['GN020']), [
      '16:45-16:72 GN020 December 7, 2021 was a Tuesday, not a Wednesday',
    ]);
  });

  it('hovers a PDF citation with title, date, page and paragraph, and a link that opens the PDF at the page', async () => {
    const f = await fixture(`${files}//- notes/n.md\nKirby [[r1#"Kirby clari$0fied"]].\n`);
    const h = f.service.hover(f.cursor!.uri, f.cursor!.position)!;
    const [header, quote, location] = h.contents.split('\n\n');
    assert.equal(header, '**Source r1** — Annual Report on the Summit  \n2021\\-12\\-20');
    assert.equal(quote, '> John **Kirby clarified** the comments in a briefing on Friday\\.');
    assert.match(location!, /^page 2, paragraph 2 · \[Open PDF at page 2\]\(command:groundedNotes\.openSourceAt\?/);
    const args = JSON.parse(decodeURIComponent(location!.slice(location!.indexOf('?') + 1, -1)));
    assert.deepEqual(args, [
      { uri: `${ROOT}/sources/r1_report.pdf`, line: 9, character: 5, endLine: 9, endCharacter: 20, page: 2, quote: 'Kirby clarified' },
    ]);
  });

  it('says GN007 "no text layer" for a scanned PDF, which can still be cited whole or by page', async () => {
    const f = await fixture(
      `//- sources/s1_scan.pdf\n%notice No text layer: the PDF's 2 pages have no text to extract (a ` +
        `scan?)\n\n\f\n\n//- notes/n.md\n[[s1]] [[s1#page=2]]\n`,
    );
    assert.deepEqual(problemsOf(f, 'sources/s1_scan.pdf'), [
      "1:1-1:1 GN007 No text layer: the PDF's 2 pages have no text to extract (a scan?)",
    ]);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), []);
  });

  it('reports a PDF the extractor could not read as GN007, and checks the rest; citing it is not GN001 (it exists)', async () => {
    const f = await fixture(`//- notes/n.md\n[[b1]] [[x]]\n`);
    f.workspace.setExtracted('sources/b1_broken.pdf', { error: 'the PDF could not be read (Invalid PDF structure.)' });
    await f.service.filesChanged([{ uri: `${ROOT}/sources/b1_broken.pdf`, kind: 'created' }]);
    assert.deepEqual(problemsOf(f, 'sources/b1_broken.pdf'), [
      '1:1-1:1 GN007 Not checked: the PDF could not be read (Invalid PDF structure.)',
    ]);
    assert.deepEqual(problemsOf(f, 'notes/n.md', ['GN001']), [
      '1:10-1:11 GN001 Unknown source `x`: no source has that id and no note that name',
    ]);
  });

  it('offers pages’ anchors in completion and headings in symbols and code lenses', async () => {
    const f = await fixture(`${files}//- notes/n.md\n[[r1#findings]] [[r1#$0\n`);
    const labels = f.service.completion(f.cursor!.uri, f.cursor!.position).map((c) => `${c.kind} ${c.label}`);
    assert.deepEqual(labels.slice(0, 2), ['heading summary', 'heading findings']);
    const pdf = `${ROOT}/sources/r1_report.pdf`;
    assert.deepEqual(
      f.service.documentSymbols(pdf).map((s) => `${s.name} ${s.range.start.line}`),
      ['Summary 0', 'Findings 7'],
    );
    assert.deepEqual(
      f.service.codeLenses(pdf).map((l) => l.title),
      ['0 citations', '1 citation'],
    );
    assert.deepEqual(
      f.service.definition(f.cursor!.uri, { line: 0, character: 4 }).map((d) => [d.targetUri, d.targetRange.start.line]),
      [[pdf, 7]],
    );
    assert.deepEqual(
      f.service.references(pdf, { line: 7, character: 2 }, false).map((r) => r.range.start.character),
      [0],
    );
    assert.deepEqual(
      f.service.documentLinks(f.cursor!.uri).map((l) => l.target),
      [`${pdf}#page=2`],
    );
  });

  it('never takes an editor’s text for a PDF or web page (they are read from disk, extracted)', async () => {
    const f = await fixture(`${files}//- notes/n.md\n[[w1#sullivan]]\n`);
    f.service.openDocument(`${ROOT}/sources/w1_page.html`, '<html><body>edited</body></html>', 2);
    assert.ok(f.service.view.text(`${ROOT}/sources/w1_page.html`)!.startsWith('Biden and Putin talk'));
  });
});

describe('Create Anchor from Selection in the PDF viewer', () => {
  it('finds the viewer’s selection (hyphens at line ends, ligatures, line breaks) in the extracted text, its page first', async () => {
    const f = await fixture(`${files}//- notes/n.md\n[[r1]]\n`);
    const pdf = `${ROOT}/sources/r1_report.pdf`;
    const found = locateQuote(f.service.view, pdf, 'John Kirby clari-\nfied the com\u00adments', 2)!;
    const source = f.service.view.source(pdf)!;
    assert.equal(source.text.slice(found.span.start, found.span.end), 'John Kirby clarified the comments');
    const second = locateQuote(f.service.view, pdf, 'the phrase of\nrecord', 2)!;
    assert.ok(second.span.start > source.pages![1]!.start, 'the occurrence on page 2');
    assert.equal(locateQuote(f.service.view, pdf, 'words that are nowhere', 1), undefined);
  });

  it('writes `page:` into the anchor when the selected words repeat in the PDF', async () => {
    const f = await fixture(`${files}//- notes/n.md\n[[r1]]\n`);
    const pdf = `${ROOT}/sources/r1_report.pdf`;
    const found = locateQuote(f.service.view, pdf, 'the phrase of record', 2)!;
    const r = createAnchor(f.service.view, pdf, found.range, 'record');
    assert.equal(r.anchorFileUri, `${ROOT}/sources/r1_report.anchors.yaml`);
    assert.equal(
      r.edits[0]!.newText,
      'record:\n  quote: the phrase of record\n  prefix: "paragraph on page two repeats "\n  suffix: ' +
        '". A third paragraph, with the"\n  page: 2\n',
    );
    assert.equal(r.citation, '[[r1#record]]');
  });
});

describe('web-page sources', () => {
  it('resolves id attributes as anchors (URL fragments), headings and text anchors; unknown ids are GN002 with suggestions', async () => {
    const f = await fixture(
      `${files}//- notes/n.md\n[[w1#sullivan]] [[w1#section-2]] [[w1#what-was-said]] [[w1#"direct dialogue"]] [[w1#p4]] [[w1#sulivan]]\n`,
    );
    const note = f.service.view.note(`${ROOT}/notes/n.md`)!;
    const source = f.service.view.source(`${ROOT}/sources/w1_page.html`)!;
    const passages = note.citations.slice(0, 5).map((c) => {
      const r = f.service.view.resolve(note, c);
      return r.kind === 'source' ? `${r.passage.kind}: ${source.text.slice(r.passage.start, r.passage.end).slice(0, 30)}` : r.kind;
    });
    assert.deepEqual(passages, [
      'id: Jake Sullivan said that there ',
      'id: What was said',
      'heading: What was said',
      'quote: direct dialogue',
      'paragraph: Jake Sullivan said that there ',
    ]);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), ['1:95-1:102 GN002 No anchor `sulivan` in source w1; did you mean `sullivan`?']);
  });

  it('hovers as plain text with the <title> and published date, and checks the page’s dates', async () => {
    const f = await fixture(`${files}//- notes/n.md\nSullivan [[w1#sulli$0van]].\n`);
    const h = f.service.hover(f.cursor!.uri, f.cursor!.position)!;
    assert.equal(
      h.contents.split('\n\n').slice(0, 2).join('\n\n'),
      '**Source w1** — Summit talks \\| World News  \n2021\\-12\\-08\n\n> **Jake Sullivan said that ' +
        'there is no substitute for direct dialogue between leaders\\.**',
    );
    assert.deepEqual(problemsOf(f, 'sources/w1_page.html'), []);
  });
});

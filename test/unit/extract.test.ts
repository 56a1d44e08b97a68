/**
 * Extraction of PDFs and saved web pages, through the bundled worker as the server
 * runs it, on PDFs written here in the shapes real reports have: ligature glyphs,
 * two columns, words hyphenated at line ends, running headers and footers, outlines.
 */
import assert from 'node:assert/strict';
import { writePdf, type PdfLine, type PdfPage } from '../../scripts/pdfWriter.js';
import { ok, pageText, testExtractor } from '../helpers/extract.js';
import type { Extractor } from '../../server/src/node/extract/extractor.js';

const bytes = (s: string) => new TextEncoder().encode(s);

/** Lines down the page from `top`, 14 points apart. */
function column(texts: readonly string[], x: number, top = 700, size = 10): PdfLine[] {
  return texts.map((text, i) => ({ text, x, y: top - i * 14, size }));
}

describe('PDF extraction', function () {
  this.timeout(60_000);
  let extractor: Extractor;
  before(() => (extractor = testExtractor()));
  after(() => extractor.close());

  it('spells out ligature glyphs (ﬁ, ﬂ)', async () => {
    const pdf = await writePdf({ pages: [{ lines: column(['The \ufb01nancial \ufb02ows of the of\ufb01ce were reported.'], 72) }] });
    const doc = ok(await extractor.extract('pdf', pdf));
    assert.equal(doc.text, 'The financial flows of the office were reported.');
  });

  it('reads a two-column page column by column, a title across both first', async () => {
    const left = [
      'Left column one starts the story',
      'and the left column goes on',
      'to its third line here',
      'left four',
      'left five',
      'left six ends.',
    ];
    const right = [
      'Right column one continues it',
      'and the right column goes on',
      'to its third line too',
      'right four',
      'right five',
      'right six ends.',
    ];
    const lines = [
      { text: 'A Title That Runs Across The Whole Page Width From Left Margin To Right', x: 72, y: 740, size: 14 },
      ...column(left, 72),
      ...column(right, 320),
    ];
    const doc = ok(await extractor.extract('pdf', await writePdf({ pages: [{ lines }] })));
    assert.equal(
      doc.text,
      ['A Title That Runs Across The Whole Page Width From Left Margin To Right', left.join('\n'), right.join('\n')].join('\n\n'),
    );
  });

  it('joins words hyphenated at line ends, keeping the hyphen of compounds the text writes with one', async () => {
    const lines = column(
      [
        'The committee met to discuss interna-',
        'tional law and the well-known treaty.',
        'A second sentence mentions a well-',
        'known figure and a post-',
        'Soviet state, a COVID-',
        '19 wave, and soft\u00ad',
        'ware.',
      ],
      72,
    );
    const doc = ok(await extractor.extract('pdf', await writePdf({ pages: [{ lines }] })));
    assert.equal(
      doc.text,
      'The committee met to discuss international\nlaw and the well-known treaty.\nA second sentence ' +
        'mentions a well-known\nfigure and a post-Soviet\nstate, a COVID-19\nwave, and software.',
    );
  });

  it('keeps the hyphen of a compound split at its hyphen when both halves are words of the text (`data-smoothing`)', async () => {
    const lines = column(
      ['We compare the data and the smoothing of each series, then apply the data-', 'smoothing filter, and the informa-', 'tion is kept.'],
      72,
    );
    const doc = ok(await extractor.extract('pdf', await writePdf({ pages: [{ lines }] })));
    assert.equal(
      doc.text,
      'We compare the data and the smoothing of each series, then apply the data-smoothing\nfilter, and the information\nis kept.',
    );
  });

  it('keeps lone numbers at a page edge that do not count with the pages (an axis label is text, not a page number)', async () => {
    const measures = ['load', 'heat', 'flow', 'rate'];
    const pages = ['450', '800', '1000', '400'].map((label, i) => ({
      lines: [...column([`The ${measures[i]} was measured hourly.`], 72), { text: label, x: 72, y: 40, size: 8 }],
    }));
    const doc = ok(await extractor.extract('pdf', await writePdf({ pages })));
    assert.equal(pageText(doc, 2), 'The heat was measured hourly.\n\n800');
  });

  it('leaves running headers and footers (the same line on most pages, page numbers) out of the text', async () => {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= 5; n++) {
      pages.push({
        lines: [
          { text: 'Quarterly Review of Regional Markets', x: 72, y: 760, size: 8 },
          ...column(
            [`Body text of page ${n} says something about topic ${'abcde'[n - 1]}.`, `Its second line differs on each page (${n * 7}).`],
            72,
          ),
          { text: `Page ${n} of 5`, x: 290, y: 40, size: 8 },
        ],
      });
    }
    const doc = ok(await extractor.extract('pdf', await writePdf({ pages })));
    assert.equal(doc.pages!.length, 5);
    assert.equal(pageText(doc, 3), 'Body text of page 3 says something about topic c.\nIts second line differs on each page (21).');
    assert.ok(!doc.text.includes('Quarterly'), doc.text);
    assert.ok(!/Page \d of 5/.test(doc.text), doc.text);
  });

  it('keeps a line repeated on two pages only (not "most pages")', async () => {
    const pages = [1, 2].map((n) => ({
      lines: [{ text: 'Draft for comment', x: 72, y: 760, size: 8 }, ...column([`Page ${n} body.`], 72)],
    }));
    const doc = ok(await extractor.extract('pdf', await writePdf({ pages })));
    assert.equal(pageText(doc, 2), 'Draft for comment\n\nPage 2 body.');
  });

  it('splits paragraphs at wider line spacing, and never across pages', async () => {
    const lines: PdfLine[] = [
      ...column(['First paragraph, line one', 'first paragraph, line two.'], 72, 700),
      ...column(['Second paragraph after a gap.'], 72, 660),
    ];
    const doc = ok(await extractor.extract('pdf', await writePdf({ pages: [{ lines }, { lines: column(['Next page.'], 72) }] })));
    assert.equal(doc.text, 'First paragraph, line one\nfirst paragraph, line two.\n\nSecond paragraph after a gap.\n\nNext page.');
    assert.deepEqual(doc.pages, [
      { start: 0, end: 83 },
      { start: 85, end: 95 },
    ]);
  });

  it('takes headings from the outline (bookmarks), placed where the page shows their title', async () => {
    const pages = [
      { lines: [{ text: 'Introduction', x: 72, y: 720, size: 14 }, ...column(['Some opening words.'], 72, 690)] },
      { lines: [{ text: 'Findings', x: 72, y: 720, size: 14 }, ...column(['What was found.'], 72, 690)] },
    ];
    const doc = ok(
      await extractor.extract(
        'pdf',
        await writePdf({
          pages,
          outline: [
            { title: 'Introduction', page: 1 },
            { title: 'Findings', page: 2, children: [{ title: 'Not on the page', page: 2 }] },
          ],
        }),
      ),
    );
    assert.deepEqual(
      doc.headings.map((h) => [h.text, h.level, doc.text.slice(h.start, h.end)]),
      [
        ['Introduction', 1, 'Introduction'],
        ['Findings', 1, 'Findings'],
        ['Not on the page', 2, 'Findings'],
      ],
    );
  });

  it('without an outline, takes lines set larger than the body as headings', async () => {
    const lines = [
      { text: 'Summary of Findings', x: 72, y: 740, size: 16 },
      ...column(['Body text in the normal size, which is most of the page.', 'More body text.'], 72),
      { text: 'Methods', x: 72, y: 600, size: 13 },
      ...column(['How it was done, in the body size.'], 72, 580),
    ];
    const doc = ok(await extractor.extract('pdf', await writePdf({ pages: [{ lines }] })));
    assert.deepEqual(
      doc.headings.map((h) => [h.text, h.level]),
      [
        ['Summary of Findings', 1],
        ['Methods', 2],
      ],
    );
  });

  it('reads the metadata title and creation date', async () => {
    const doc = ok(
      await extractor.extract(
        'pdf',
        await writePdf({ title: 'Annual Report', date: new Date(Date.UTC(2021, 11, 7, 9)), pages: [{ lines: column(['Text.'], 72) }] }),
      ),
    );
    assert.equal(doc.title, 'Annual Report');
    assert.deepEqual(doc.date, { text: '2021-12-07', iso: '2021-12-07' });
  });

  it('says "no text layer" for a PDF with pages but no text (a scan)', async () => {
    const doc = ok(await extractor.extract('pdf', await writePdf({ pages: [{ lines: [] }, { lines: [] }] })));
    assert.equal(doc.text, '\n\n');
    assert.match(doc.notice ?? '', /^No text layer: the PDF's 2 pages have no text to extract/);
  });

  it('answers a file pdf.js cannot read with its error, and goes on with the next file', async () => {
    const broken = await extractor.extract(
      'pdf',
      bytes('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF'),
    );
    assert.ok('error' in broken);
    assert.match(broken.error, /^the PDF could not be read \(/);
    const fine = ok(await extractor.extract('pdf', await writePdf({ pages: [{ lines: column(['Still working.'], 72) }] })));
    assert.equal(fine.text, 'Still working.');
  });

  it('ends a reading that takes too long and reads the next file on a new worker', async () => {
    const slow = testExtractor({ timeoutMs: 1 });
    try {
      const r = await slow.extract('pdf', await writePdf({ pages: [{ lines: column(['x'], 72) }] }));
      assert.deepEqual(r, { error: 'reading the file took longer than 0 s' });
    } finally {
      await slow.close();
    }
  });
});

describe('web page extraction', function () {
  this.timeout(60_000);
  let extractor: Extractor;
  before(() => (extractor = testExtractor()));
  after(() => extractor.close());

  const page =
    `<!doctype html><html><head><meta charset="utf-8"><title>Summit talks | World News</title>
<meta property="article:published_time" content="2021-12-08T10:00:00Z">
<script>document.title = 'changed'; fetch('https://example.invalid/track')</script>
<link rel="stylesheet" href="https://example.invalid/style.css"></head>
<body><nav><a href="javascript:alert(1)">Home</a> · <a href="/world">World</a></nav>
<article><h1 id="top">Biden and Putin talk for two hours</h1>
<p>By a correspondent. <time datetime="2021-12-09">December 9</time></p>
<h2 id="section-2">What was said</h2>
<p id="sullivan">Jake Sullivan said afterwards that there is no substitute for direct dialogue between ` +
    `leaders. <a href="javascript:void(0)">More</a></p>
<p>The two leaders spoke on Tuesday, December 7, 2021, by secure video link, and discussed the build-up of troops.</p>
<img src="https://example.invalid/pixel.gif" onerror="alert(2)"></article>
<footer>Copyright World News</footer></body></html>`;

  it('reads the article as plain text, with <title>, article:published_time, headings and ids', async () => {
    const doc = ok(await extractor.extract('html', bytes(page)));
    assert.equal(
      doc.text,
      'Biden and Putin talk for two hours\n\nBy a correspondent. December 9\n\nWhat was said\n\nJake ' +
        'Sullivan said afterwards that there is no substitute for direct dialogue between leaders. ' +
        'More\n\nThe two leaders spoke on Tuesday, December 7, 2021, by secure video link, and discussed ' +
        'the build-up of troops.',
    );
    assert.equal(doc.title, 'Summit talks | World News');
    assert.deepEqual(doc.date, { text: '2021-12-08', iso: '2021-12-08' });
    assert.deepEqual(
      doc.headings.map((h) => [h.text, doc.text.slice(h.start, h.end)]),
      [
        ['Biden and Putin talk for two hours', 'Biden and Putin talk for two hours'],
        ['What was said', 'What was said'],
      ],
    );
    assert.deepEqual(
      doc.ids!.map((e) => [e.id, doc.text.slice(e.start, e.end).slice(0, 25)]),
      [
        ['top', 'Biden and Putin talk for '],
        ['section-2', 'What was said'],
        ['sullivan', 'Jake Sullivan said afterw'],
      ],
    );
  });

  it('takes the first <time datetime> when there is no published-time metadata', async () => {
    const doc = ok(await extractor.extract('html', bytes(page.replace(/<meta property[^>]+>/, ''))));
    assert.deepEqual(doc.date, { text: '2021-12-09', iso: '2021-12-09' });
  });

  it('reads the page an MHTML archive holds (a browser’s “save as single file”), and none of its other parts', async () => {
    const mhtml = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://news.example/story',
      'Subject: Story',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      '\tboundary="----MultipartBoundary--abc----"',
      '',
      '------MultipartBoundary--abc----',
      'Content-Type: text/html',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://news.example/story',
      '',
      '<html><head><title>Story title</title></head><body><article><p id=3D"talks">Caf=C3=A9 talks ' +
        'went on for two hours on Tuesday, December 7, 2021, by video link, officials ' +
        'said.</p></article></body></html>',
      '------MultipartBoundary--abc----',
      'Content-Type: text/html',
      'Content-Location: https://ads.example/frame',
      '',
      '<html><body><p>An advertising frame.</p></body></html>',
      '------MultipartBoundary--abc------',
      '',
    ].join('\r\n');
    const doc = ok(await extractor.extract('mhtml', bytes(mhtml)));
    assert.equal(doc.text, 'Café talks went on for two hours on Tuesday, December 7, 2021, by video link, officials said.');
    assert.equal(doc.title, 'Story title');
    assert.deepEqual(doc.ids, [{ id: 'talks', start: 0, end: 93 }]);
  });

  it('decodes a page in the charset it declares', async () => {
    const latin1 = Uint8Array.from(
      [...'<html><head><meta charset="iso-8859-1"><title>Caf']
        .map((c) => c.charCodeAt(0))
        .concat(
          [0xe9],
          [...'</title></head><body><p>Un caf'].map((c) => c.charCodeAt(0)),
          [0xe9],
          [...'.</p></body></html>'].map((c) => c.charCodeAt(0)),
        ),
    );
    const doc = ok(await extractor.extract('html', latin1));
    assert.equal(doc.title, 'Café');
    assert.equal(doc.text, 'Un café.');
  });
});

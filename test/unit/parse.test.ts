import { strict as assert } from 'node:assert';
import { parseNote } from '../../server/src/core/parse/note.js';
import { parseSource } from '../../server/src/core/parse/source.js';
import { parseAnchorFile } from '../../server/src/core/parse/anchorFile.js';
import { exampleFiles, fromFiles, ROOT } from '../helpers/fixture.js';

function cites(text: string) {
  return parseNote('memory:///ws/n.md', text).citations.map((c) => ({
    raw: text.slice(c.start, c.end),
    target: c.target,
    anchor: c.anchor,
    label: c.label,
    malformed: c.malformed,
  }));
}

describe('parsing notes', () => {
  it('reads the three citation forms with exact ranges', () => {
    const text = 'A [[002]] b [[002#kirby-briefing]] c [[002#kirby-briefing|Kirby]].';
    const note = parseNote('memory:///ws/n.md', text);
    assert.deepEqual(
      note.citations.map((c) => [
        text.slice(c.start, c.end),
        c.target,
        c.anchor,
        c.label,
        text.slice(c.targetSpan.start, c.targetSpan.end),
      ]),
      [
        ['[[002]]', '002', undefined, undefined, '002'],
        ['[[002#kirby-briefing]]', '002', 'kirby-briefing', undefined, '002'],
        ['[[002#kirby-briefing|Kirby]]', '002', 'kirby-briefing', 'Kirby', '002'],
      ],
    );
    const labelled = note.citations[2]!;
    assert.equal(text.slice(labelled.anchorSpan!.start, labelled.anchorSpan!.end), 'kirby-briefing');
    assert.equal(text.slice(labelled.labelSpan!.start, labelled.labelSpan!.end), 'Kirby');
  });

  it('finds no citations in code spans, code blocks, HTML comments or front matter (but quoted property links)', () => {
    const text = [
      '---',
      'see: [[001#front]]',
      'related: "[[001#property]]"',
      '---',
      'Inline `[[002#code]]` and [[003#real]].',
      '',
      '```',
      '[[004#fenced]]',
      '```',
      '',
      '    [[005#indented]]',
      '',
      '<!-- [[006#comment]] -->',
      '',
      'Text <!-- [[007#inline-comment]] --> and [[008]].',
    ].join('\n');
    assert.deepEqual(
      cites(text).map((c) => c.raw),
      ['[[001#property]]', '[[003#real]]', '[[008]]'],
    );
  });

  it('reads quote anchors, including a `#` or `|` inside the quotes', () => {
    assert.deepEqual(cites('[[002#"John Kirby clarified"]] [[002#\u201cKirby | said\u201d|lbl]]'), [
      { raw: '[[002#"John Kirby clarified"]]', target: '002', anchor: '"John Kirby clarified"', label: undefined, malformed: undefined },
      {
        raw: '[[002#\u201cKirby | said\u201d|lbl]]',
        target: '002',
        anchor: '\u201cKirby | said\u201d',
        label: 'lbl',
        malformed: undefined,
      },
    ]);
  });

  it('reports an unclosed [[ as malformed; empty links, empty anchors and same-note links are read (resolution judges them)', () => {
    assert.deepEqual(
      cites('a [[]] b [[002#]] c [[#x]] d [[|y]] e [[002#kirby').map((c) => [c.raw, c.target, c.anchor, c.malformed]),
      [
        ['[[]]', '', undefined, undefined],
        ['[[002#]]', '002', '', undefined],
        ['[[#x]]', '', 'x', undefined],
        ['[[|y]]', '', undefined, undefined],
        ['[[002#kirby', '', undefined, 'unclosed `[[`: a link ends with `]]` on the same line'],
      ],
    );
  });

  it('keeps the sentence and paragraph around each citation', async () => {
    const text = 'First sentence here. Kirby walked it back [[002#kirby-briefing]]. Third one.\n\nNext paragraph [[000]].';
    const f = await fromFiles({ 'n.md': text });
    const note = f.service.view.note(`${ROOT}/n.md`)!;
    const [a, b] = note.citations;
    const sentence = f.service.view.sentenceOf(note, a!);
    assert.equal(text.slice(sentence.start, sentence.end), 'Kirby walked it back [[002#kirby-briefing]].');
    assert.equal(
      text.slice(a!.paragraph.start, a!.paragraph.end),
      'First sentence here. Kirby walked it back [[002#kirby-briefing]]. Third one.',
    );
    assert.equal(text.slice(b!.paragraph.start, b!.paragraph.end), 'Next paragraph [[000]].');
  });

  it('gives a citation after the full stop to the sentence before it', async () => {
    const text = 'Biden spoke on Thursday. [[002#kirby-briefing]] Then more.';
    const f = await fromFiles({ 'n.md': text });
    const note = f.service.view.note(`${ROOT}/n.md`)!;
    const sentence = f.service.view.sentenceOf(note, note.citations[0]!);
    assert.equal(text.slice(sentence.start, sentence.end), 'Biden spoke on Thursday. [[002#kirby-briefing]]');
  });

  it('takes title and date from front matter', () => {
    const note = parseNote('memory:///ws/n.md', '---\ntitle: Summit\ndate: 2021-12-10\n---\n# Heading\n');
    assert.equal(note.title, 'Summit');
    assert.equal(note.date?.iso, '2021-12-10');
    assert.deepEqual(
      note.headings.map((h) => [h.slug, h.line]),
      [['heading', 4]],
    );
  });
});

describe('parsing sources', () => {
  const files = exampleFiles();
  const s000 = parseSource('memory:///ws/sources/000_73692c68c32165cb.txt', files['sources/000_73692c68c32165cb.txt']!);
  const s002 = parseSource('memory:///ws/sources/002_a3f28121737e2d7d.txt', files['sources/002_a3f28121737e2d7d.txt']!);

  it('takes the id from the file name before the first underscore', () => {
    assert.equal(s000.id, '000');
    assert.equal(s000.stem, '000_73692c68c32165cb');
  });

  it('finds plain-text heading lines and slugs them', () => {
    assert.deepEqual(
      s000.headings.map((h) => h.slug),
      ['biden--putin-video-summit-december-7-2021', 'some-notable-signs-emerging', 'what-next'],
    );
    assert.deepEqual(
      s002.headings.map((h) => h.slug),
      ['the-legal-system', 'bidens-comments-point-toward-solidarity-with-the-west'],
    );
  });

  it('reads the date line at the top, or the date in the title', () => {
    assert.equal(s002.date?.iso, '2024-06-18');
    assert.equal(s002.title, 'The Legal System');
    assert.equal(s000.date?.iso, '2021-12-07');
    assert.equal(s000.title, 'Biden – Putin video summit, December 7, 2021');
  });

  it('numbers paragraphs by blank lines', () => {
    assert.equal(s000.paragraphs.length, 20);
    assert.ok(
      s000.text.slice(s000.paragraphs[2]!.start, s000.paragraphs[2]!.end).startsWith('In the context of highly up-heated conditions'),
    );
  });

  it('finds Markdown headings in .md sources but not inside code fences', () => {
    const md = parseSource('memory:///ws/sources/010_x.md', '# Title\n\n```\n# not a heading\n```\n\n## Section Two\n');
    assert.deepEqual(
      md.headings.map((h) => [h.slug, h.level]),
      [
        ['title', 1],
        ['section-two', 2],
      ],
    );
  });
});

describe('parsing anchor files', () => {
  it('reads plain quotes and selector maps, keeping comments out of the way', () => {
    const file = parseAnchorFile(
      'memory:///ws/sources/002_x.anchors.yaml',
      '# comment\na: first quote\nb:\n  quote: second\n  prefix: "pre "\n',
    );
    assert.deepEqual(
      file.anchors.map((a) => [a.key, a.quote, a.prefix]),
      [
        ['a', 'first quote', undefined],
        ['b', 'second', 'pre '],
      ],
    );
    assert.deepEqual(file.problems, []);
  });

  it('reports YAML errors, wrong shapes and duplicate keys at their line', () => {
    const file = parseAnchorFile('memory:///ws/s/x.anchors.yaml', 'a: ok\nb: [1, 2]\na: again\nc:\n  quote: q\n  colour: red\n');
    assert.deepEqual(
      file.problems.map((p) => `${p.range.start.line + 1} ${p.message}`),
      [
        '3 Invalid YAML: Map keys must be unique: `a` is written twice',
        '2 Anchor `b` must be a quote or a map with `quote`, `prefix`, `suffix`',
        '6 Unknown field `colour` in anchor `c`: expected `quote`, `prefix`, `suffix` or `page`',
      ],
    );
    assert.deepEqual(
      file.anchors.map((a) => a.key),
      ['a', 'c'],
    );
  });

  it('reports a file that is not a map', () => {
    const file = parseAnchorFile('memory:///ws/s/x.anchors.yaml', '- just\n- a list\n');
    assert.equal(file.problems.length, 1);
    assert.match(file.problems[0]!.message, /must be a map of anchor names to quotes/);
  });
});

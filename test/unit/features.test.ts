import { strict as assert } from 'node:assert';
import { exampleFiles, fixture, fromFiles, ROOT } from '../helpers/fixture.js';

const SOURCE =
  `Kirby Briefing Story

Biden spoke on Thursday. National Security Council spokesperson John Kirby clarified Biden's ` +
  `comments in a press briefing Friday, saying more. Russia did not answer.

What next?

The end.
`;
const files = `//- sources/002_abc.txt\n${SOURCE}//- sources/002_abc.anchors.yaml\nkirby-briefing: John Kirby clarified Biden's comments\n`;

describe('hover', () => {
  it('shows the source, the passage in bold with a sentence of context either side, its location and an open link', async () => {
    const f = await fixture(`${files}//- notes/n.md\nKirby [[002#kir$0by-briefing]].\n`);
    const h = f.service.hover(f.cursor!.uri, f.cursor!.position)!;
    const [header, quote, location] = h.contents.split('\n\n');
    assert.equal(header, '**Source 002** — Kirby Briefing Story');
    assert.equal(
      quote,
      '> Biden spoke on Thursday\\. National Security Council spokesperson **John Kirby clarified ' +
        "Biden's comments** in a press briefing Friday, saying more\\. Russia did not answer\\.",
    );
    assert.match(location!, /^p2 · L3 · \[Open source at passage\]\(command:groundedNotes\.openSourceAt\?/);
    const args = JSON.parse(decodeURIComponent(location!.slice(location!.indexOf('?') + 1, -1)));
    assert.deepEqual(args, [{ uri: `${ROOT}/sources/002_abc.txt`, line: 2, character: 64, endLine: 2, endCharacter: 101 }]);
    assert.deepEqual(h.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 28 } });
  });

  it('over [[002#kirby-briefing]] in the example returns the Kirby sentence from source 002', async () => {
    const ex = exampleFiles();
    const f = await fromFiles(ex);
    const uri = `${ROOT}/notes/december-summit.md`;
    const lines = ex['notes/december-summit.md']!.split('\n');
    const line = lines.findIndex((l) => l.includes('[[002#kirby-briefing]]'));
    const h = f.service.hover(uri, { line, character: lines[line]!.indexOf('[[002#kirby') + 4 })!;
    assert.match(h.contents, /^\*\*Source 002\*\* — The Legal System {2}\nJune 18, 2024/);
    assert.ok(
      h.contents.includes('> **National Security Council spokesperson John Kirby clarified Biden’s comments in a press briefing Friday**'),
    );
  });

  it('escapes source text so it cannot become a link, HTML or a command', async () => {
    const f = await fixture(
      `//- sources/003_x.txt\nEvil [click](command:workbench.action.quit) <script>alert(1)</script> *bold*\n//- notes/n.md\n[[003#p$01]]\n`,
    );
    const h = f.service.hover(f.cursor!.uri, f.cursor!.position)!;
    assert.ok(!h.contents.includes('<script>'), h.contents);
    assert.ok(!h.contents.includes('](command:workbench'), h.contents);
    assert.ok(h.contents.includes('\\[click\\]\\(command\\:workbench\\.action\\.quit\\) &lt;script&gt;'), h.contents);
  });

  it('on a note link shows the note’s title and first lines', async () => {
    const f = await fixture('//- notes/a b.md\n# Alpha\nFirst line of a.\n//- notes/c.md\nSee [[a b$0]].\n');
    const h = f.service.hover(f.cursor!.uri, f.cursor!.position)!;
    assert.equal(h.contents, '**Note a b** — Alpha\n\n> First line of a\\.');
  });

  it('says nothing outside citations', async () => {
    const f = await fixture(`${files}//- notes/n.md\nKir$0by [[002]].\n`);
    assert.equal(f.service.hover(f.cursor!.uri, f.cursor!.position), undefined);
  });
});

describe('completion', () => {
  it('after `[[` lists sources with title, then notes', async () => {
    const f = await fixture(`${files}//- notes/other.md\n# Other\n//- notes/n.md\nSee [[$0\n`);
    const items = f.service.completion(f.cursor!.uri, f.cursor!.position);
    assert.deepEqual(
      items.map((i) => [i.label, i.kind, i.detail]),
      [
        ['002', 'source', 'Kirby Briefing Story'],
        ['other', 'note', 'Other · notes/other.md'],
      ],
    );
    assert.deepEqual(items[0]!.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } });
  });

  it('after `[[002#` lists named anchors first, then headings, then paragraphs', async () => {
    const f = await fixture(`${files}//- notes/n.md\nSee [[002#k$0\n`);
    const items = f.service.completion(f.cursor!.uri, f.cursor!.position);
    assert.deepEqual(
      items.map((i) => i.label),
      ['kirby-briefing', 'kirby-briefing-story', 'what-next', 'p1', 'p2', 'p3', 'p4'],
    );
    assert.deepEqual(items[0]!.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 11 } });
    assert.match(items[0]!.documentation!, /\*\*John Kirby clarified Biden's comments\*\*/);
  });

  it('after `[[002#` in the example lists kirby-briefing', async () => {
    const f = await fromFiles({ ...exampleFiles(), 'notes/new.md': 'x [[002#' });
    const items = f.service.completion(`${ROOT}/notes/new.md`, { line: 0, character: 8 });
    assert.equal(items[0]?.label, 'kirby-briefing');
  });
});

describe('definition, links and symbols', () => {
  it('a citation leads to its passage', async () => {
    const f = await fixture(`${files}//- notes/n.md\n[[002#kirby-brie$0fing]]\n`);
    const [link] = f.service.definition(f.cursor!.uri, f.cursor!.position);
    assert.deepEqual(link, {
      originSelectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 22 } },
      targetUri: `${ROOT}/sources/002_abc.txt`,
      targetRange: { start: { line: 2, character: 64 }, end: { line: 2, character: 101 } },
      targetSelectionRange: { start: { line: 2, character: 64 }, end: { line: 2, character: 101 } },
    });
  });

  it('an anchor key in the anchor file leads to its passage', async () => {
    const f = await fixture(
      `//- sources/002_abc.txt\n${SOURCE}//- sources/002_abc.anchors.yaml\nkirby-br$0iefing: John Kirby clarified Biden's comments\n`,
    );
    const [link] = f.service.definition(f.cursor!.uri, f.cursor!.position);
    assert.equal(link!.targetUri, `${ROOT}/sources/002_abc.txt`);
    assert.deepEqual(link!.targetRange.start, { line: 2, character: 64 });
  });

  it('document links point at the passage’s line', async () => {
    const f = await fixture(`${files}//- notes/n.md\n[[002#what-next]] [[nothing]]\n`);
    assert.deepEqual(f.service.documentLinks(`${ROOT}/notes/n.md`), [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 17 } },
        target: `${ROOT}/sources/002_abc.txt#L5`,
        tooltip: 'Source 002, line 5',
      },
    ]);
  });

  it('document symbols of a source list headings and named anchors; workspace symbols are ID#name', async () => {
    const f = await fixture(files);
    const src = `${ROOT}/sources/002_abc.txt`;
    assert.deepEqual(
      f.service.documentSymbols(src).map((s) => [s.name, s.kind, s.range.start.line]),
      [
        ['Kirby Briefing Story', 'heading', 0],
        ['kirby-briefing', 'anchor', 2],
        ['What next?', 'heading', 4],
      ],
    );
    assert.deepEqual(
      f.service.workspaceSymbols('kirby').map((s) => s.name),
      ['002#kirby-briefing'],
    );
    assert.deepEqual(
      f.service.documentSymbols(`${ROOT}/sources/002_abc.anchors.yaml`).map((s) => s.name),
      ['kirby-briefing'],
    );
  });
});

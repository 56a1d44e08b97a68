/**
 * Editor features on vault links (SPEC §1a, README "Links in vaults"): what a user sees
 * in hover, go to definition, document links, completion, find references, rename and
 * when a file moves, on each link form vaults write — wiki links by name or path, with
 * `#heading`, `#^block` and `|alias`, Markdown links and reference definitions, property
 * links, escaped pipes in tables, Dendron's label-first links and wildcards.
 */
import { strict as assert } from 'node:assert';
import type { Range, TextEdit } from '../../server/src/core/types.js';
import { fixture, ROOT, type Fixture } from '../helpers/fixture.js';

const VAULT = `//- .obsidian/app.json
{}
//- Guides/Setup.md
---
title: Setup guide
---
# Setup
Intro line.

## Install
Run the installer. ^step1
- a list item ^item
### Windows
Win.
## Other
See [[#Install]] and [[#Install#Windows]].
//- Guides/Other Setup.md
# Other
//- assets/Outline.png
PNG
//- notes/a.md
---
related: "[[Setup]]"
---
See [[Setup#Install|how]] and [setup](../Guides/Setup.md#install) ![[Outline.png|100]] [[Setup#^step1]]
| a | [[Guides/Setup\\|the guide]] |
[[Other Setup]] and [o][] and [[Setup#^item]]

[o]: <../Guides/Other Setup.md>
`;

const DENDRON = `//- dendron.yml
version: 5
workspace:
  vaults:
    - fsPath: vault
//- vault/product.md
# Product
//- vault/product.other.md
# Other
//- vault/product.topic.md
# Topic
## Why it matters
x
`;

const uri = (path: string) => `${ROOT}/${path}`;
const A = uri('notes/a.md');
const SETUP = uri('Guides/Setup.md');
const r = (x: Range) => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
/** An edit as `path line:col-line:col newText`. */
const edit = (e: TextEdit) => `${e.uri.slice(ROOT.length + 1)} ${r(e.range)} ${e.newText}`;
const loc = (l: { uri: string; range: Range }) => `${l.uri.slice(ROOT.length + 1)} ${r(l.range)}`;
/** The position of the `n`th occurrence of `needle` in a fixture file, plus `delta` characters. */
function pos(f: Fixture, path: string, needle: string, delta = 0, n = 0) {
  const text = f.workspace.files.get(uri(path)) ?? '';
  let offset = -1;
  for (let i = 0; i <= n; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} in ${path}`);
  const before = text.slice(0, offset + delta);
  return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
}

const hoverAt = async (f: Fixture, needle: string, delta: number) => {
  const p = pos(f, 'notes/a.md', needle, delta);
  await f.service.prepareHover(A, p);
  return f.service.hover(A, p);
};

describe('vault links in the editor: hover', () => {
  it('a heading link shows the note, its title and the section under the heading', async () => {
    const f = await fixture(VAULT);
    const h = (await hoverAt(f, '[[Setup#Install', 3))!;
    assert.equal(
      h.contents,
      '**Note Setup** — Setup guide › Install\n\n> Run the installer\\.  \n> \\- a list item  \n> **Windows**  \n> Win\\.',
    );
    assert.equal(r(h.range), '3:4-3:25');
    // A Markdown link to the same heading by its slug shows the same.
    assert.equal((await hoverAt(f, '../Guides/Setup.md#install', 2))!.contents, h.contents);
  });

  it('a block link shows the paragraph or list item its id ends, without the id', async () => {
    const f = await fixture(VAULT);
    assert.equal((await hoverAt(f, '[[Setup#^step1', 3))!.contents, '**Note Setup** — Setup guide › ^step1\n\n> Run the installer\\.');
    assert.equal((await hoverAt(f, '[[Setup#^item', 3))!.contents, '**Note Setup** — Setup guide › ^item\n\n> \\- a list item');
  });

  it('a note link (a property, an escaped pipe in a table) shows the note after its front matter and title, words escaped', async () => {
    const f = await fixture(VAULT);
    const whole =
      '**Note Setup** — Setup guide\n\n> Intro line\\.  \n> **Install**  \n> Run the installer\\.  ' +
      '\n> \\- a list item  \n> **Windows**  \n> Win\\.  \n> **Other**  \n> See \\[\\[\\#Install\\]\\] ' +
      'and \\[\\[\\#Install\\#Windows\\]\\]\\.';
    assert.equal((await hoverAt(f, '"[[Setup', 3))!.contents, whole);
    const table = (await hoverAt(f, 'Guides/Setup\\|', 2))!;
    assert.equal(table.contents, whole);
    assert.equal(r(table.range), '4:6-4:33');
  });

  it('an image embed shows the workspace image at its |size, with its path and size', async () => {
    const f = await fixture(VAULT);
    assert.equal(
      (await hoverAt(f, '![[Outline', 4))!.contents,
      '![Outline\\.png](memory:///ws/assets/Outline.png|width=100)\n\n`assets/Outline.png` · 4 bytes',
    );
  });

  it('says which file it took where several share a name', async () => {
    const f = await fixture('//- a/Index.md\n# In a\n//- b/deep/Index.md\n# In b\n//- n.md\n[[Ind$0ex]]\n');
    const h = f.service.hover(f.cursor!.uri, f.cursor!.position)!;
    assert.equal(
      h.contents,
      '**Note Index** — In a\n\nTook `a/Index.md`: 1 other file shares the name (`b/deep/Index.md`); ' +
        'Obsidian takes the file in the same folder, then the shortest path.',
    );
  });
});

describe('vault links in the editor: go to definition and document links', () => {
  it('heading links go to the heading, block links to their line, Markdown links by slug to the heading, embeds to the file', async () => {
    const f = await fixture(VAULT);
    const def = (needle: string, delta: number) =>
      f.service.definition(A, pos(f, 'notes/a.md', needle, delta)).map((l) => `${l.targetUri.slice(ROOT.length + 1)} ${r(l.targetRange)}`);
    assert.deepEqual(def('[[Setup#Install', 3), ['Guides/Setup.md 6:0-6:10']);
    assert.deepEqual(def('../Guides/Setup.md#install', 2), ['Guides/Setup.md 6:0-6:10']);
    assert.deepEqual(def('[[Setup#^step1', 3), ['Guides/Setup.md 7:0-7:25']);
    assert.deepEqual(def('![[Outline', 4), ['assets/Outline.png 0:0-0:0']);
    assert.deepEqual(def('[o]: <', 8), ['Guides/Other Setup.md 0:0-0:0']);
  });

  it('document links open notes at the heading or block line, files as they are', async () => {
    const f = await fixture(VAULT);
    assert.deepEqual(
      f.service.documentLinks(A).map((l) => `${r(l.range)} ${l.target!.slice(ROOT.length + 1)} ${l.tooltip}`),
      [
        '1:10-1:19 Guides/Setup.md#L1 Note Setup',
        '3:4-3:25 Guides/Setup.md#L7 Note Setup › Install',
        '3:30-3:65 Guides/Setup.md#L7 Note Setup › Install',
        '3:67-3:86 assets/Outline.png File assets/Outline.png',
        '3:87-3:103 Guides/Setup.md#L8 Note Setup › ^step1',
        '4:6-4:33 Guides/Setup.md#L1 Note Setup',
        '5:0-5:15 Guides/Other Setup.md#L1 Note Other Setup',
        '5:30-5:45 Guides/Setup.md#L9 Note Setup › ^item',
        '7:0-7:31 Guides/Other Setup.md#L1 Note Other Setup',
      ],
    );
  });

  it('a Dendron wildcard embed leads to every child note it takes in and its hover lists them', async () => {
    const f = await fixture(`${DENDRON}//- vault/root.md\n![[prod$0uct.*]]\n`);
    const defs = f.service.definition(f.cursor!.uri, f.cursor!.position).map((l) => l.targetUri.slice(ROOT.length + 1));
    // The children of `product`, not `product` itself (as Dendron's glob reads it).
    assert.deepEqual(defs.sort(), ['vault/product.other.md', 'vault/product.topic.md']);
    assert.equal(
      f.service.hover(f.cursor!.uri, f.cursor!.position)!.contents,
      '`product.*` takes in 2 notes: `product.other`, `product.topic`',
    );
  });
});

/** The completion items at `$0` after a note `notes/new.md` holding `line`, as `label kind range detail`. */
async function complete(line: string, base = VAULT): Promise<string[]> {
  const f = await fixture(`${base}//- notes/new.md\n# Mine\n${line}$0\n`);
  return f.service
    .completion(f.cursor!.uri, f.cursor!.position)
    .map((i) => `${i.insertText} ${i.kind} ${r(i.range)}${i.detail ? ` ${i.detail}` : ''}`);
}

describe('vault links in the editor: completion', () => {
  it('after [[ offers notes by the name that reaches them, with title and path', async () => {
    assert.deepEqual(await complete('[[Se'), [
      'Other Setup note 1:2-1:4 Other · Guides/Other Setup.md',
      'Setup note 1:2-1:4 Setup guide · Guides/Setup.md',
    ]);
  });

  it('after ![[ offers attachments too', async () => {
    assert.deepEqual(await complete('![[Out'), ['Outline.png file 1:3-1:6 assets/Outline.png']);
  });

  it('after [[note# offers its headings by text, after [[note#^ its block ids, after [[# the note’s own headings', async () => {
    assert.deepEqual(await complete('[[Setup#'), [
      'Setup heading 1:8-1:8 # Setup',
      'Install heading 1:8-1:8 ## Install',
      'Windows heading 1:8-1:8 ### Windows',
      'Other heading 1:8-1:8 ## Other',
    ]);
    assert.deepEqual(await complete('[[Setup#^'), ['^step1 block 1:8-1:9 Run the installer.', '^item block 1:8-1:9 - a list item']);
    assert.deepEqual(await complete('[[#'), ['Mine heading 1:3-1:3 # Mine']);
  });

  it('inside a Markdown link offers relative paths (encoded, raw inside <…>), after .md# heading slugs', async () => {
    assert.deepEqual(await complete('[x](../Guides/'), [
      '../Guides/Other%20Setup.md note 1:4-1:14 Other · Guides/Other Setup.md',
      '../Guides/Setup.md note 1:4-1:14 Setup guide · Guides/Setup.md',
    ]);
    assert.deepEqual(await complete('[x](<../Guides/O'), ['../Guides/Other Setup.md note 1:5-1:16 Other · Guides/Other Setup.md']);
    assert.deepEqual(await complete('[x](../Guides/Setup.md#'), [
      'setup heading 1:23-1:23 # Setup',
      'install heading 1:23-1:23 ## Install',
      'windows heading 1:23-1:23 ### Windows',
      'other heading 1:23-1:23 ## Other',
    ]);
  });

  it('in Dendron offers hierarchy names after the label’s pipe and heading slugs', async () => {
    assert.deepEqual(await complete('[[the topic|product.t', DENDRON), ['product.topic note 1:12-1:21 Topic · vault/product.topic.md']);
    assert.deepEqual(await complete('[[product.topic#', DENDRON), [
      'topic heading 1:16-1:16 # Topic',
      'why-it-matters heading 1:16-1:16 ## Why it matters',
    ]);
  });

  it('keeps offering sources first after [[', async () => {
    const items = await complete('[[', `//- sources/002_abc.txt\nKirby Briefing Story\n\nText.\n${VAULT}`);
    assert.equal(items[0], '002 source 1:2-1:2 Kirby Briefing Story');
  });
});

describe('vault links in the editor: references', () => {
  const ALL_TO_SETUP = [
    'Guides/Setup.md 12:4-12:16',
    'Guides/Setup.md 12:21-12:41',
    'notes/a.md 1:10-1:19',
    'notes/a.md 3:4-3:25',
    'notes/a.md 3:30-3:65',
    'notes/a.md 3:87-3:103',
    'notes/a.md 4:6-4:33',
    'notes/a.md 5:30-5:45',
  ];

  it('on a link’s note name: every link to the note, in every form (property, wiki, Markdown, table, same-note)', async () => {
    const f = await fixture(VAULT);
    assert.deepEqual(f.service.references(A, pos(f, 'notes/a.md', '[[Setup#Install', 3), true).map(loc), ALL_TO_SETUP);
    assert.deepEqual(f.service.references(A, pos(f, 'notes/a.md', '"[[Setup', 4), false).map(loc), ALL_TO_SETUP);
  });

  it('anywhere in a note (not on a heading): the links to it', async () => {
    const f = await fixture(VAULT);
    assert.deepEqual(f.service.references(SETUP, { line: 4, character: 2 }, true).map(loc), ALL_TO_SETUP);
  });

  it('on a heading (its line, or a link’s heading part): the heading and the links to it, by text or slug', async () => {
    const f = await fixture(VAULT);
    const expected = ['Guides/Setup.md 6:0-6:10', 'Guides/Setup.md 12:4-12:16', 'notes/a.md 3:4-3:25', 'notes/a.md 3:30-3:65'];
    assert.deepEqual(f.service.references(SETUP, { line: 6, character: 4 }, true).map(loc), expected);
    assert.deepEqual(f.service.references(A, pos(f, 'notes/a.md', '[[Setup#Install', 10), true).map(loc), expected);
    assert.deepEqual(f.service.references(SETUP, { line: 6, character: 4 }, false).map(loc), expected.slice(1));
  });

  it('on a block link’s id: the block id and the links to it', async () => {
    const f = await fixture(VAULT);
    assert.deepEqual(f.service.references(A, pos(f, 'notes/a.md', '[[Setup#^step1', 10), true).map(loc), [
      'Guides/Setup.md 7:19-7:25',
      'notes/a.md 3:87-3:103',
    ]);
  });

  it('on an attachment link: every link to the file', async () => {
    const f = await fixture(`${VAULT}//- notes/b.md\n![](../assets/Outline.png) [[Outline.png]]\n`);
    assert.deepEqual(f.service.references(A, pos(f, 'notes/a.md', '![[Outline', 4), false).map(loc), [
      'notes/a.md 3:67-3:86',
      'notes/b.md 0:0-0:26',
      'notes/b.md 0:27-0:42',
    ]);
  });

  it('a source citation still lists the citations of its passage only', async () => {
    const f = await fixture(
      `//- sources/002_abc.txt\nKirby Story\n\nText.\n//- notes/n.md\n[[002#p1]] [[002#p2]] [[002]]\n//- notes/m.md\n[[002#p1]]\n`,
    );
    assert.deepEqual(f.service.references(uri('notes/n.md'), { line: 0, character: 3 }, false).map(loc), [
      'notes/m.md 0:0-0:10',
      'notes/n.md 0:0-0:10',
    ]);
  });
});

describe('vault links in the editor: rename', () => {
  it('a heading (from its line): it and each link to it, text in wiki links, slug in Markdown links, nested, same-note', async () => {
    const f = await fixture(VAULT);
    assert.deepEqual(f.service.prepareRename(SETUP, { line: 6, character: 5 }), {
      range: { start: { line: 6, character: 3 }, end: { line: 6, character: 10 } },
      placeholder: 'Install',
    });
    const { edits, renames } = await f.service.rename(SETUP, { line: 6, character: 5 }, 'Installing: it');
    assert.equal(renames, undefined);
    assert.deepEqual(edits.map(edit), [
      'Guides/Setup.md 6:3-6:10 Installing: it',
      // `:` cannot stand in a wiki link's heading (Obsidian drops it); the alias `|how` stays.
      'Guides/Setup.md 12:7-12:14 Installing it',
      'Guides/Setup.md 12:24-12:31 Installing it',
      'notes/a.md 3:12-3:19 Installing it',
      'notes/a.md 3:57-3:64 installing-it',
    ]);
  });

  it('a heading from a link’s heading part renames the same', async () => {
    const f = await fixture(VAULT);
    const at = pos(f, 'notes/a.md', '[[Setup#Install', 10);
    assert.deepEqual(f.service.prepareRename(A, at)?.placeholder, 'Install');
    assert.deepEqual((await f.service.rename(A, at, 'Installing')).edits.map(edit), [
      'Guides/Setup.md 6:3-6:10 Installing',
      'Guides/Setup.md 12:7-12:14 Installing',
      'Guides/Setup.md 12:24-12:31 Installing',
      'notes/a.md 3:12-3:19 Installing',
      'notes/a.md 3:57-3:64 installing',
    ]);
  });

  it('refuses a heading name the note already has', async () => {
    const f = await fixture(VAULT);
    await assert.rejects(
      async () => f.service.rename(SETUP, { line: 6, character: 5 }, 'other'),
      /Note `Setup` already has a heading `other`/,
    );
  });

  it('a note (from a link to it): the file is renamed, every link follows in its own form, aliases, headings and blocks kept', async () => {
    const f = await fixture(VAULT);
    const at = pos(f, 'notes/a.md', '[[Setup#Install', 3);
    assert.deepEqual(f.service.prepareRename(A, at), {
      range: { start: { line: 3, character: 6 }, end: { line: 3, character: 11 } },
      placeholder: 'Setup',
    });
    const { edits, renames } = await f.service.rename(A, at, 'Getting started');
    assert.deepEqual(renames, [{ oldUri: SETUP, newUri: uri('Guides/Getting started.md') }]);
    assert.deepEqual(edits.map(edit), [
      'notes/a.md 1:12-1:17 Getting started',
      'notes/a.md 3:6-3:11 Getting started',
      'notes/a.md 3:38-3:56 ../Guides/Getting%20started.md',
      'notes/a.md 3:89-3:94 Getting started',
      'notes/a.md 4:8-4:20 Guides/Getting started',
      'notes/a.md 5:32-5:37 Getting started',
    ]);
  });

  it('an attachment keeps its extension; a name taken or a path is refused', async () => {
    const f = await fixture(VAULT);
    const at = pos(f, 'notes/a.md', '![[Outline', 4);
    assert.deepEqual(await f.service.rename(A, at, 'Diagram'), {
      edits: [{ uri: A, range: { start: { line: 3, character: 69 }, end: { line: 3, character: 80 } }, newText: 'Diagram.png' }],
      renames: [{ oldUri: uri('assets/Outline.png'), newUri: uri('assets/Diagram.png') }],
    });
    const note = pos(f, 'notes/a.md', '[[Setup#Install', 3);
    await assert.rejects(async () => f.service.rename(A, note, 'Other Setup'), /A file named `Other Setup.md` is already in that folder/);
    await assert.rejects(async () => f.service.rename(A, note, 'a/b'), /cannot be a file name here/);
  });

  it('in Dendron renames the hierarchy name after the label, prefixes kept, and a heading by its slug', async () => {
    const f = await fixture(`${DENDRON}//- vault/root.md\n[[the topic|product.topic#why-it-matters]] [[dendron://vault/product.topic]]\n`);
    const root = uri('vault/root.md');
    const renamed = await f.service.rename(root, { line: 0, character: 15 }, 'product.subject');
    assert.deepEqual(renamed.renames, [{ oldUri: uri('vault/product.topic.md'), newUri: uri('vault/product.subject.md') }]);
    assert.deepEqual(renamed.edits.map(edit), [
      'vault/root.md 0:12-0:25 product.subject',
      'vault/root.md 0:45-0:74 dendron://vault/product.subject',
    ]);
    assert.deepEqual((await f.service.rename(root, { line: 0, character: 30 }, 'Why now')).edits.map(edit), [
      'vault/product.topic.md 1:3-1:17 Why now',
      'vault/root.md 0:26-0:40 why-now',
    ]);
  });

  it('a source anchor is still renamed as an anchor', async () => {
    const f = await fixture(
      `//- sources/002_abc.txt\nKirby spoke.\n//- sources/002_abc.anchors.yaml\nkirby: Kirby spoke\n//- notes/n.md\n[[002#kirby]]\n`,
    );
    assert.deepEqual((await f.service.rename(uri('notes/n.md'), { line: 0, character: 8 }, 'kirby-2')).edits.map(edit), [
      'sources/002_abc.anchors.yaml 0:0-0:5 kirby-2',
      'notes/n.md 0:6-0:11 kirby-2',
    ]);
  });
});

describe('vault links in the editor: files moved or renamed', () => {
  it('a note moved to another folder: path links follow, names stay names', async () => {
    const f = await fixture(VAULT);
    assert.deepEqual((await f.service.renameFiles([{ oldUri: SETUP, newUri: uri('Archive/Setup.md') }])).edits.map(edit), [
      'notes/a.md 3:38-3:56 ../Archive/Setup.md',
      'notes/a.md 4:8-4:20 Archive/Setup',
    ]);
  });

  it('a file renamed where its new name is taken is linked by its vault path; <…> destinations stay raw', async () => {
    const f = await fixture(VAULT);
    assert.deepEqual(
      (await f.service.renameFiles([{ oldUri: uri('Guides/Other Setup.md'), newUri: uri('Guides/x/Setup.md') }])).edits.map(edit),
      ['notes/a.md 5:2-5:13 Guides/x/Setup', 'notes/a.md 7:6-7:30 ../Guides/x/Setup.md'],
    );
  });

  it('a folder moved: relative links inside its notes are recomputed', async () => {
    const f = await fixture(VAULT);
    assert.deepEqual((await f.service.renameFiles([{ oldUri: uri('notes'), newUri: uri('deep/notes') }])).edits.map(edit), [
      'notes/a.md 3:38-3:56 ../../Guides/Setup.md',
      'notes/a.md 7:6-7:30 ../../Guides/Other Setup.md',
    ]);
  });

  it('the index follows a renamed file: a link still naming the old file is reported', async () => {
    const f = await fixture(VAULT);
    assert.deepEqual(f.service.allProblems().get(A) ?? [], []);
    const png = f.workspace.files.get(uri('assets/Outline.png'))!;
    f.workspace.files.delete(uri('assets/Outline.png'));
    f.workspace.files.set(uri('assets/Diagram.png'), png);
    await f.service.filesRenamed([
      { oldUri: uri('assets'), newUri: uri('assets') },
      { oldUri: uri('assets/Outline.png'), newUri: uri('assets/Diagram.png') },
    ]);
    assert.deepEqual(
      (f.service.allProblems().get(A) ?? []).map((p) => `${r(p.range)} ${p.code}`),
      ['3:69-3:80 GN001'],
    );
  });
});

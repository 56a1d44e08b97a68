/**
 * Links as vaults write them (SPEC §1a): each shape that real Obsidian, Foam, Dendron
 * and Logseq vaults showed, in a small fixture of its own; what is fine in the vault's
 * tool reports nothing, and what is broken there is reported with a message about
 * notes and files.
 */
import { strict as assert } from 'node:assert';
import { fixture, problemsOf } from '../helpers/fixture.js';

const links = (f: Awaited<ReturnType<typeof fixture>>, path: string) => problemsOf(f, path, ['GN001', 'GN002', 'GN003', 'GN004']);

describe('vault links: targets by name and by path', () => {
  it('finds a note by name anywhere, by vault-relative path, relative path, path suffix, with or without .md, in any case', async () => {
    const f = await fixture(
      `//- .obsidian/app.json
{}
//- 02 - Topics/People/Someone Else.md
# Someone Else
//- Guides/Backups.md
# Backups
//- notes/a.md
[[someone else]] [[02 - Topics/People/Someone Else|them]] [[People/someone else]] [[../Guides/Backups.md]] ` +
        `[[Guides/Backups|Backups]] [[BACKUPS]]
`,
    );
    assert.deepEqual(links(f, 'notes/a.md'), []);
  });

  it('reports a missing note as a note or file, with names of notes as suggestions, never speaking of sources', async () => {
    const f = await fixture(`//- notes/quiet harbour.md
x
//- notes/b.md
[[quiet harbor]] and [[nothing like it]]
`);
    assert.deepEqual(links(f, 'notes/b.md'), [
      '1:3-1:15 GN001 No note or file `quiet harbor` in the workspace; did you mean `quiet harbour`?',
      '1:24-1:39 GN001 No note or file `nothing like it` in the workspace',
    ]);
  });

  it('takes the note in the same folder, then the shortest path, when several share a name (Obsidian reports nothing)', async () => {
    const f = await fixture(`//- a/Index.md
# In a
//- b/deep/Index.md
# In b
//- b/note.md
[[Index#In a]] [[Index#In b]]
`);
    // From b/note.md the shortest path is a/Index.md: its heading `In a` exists, `In b` does not.
    assert.deepEqual(links(f, 'b/note.md'), ['1:24-1:28 GN002 No heading `In b` in note `Index`; did you mean `In a`?']);
  });

  it('suggests headings of a note that several links miss, as text or as slugs as each link writes it', async () => {
    const f = await fixture(`//- Index.md
# Getting Started
## Installing
//- a.md
[[Index#Getting Startd]] [[Index#instaling]] [[Index#Instaling]]
//- b.md
[[Index#getting-startd]] [Setup](Index.md#instaling)
`);
    assert.deepEqual(links(f, 'a.md'), [
      '1:9-1:23 GN002 No heading `Getting Startd` in note `Index`; did you mean `Getting Started`?',
      '1:34-1:43 GN002 No heading `instaling` in note `Index`; did you mean `installing`?',
      '1:54-1:63 GN002 No heading `Instaling` in note `Index`; did you mean `Installing`?',
    ]);
    assert.deepEqual(links(f, 'b.md'), [
      '1:9-1:23 GN002 No heading `getting-startd` in note `Index`; did you mean `getting-started`?',
      '1:43-1:52 GN002 No heading `instaling` in note `Index`; did you mean `installing`?',
    ]);
  });

  it('among files of the same name and depth, takes the first in the collator’s order (a before B), the shorter before the first in name', async () => {
    const f = await fixture(`//- B/Index.md
# In B
//- a/Index.md
# In a
//- z/Topic.md
# In z
//- a/deep/Topic.md
# In deep
//- n/note.md
[[Index#In a]] [[Index#In B]] [[Topic#In z]] [[Topic#In deep]]
`);
    assert.deepEqual(links(f, 'n/note.md'), [
      '1:24-1:28 GN002 No heading `In B` in note `Index`; did you mean `In a`?',
      '1:54-1:61 GN002 No heading `In deep` in note `Topic`',
    ]);
  });

  it('resolves the same link from each folder as that folder sees it, wherever the folder matters', async () => {
    // The same four links from three folders: by name with a note in the linking folder,
    // by a path that a folder below the root holds, by a path from the note's folder, and
    // by a path from the root (alike from every folder).
    const note = '[[Index#In a]] [[p/x#In a]] [[./p/x#In a]] [[r/s/t#T]]\n';
    const f = await fixture(`//- a/Index.md
# In a
//- b/Index.md
# In b
//- a/p/x.md
# In a
//- c/p/x.md
# In c
//- r/s/t.md
# T
//- a/n.md
${note}//- b/n.md
${note}//- c/n.md
${note}`);
    assert.deepEqual(links(f, 'a/n.md'), []);
    assert.deepEqual(links(f, 'b/n.md'), ['1:9-1:13 GN002 No heading `In a` in note `Index`; did you mean `In b`?']);
    assert.deepEqual(links(f, 'c/n.md'), [
      '1:22-1:26 GN002 No heading `In a` in note `x`; did you mean `In c`?',
      '1:37-1:41 GN002 No heading `In a` in note `x`; did you mean `In c`?',
    ]);
  });
});

describe('vault links: attachments and embeds', () => {
  it('any file is a link and embed target, with sizes and fragments', async () => {
    const f = await fixture(
      `//- assets/Outline.png
PNG
//- assets/arrow.svg
<svg/>
//- docs/Manual.pdf
%PDF
//- board.canvas
{}
//- notes/n.md
![[Outline.png]] ![[arrow.svg#icon]] ![[Outline.png|100]] ![[Outline.png|100x200]] [[Manual.pdf#page=3]] ` +
        `[[board.canvas]] ![img](../assets/Outline.png)
`,
    );
    assert.deepEqual(links(f, 'notes/n.md'), []);
  });

  it('a missing attachment is GN001 with attachments as suggestions', async () => {
    const f = await fixture(`//- assets/Outline.png
PNG
//- notes/Outline.md
x
//- notes/n.md
![[Outlines.png]]
`);
    assert.deepEqual(links(f, 'notes/n.md'), ['1:4-1:16 GN001 No file `Outlines.png` in the workspace; did you mean `Outline.png`?']);
  });
});

describe('vault links: headings, blocks and same-note links', () => {
  const vault = `//- Options.md
# Options
## Editor
### Spelling
## Search \`path:\` operator
## What is the Hub?
## D&D WOTC
Some text ^data-regions

- an item ^item-1
![[Outline.png]]^fig
//- Outline.png
PNG
`;

  it('matches headings by text as Obsidian does (case, punctuation and markup ignored), nested, by slug too, and block ids', async () => {
    const f = await fixture(
      `${vault}//- n.md
[[Options#editor]] [[Options#Editor#Spelling]] [[Options#Search path: operator]] [[Options#what is the hub]] ` +
        `[[Options#D D WOTC]] [[Options#search-path-operator]] [[Options#^data-regions]] ![[Options#^item-1]] [[Options#^fig]]
`,
    );
    assert.deepEqual(links(f, 'n.md'), []);
  });

  it('reports a missing heading or block as GN002 naming the note, with headings as the vault writes them', async () => {
    const f = await fixture(`${vault}//- n.md
[[Options#Editr]] [[Options#Spelling#Editor]] [[Options#^nope]]
`);
    assert.deepEqual(links(f, 'n.md'), [
      '1:11-1:16 GN002 No heading `Editr` in note `Options`; did you mean `Editor`?',
      '1:29-1:44 GN002 No heading `Spelling#Editor` in note `Options`; did you mean `Spelling`?',
      '1:57-1:62 GN002 No block `^nope` in note `Options`; did you mean `^data-regions`, `^item-1` or `^fig`?',
    ]);
  });

  it('same-note links resolve in the note; a missing one is GN002 in this note, never GN004', async () => {
    const f = await fixture(`//- n.md
# Installation
## See also
[[#Installation]] [[#See also|see below]] [[#Instalation]]
`);
    assert.deepEqual(links(f, 'n.md'), ['3:46-3:57 GN002 No heading `Instalation` in this note; did you mean `Installation`?']);
  });

  it('matches a heading holding a link as written too, as Obsidian suggests it, and a heading that opens with a quotation', async () => {
    const f = await fixture(
      `//- Other Note.md
# Other Note
//- Topics.md
## [[Other Note|Pretty label]] rules
## [[Other Note#Part|part]] in depth
## "Quoted" words
//- n.md
[[Topics#Other Note Pretty label rules|a]] [[Topics#Pretty label rules]] [[Topics#Other Note Part part in depth]] ` +
        `[[Topics#"Quoted" words|b]] [[Topics#"Quoted" others]] [[Nowhere#"Quoted" words]]
`,
    );
    assert.deepEqual(links(f, 'n.md'), [
      '1:152-1:167 GN002 No heading `"Quoted" others` in note `Topics`',
      '1:172-1:179 GN001 No note or file `Nowhere` in the workspace',
    ]);
  });

  it('typing in a note re-checks only it; renaming one of its headings re-checks the notes linking to it', async () => {
    const f = await fixture(`//- Options.md
# Options
## Editor
Some text ^data-regions
//- n.md
[[Options#Editor]] [[Options#^data-regions]]
`);
    const options = `${f.workspace.folders[0]}/Options.md`;
    const n = `${f.workspace.folders[0]}/n.md`;
    f.service.takeChangedProblems();
    f.service.openDocument(options, '# Options\n## Editor\nSome more text ^data-regions\n', 1);
    assert.deepEqual([...f.service.takeChangedProblems().keys()], [options]);
    f.service.openDocument(options, '# Options\n## Editing\nSome more text ^data-regions\n', 2);
    const changed = f.service.takeChangedProblems();
    assert.deepEqual([...changed.keys()].sort(), [options, n].sort());
    assert.deepEqual(
      changed.get(n)?.map((p) => `${p.code} ${p.message}`),
      ['GN002 No heading `Editor` in note `Options`'],
    );
    f.service.openDocument(options, '# Options\n## Editing\nSome more text ^regions\n', 3);
    assert.equal(f.service.takeChangedProblems().get(n)?.length, 2);
  });
});

describe('vault links: notes as editors save them, handed in as written', () => {
  it('finds the first heading of a note that starts with a byte order mark', async () => {
    // Notes saved by Windows editors start with U+FEFF. A workspace reading from disk drops it
    // (NodeWorkspace); text handed in with it, as here, was read with `# Agenda` as text.
    const f = await fixture(
      '//- Meeting.md\n\ufeff# Agenda\nsee `[[Nowhere]]`\n//- Notes.md\n\ufeff---\ntags: [a]\n---\n[[Meeting#Agenda]] [[Meeting#Minutes]]\n',
    );
    assert.deepEqual(links(f, 'Notes.md'), ['4:30-4:37 GN002 No heading `Minutes` in note `Meeting`']);
    assert.deepEqual(links(f, 'Meeting.md'), []);
  });

  it('reads indented code, definitions and underlined paragraphs as the Markdown parser does', async () => {
    const f = await fixture(`//- Target.md
First line of a heading
and its second line
---
//- n.md
Text before code.

    [[Not a link in indented code]]

[ref]: ./Missing.md "a definition's link is checked"

[[Target#First line of a heading and its second line]] [[Target#Elsewhere]]
`);
    assert.deepEqual(links(f, 'n.md'), [
      '5:8-5:20 GN001 No note or file `./Missing.md` in the workspace',
      '7:65-7:74 GN002 No heading `Elsewhere` in note `Target`',
    ]);
  });
});

describe('vault links: what is not a link', () => {
  it('ignores %% comments %%, inline and over blocks, and reads escaped pipes in table cells', async () => {
    const f = await fixture(`//- Board view.md
x
//- n.md
%% [[gone]] %% text %%
[[also gone]]

still comment %%

| a | b |
|---|---|
| [[Board view\\|Board]] | [[Board view\\|x]] |
`);
    assert.deepEqual(links(f, 'n.md'), []);
  });

  it('reads nothing in math: $$ blocks (in callouts too) and inline $…$; a lone dollar sign is text', async () => {
    const f = await fixture(`//- n.md
> [!example] A matrix
> $$
> G = [[1, 2], [3]]
> $$

$$
[f * g](s) = \\int f(x) g(s - x) dx
$$

We calculate $[(TS)R](u) = (TS)R(u)$ and $a + [[b]]$ here.

It costs $5 and [[gone]] costs $ 10.
`);
    assert.deepEqual(links(f, 'n.md'), ['12:19-12:23 GN001 No note or file `gone` in the workspace']);
  });

  it('a Markdown link whose text starts with a bracket is a link, not an unclosed [[', async () => {
    const f = await fixture(`//- n.md
- [[FR]: Export fails](https://example.org/issues/1)
- [[Code](https://example.org/code)]
`);
    assert.deepEqual(links(f, 'n.md'), []);
  });

  it('an unclosed [[ and an empty [[]] are text in a vault without sources', async () => {
    const f = await fixture(`//- n.md
Type \`[[\` then [[some.note# to get headings, or [[]].
`);
    assert.deepEqual(links(f, 'n.md'), []);
  });
});

describe('vault links: Markdown links and property links', () => {
  it('checks Markdown links as VS Code does: relative, root-relative, <…>, %20, #heading, reference definitions; not URLs', async () => {
    const f = await fixture(
      `//- dir/other.md
# A Heading
//- dir/name with spaces.md
x
//- n.md
# Here
[a](dir/other.md) [b](dir/other.md#a-heading) [c](<dir/name with spaces.md>) [d](dir/name%20with%20spaces.md) ` +
        `[e](#here) [f](/dir/other.md) [g](https://example.org/x.md) [h][ref]

[ref]: dir/other.md
`,
    );
    assert.deepEqual(links(f, 'n.md'), []);
  });

  it('takes a Markdown link to a folder that holds files, at any depth and in any case, until its last file goes', async () => {
    const f = await fixture(`//- Docs/Deep/only.md
# Only
//- n.md
[a](docs/) [b](Docs/Deep) [c](docs/deep/) [d](Docs/Dee/)
`);
    assert.deepEqual(links(f, 'n.md'), ['1:47-1:56 GN001 No note or file `Docs/Dee/` in the workspace']);
    const only = `${f.workspace.folders[0]}/Docs/Deep/only.md`;
    f.workspace.files.delete(only);
    await f.service.filesChanged([{ uri: only, kind: 'deleted' }]);
    assert.deepEqual(links(f, 'n.md'), [
      '1:5-1:10 GN001 No note or file `docs/` in the workspace',
      '1:16-1:25 GN001 No note or file `Docs/Deep` in the workspace',
      '1:31-1:41 GN001 No note or file `docs/deep/` in the workspace',
      '1:47-1:56 GN001 No note or file `Docs/Dee/` in the workspace',
    ]);
  });

  it("takes an HTML element's id, GitHub's `user-content-` ids and footnotes as a Markdown preview does", async () => {
    const f = await fixture(
      `//- guide.md
# Guide
## Install
//- n.md
# Post
## Relocation

See [Table 1](#table-1), [steps](#setup-steps), [end](#the-end), [here](#user-content-relocation), ` +
        `[there](guide.md#user-content-install) and [gone](#table-2).[^1] Another.[^2]

<a id="table-1"></a>Table 1. Terms
<h3 id='setup-steps'>1. Setup</h3>
<a name=the-end></a>

[^1]: 这是一个脚注。
[^2]: see-the-manual
`,
    );
    assert.deepEqual(links(f, 'n.md'), ['4:151-4:158 GN002 No heading `table-2` in this note']);
  });

  it('takes the GitHub slug of a heading holding a Markdown link from what it shows', async () => {
    const f = await fixture(`//- n.md
## Q&A [y](https://example.com)
## Auteur·ice[#](#auteurice "Permanent link")

[a](#qa-y) [b](#auteurice) [c](#qa-yhttpsexamplecom)
`);
    assert.deepEqual(links(f, 'n.md'), ['4:33-4:52 GN002 No heading `qa-yhttpsexamplecom` in this note; did you mean `qa-y`?']);
  });

  it('reports a missing file (GN001) and a missing heading (GN002) of a Markdown link', async () => {
    const f = await fixture(`//- dir/other.md
# A Heading
//- n.md
[a](dir/missing.md) [b](dir/other.md#b-heading) [c](#nowhere)

[ref]: gone.md
`);
    assert.deepEqual(links(f, 'n.md'), [
      '1:5-1:19 GN001 No note or file `dir/missing.md` in the workspace',
      '1:38-1:47 GN002 No heading `b-heading` in note `other`; did you mean `a-heading`?',
      '1:54-1:61 GN002 No heading `nowhere` in this note',
      '3:8-3:15 GN001 No note or file `gone.md` in the workspace',
    ]);
  });

  it('a link that leaves the workspace folder is not checked', async () => {
    const f = await fixture(`//- n.md
[contributing](../../CONTRIBUTING.md)
`);
    assert.deepEqual(links(f, 'n.md'), []);
  });

  it('reads quoted [[links]] in front matter properties as links', async () => {
    const f = await fixture(`//- n.md
---
related: "[[other]]"
up:
  - "[[missing one]]"
---
text
//- other.md
x
`);
    assert.deepEqual(links(f, 'n.md'), ['4:8-4:19 GN001 No note or file `missing one` in the workspace']);
  });
});

describe('vault links: Dendron', () => {
  const dendron = `//- dendron.yml
version: 5
workspace:
  vaults:
    - fsPath: vault
      name: site
//- vault/product.topic.intro.md
# Why
## Details
//- vault/a.b.one.md
x
//- vault/a.b.two.md
y
`;

  it('reads label-first links, vault prefixes, hierarchy names, note-reference ranges and wildcard embeds', async () => {
    const f = await fixture(
      `${dendron}//- vault/n.md
[[guide|product.topic.intro]] [[docs|dendron://site/product.topic.intro#why]] ` +
        `![[product.topic.intro#why,1:#*]] ![[product.topic.intro#^begin:#^end]] ![[product.topic.intro#why:#details]] ` +
        `![[a.b.*]] [[product.topic.intro]]
`,
    );
    assert.deepEqual(links(f, 'vault/n.md'), []);
  });

  it("reads a root-relative Markdown link from the note's vault, where Dendron keeps assets/, then from the workspace", async () => {
    const f = await fixture(`${dendron}//- vault/assets/images/pic-1.png
PNG
//- docs/guide.md
x
//- vault/n.md
![](/assets/images/pic-1.png){max-width: 300px} [guide](/docs/guide.md) ![](/assets/images/pic-3.png)
`);
    assert.deepEqual(links(f, 'vault/n.md'), [
      '1:77-1:101 GN001 No file `/assets/images/pic-3.png` in the workspace; did you mean `pic-1.png`?',
    ]);
  });

  it('reads a vault committed without dendron.yml as Dendron by its root schema', async () => {
    const f = await fixture(`//- root.schema.yml
version: 1
schemas:
  - id: root
//- tools.guide.md
## Set up
//- root.md
See [[the guide|tools.guide]] and [[setup|tools.guide#set-up]] and [[x|tools.gone]].
`);
    assert.deepEqual(links(f, 'root.md'), ['1:72-1:82 GN001 No note or file `tools.gone` in the workspace']);
  });

  it('reports a missing target after the pipe, naming the target', async () => {
    const f = await fixture(`${dendron}//- vault/n.md
[[docs|product.topic.intr]] [[x|product.topic.intro#whyy]]
`);
    assert.deepEqual(links(f, 'vault/n.md'), [
      '1:8-1:26 GN001 No note or file `product.topic.intr` in the workspace; did you mean `product.topic.intro`?',
      '1:53-1:57 GN002 No heading `whyy` in note `product.topic.intro`; did you mean `why`?',
    ]);
  });
});

describe('vault links: Foam, Logseq and plain Markdown', () => {
  it('Foam reports a name that several notes answer to', async () => {
    const f = await fixture(`//- .foam/config.json
{}
//- a/todo.md
x
//- b/todo.md
y
//- n.md
[[todo]] [[a/todo]]
`);
    assert.deepEqual(links(f, 'n.md'), ['1:3-1:7 GN003 `todo` names 2 notes (`a/todo` or `b/todo`); write the path to say which']);
  });

  it('in a Logseq graph a linked page without a file is not broken; a missing asset is', async () => {
    const f = await fixture(`//- logseq/config.edn
{}
//- pages/setting___theme modes.md
- x
//- pages/n.md
- [[Developer mode]] [[setting/theme modes]] ![gif](../assets/missing.gif) [intro](((63bc6201-53b1-47a4-834f-83934b69ad49)))
`);
    assert.deepEqual(links(f, 'pages/n.md'), ['1:53-1:74 GN001 No file `../assets/missing.gif` in the workspace']);
  });

  it("leaves out Logseq's copies of pages (logseq/bak/, logseq/version-files/), as Logseq leaves them out of the graph", async () => {
    const copy = '- ![x](../assets/x.png) [[gone page]]\n';
    const f = await fixture(`//- logseq/config.edn
{}
//- assets/x.png
png
//- pages/a.md
${copy}//- logseq/version-files/base/pages/a.md
${copy}//- logseq/bak/pages/a/2024-01-01T00_00_00.000Z.Desktop.md
${copy}`);
    assert.equal(f.service.counts().notes, 1);
    assert.deepEqual(links(f, 'pages/a.md'), []);
  });

  it('in a plain Markdown repository (Markdown links only, no [[…]] names anything) [[…]] is text', async () => {
    const f = await fixture(`//- docs/a.md
A tool with bidirectional [[link]]s. See [b](b.md), and [[b#"quoted" words]].
//- docs/b.md
x
`);
    assert.deepEqual(links(f, 'docs/a.md'), []);
  });

  it('an embed ![[…]] makes a vault of it even when none of its links resolves (no marker, and all its links broke)', async () => {
    const f = await fixture(`//- docs/a.md
![[Pasted image 1.png]] and [[Launch notes]]. See [b](b.md).
//- docs/b.md
x
`);
    assert.deepEqual(problemsOf(f, 'docs/a.md'), [
      '1:4-1:22 GN001 No file `Pasted image 1.png` in the workspace',
      '1:31-1:43 GN001 No note or file `Launch notes` in the workspace',
    ]);
  });

  it('groundedNotes.linkStyle overrides what the markers say', async () => {
    const f = await fixture(
      `//- .obsidian/app.json
{}
//- n.md
[[label|target]]
//- target.md
x
`,
      { linkStyle: 'dendron' },
    );
    assert.deepEqual(links(f, 'n.md'), []);
  });

  it('changing groundedNotes.linkStyle re-reads every link under the new style (a link read under one is never reused)', async () => {
    const f = await fixture(`//- .obsidian/app.json
{}
//- n.md
[[label|target]] and again [[label|target]]
//- target.md
x
`);
    const missing = '1:3-1:8 GN001 No note or file `label` in the workspace';
    assert.deepEqual(links(f, 'n.md'), [missing, '1:30-1:35 GN001 No note or file `label` in the workspace']);
    f.service.setConfig({ ...f.service.config, linkStyle: 'dendron' });
    assert.deepEqual(links(f, 'n.md'), []);
    f.service.setConfig({ ...f.service.config, linkStyle: 'obsidian' });
    assert.equal(links(f, 'n.md')[0], missing);
  });
});

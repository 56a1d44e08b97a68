// The judge behind `npm run eval:vaults -- --judge` (scripts/vault-oracle.mjs): on small
// vaults in each convention, written in the shapes the real vaults showed, every link the
// tool's documentation calls fine is judged fine, every missing target broken, and what
// the tool does not read as a link (comments, code, Markdown link text) "not a link".
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseFixture } from '../helpers/fixture.js';
import { ensureBuilt, REPO } from '../helpers/lspClient.js';

const ORACLE = join(REPO, 'scripts/vault-oracle.mjs');

interface Case {
  file: string;
  /** The exact text of the link (its first occurrence in the file is meant). */
  link: string;
  verdict: 'broken' | 'fine' | 'not a link';
  /** The shape (for fine / not a link) or the reason (for broken) the judge gives. */
  shape: string;
}

/** Writes a fixture vault into a fresh temp folder. */
function writeVault(vault: string): { dir: string; files: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'gn-judge-'));
  const { files } = parseFixture(vault);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, files };
}

/** Writes a fixture vault, reports each case's link as the CLI would (at its target), and returns the judge's lines. */
function judge(vault: string, convention: string, cases: Case[]): string[] {
  const { dir, files } = writeVault(vault);
  try {
    const reports = cases.map((c) => {
      const text = files[c.file]!;
      const at = text.indexOf(c.link);
      assert.ok(at >= 0, `${c.link} is in ${c.file}`);
      const inner = c.link.startsWith('![[') ? 3 : c.link.startsWith('[[') ? 2 : 0;
      const before = text.slice(0, at + inner).split('\n');
      return { file: c.file, line: before.length, column: before.at(-1)!.length + 1, code: 'GN001', message: '' };
    });
    writeFileSync(join(dir, '.reports.json'), JSON.stringify(reports));
    const r = spawnSync(process.execPath, [ORACLE, `${dir}=${convention}`, join(dir, '.reports.json')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim().split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function check(vault: string, convention: string, cases: Case[]): void {
  const lines = judge(vault, convention, cases);
  const got = lines.map((l, i) => `${cases[i]!.link} → ${l.split('\t').slice(0, 2).join(' | ')}`);
  const want = cases.map((c) => `${c.link} → ${c.verdict} | ${c.shape}`);
  assert.deepEqual(got, want);
}

describe('vault judge (scripts/vault-oracle.mjs)', () => {
  it('reads an Obsidian vault as Obsidian documents it', () => {
    const vault = `
//- .obsidian/app.json
{}
//- Attachments/diagram.png
png
//- Guides/Backups.md
---
aliases: [Safe copies]
---
# Backups
## What is the Hub?
## Setup & Consistency
### \`id\`
## Options
### Editor
A paragraph with an id. ^fonts
//- Home.md
---
related: "[[Backups]]"
---
# Home
## Local heading
See [[Guides/Backups|Backups]] and ![[diagram.png|100]] and [[#Local heading]].
Also [[Backups#What is the Hub]], [[Backups#Setup Consistency]] and [[Backups#\`id\`|id]].
Nested: [[Backups#Options#Editor]]; block: ![[Backups#^fonts]].
| a | [[Backups\\|B]] |
|---|---|
%% [[Hidden note]] %%
Missing: [[Missing note]], [[Backups#No such heading]], [[Safe copies]], ![[Backups#^nope]].
A report: [[BUG]: export fails](https://example.com/1).
Code: \`[[Not a link]]\`.
Image: ![d](Attachments/diagram.png) and [gone](Missing.md).
Math: $G = [[In math]]$ and $5 or [[Price note]] $6.
`;
    check(vault, 'obsidian', [
      { file: 'Home.md', link: '[[Backups]]', verdict: 'fine', shape: 'front-matter link' },
      { file: 'Home.md', link: '[[Guides/Backups|Backups]]', verdict: 'fine', shape: 'folder path' },
      { file: 'Home.md', link: '![[diagram.png|100]]', verdict: 'fine', shape: 'attachment' },
      { file: 'Home.md', link: '[[#Local heading]]', verdict: 'fine', shape: 'same-note' },
      { file: 'Home.md', link: '[[Backups#What is the Hub]]', verdict: 'fine', shape: 'heading by text' },
      { file: 'Home.md', link: '[[Backups#Setup Consistency]]', verdict: 'fine', shape: 'heading by text' },
      { file: 'Home.md', link: '[[Backups#`id`|id]]', verdict: 'fine', shape: 'markup in heading' },
      { file: 'Home.md', link: '[[Backups#Options#Editor]]', verdict: 'fine', shape: 'nested heading' },
      { file: 'Home.md', link: '![[Backups#^fonts]]', verdict: 'fine', shape: 'block ref' },
      { file: 'Home.md', link: '[[Backups\\|B]]', verdict: 'fine', shape: 'escaped pipe' },
      { file: 'Home.md', link: '[[Hidden note]]', verdict: 'not a link', shape: '%% comment' },
      { file: 'Home.md', link: '[[Missing note]]', verdict: 'broken', shape: 'no such note or file' },
      { file: 'Home.md', link: '[[Backups#No such heading]]', verdict: 'broken', shape: 'no heading "No such heading"' },
      { file: 'Home.md', link: '[[Safe copies]]', verdict: 'broken', shape: 'names an alias only' },
      { file: 'Home.md', link: '![[Backups#^nope]]', verdict: 'broken', shape: 'no block ^nope' },
      { file: 'Home.md', link: '[[BUG]: export fails]', verdict: 'not a link', shape: 'Markdown link whose text starts with [' },
      { file: 'Home.md', link: '[[Not a link]]', verdict: 'not a link', shape: 'code span' },
      { file: 'Home.md', link: '![d](Attachments/diagram.png)', verdict: 'fine', shape: 'attachment' },
      { file: 'Home.md', link: '[gone](Missing.md)', verdict: 'broken', shape: 'no such file' },
      { file: 'Home.md', link: '[[In math]]', verdict: 'not a link', shape: 'math' },
      { file: 'Home.md', link: '[[Price note]]', verdict: 'broken', shape: 'no such note or file' },
    ]);
  });

  it('reads a Dendron vault: label first, vault prefixes, stubs, note-reference ranges and wildcards', () => {
    const vault = `
//- dendron.yml
workspace:
    vaults:
        -
            fsPath: vault
            name: site
//- vault/area.topic.md
## Why
Text ^blk
## How
//- vault/area.topic.child.md
child
//- vault/assets/images/pic.png
png
//- vault/root.md
![](/assets/images/pic.png) and ![](/assets/images/nope.png).
[[the topic|area.topic]] and [[why|dendron://site/area.topic#why]].
![[area.topic#why,1:#*]] and ![[area.topic#^begin:#how]] and ![[area.topic.*]].
[[area]] is a stub; [[gone|area.nope]] and [[other|dendron://elsewhere/area.topic]] are not.
[[x|area.topic#^blk]] and [[y|area.topic#nowhere]].
`;
    check(vault, 'dendron', [
      { file: 'vault/root.md', link: '[[the topic|area.topic]]', verdict: 'fine', shape: 'label first' },
      { file: 'vault/root.md', link: '[[why|dendron://site/area.topic#why]]', verdict: 'fine', shape: 'label first' },
      { file: 'vault/root.md', link: '![[area.topic#why,1:#*]]', verdict: 'fine', shape: 'note-ref range' },
      { file: 'vault/root.md', link: '![[area.topic#^begin:#how]]', verdict: 'fine', shape: 'note-ref range' },
      { file: 'vault/root.md', link: '![[area.topic.*]]', verdict: 'fine', shape: 'wildcard' },
      { file: 'vault/root.md', link: '[[area]]', verdict: 'fine', shape: 'stub' },
      { file: 'vault/root.md', link: '[[gone|area.nope]]', verdict: 'broken', shape: 'no such note' },
      { file: 'vault/root.md', link: '[[other|dendron://elsewhere/area.topic]]', verdict: 'broken', shape: 'no vault elsewhere' },
      { file: 'vault/root.md', link: '[[x|area.topic#^blk]]', verdict: 'fine', shape: 'label first' },
      { file: 'vault/root.md', link: '[[y|area.topic#nowhere]]', verdict: 'broken', shape: 'no header "nowhere"' },
      { file: 'vault/root.md', link: '![](/assets/images/pic.png)', verdict: 'fine', shape: 'attachment' },
      { file: 'vault/root.md', link: '![](/assets/images/nope.png)', verdict: 'broken', shape: 'no such file' },
    ]);
  });

  it('reads a Logseq graph: namespaces, aliases, journal pages, and pages Logseq creates on reference', () => {
    const vault = `
//- logseq/config.edn
{:file/name-format :triple-lowbar}
//- pages/setting___theme modes.md
- light and dark
//- pages/alexdoe.md
alias:: Alex Doe
- a person
//- journals/2024_03_03.md
- a day
//- pages/Home.md
- [[setting/theme modes]], [[Alex Doe]], [[Mar 3rd, 2024]], [[Fixed issues]]
- [label]([[setting/theme modes]])
`;
    check(vault, 'logseq', [
      { file: 'pages/Home.md', link: '[[setting/theme modes]]', verdict: 'fine', shape: 'namespace page (a___b.md)' },
      { file: 'pages/Home.md', link: '[[Alex Doe]]', verdict: 'fine', shape: 'page by title:: or alias:: or journal date' },
      { file: 'pages/Home.md', link: '[[Mar 3rd, 2024]]', verdict: 'fine', shape: 'page by title:: or alias:: or journal date' },
      { file: 'pages/Home.md', link: '[[Fixed issues]]', verdict: 'fine', shape: 'page without a file' },
    ]);
  });

  it('reads plain Markdown (commonmark): relative links and GitHub slugs, [[x]] is text', () => {
    const vault = `
//- docs/a.md
# Morning routine
See [b](sub/b.md#first-steps), [typo](sub/b.md#frist-steps), [up](../README.md) and [[link]]s.
See [b by name](b.md).
//- docs/sub/b.md
## First steps
//- README.md
# Readme
`;
    check(vault, 'commonmark', [
      { file: 'docs/a.md', link: '[b](sub/b.md#first-steps)', verdict: 'fine', shape: 'heading slug' },
      { file: 'docs/a.md', link: '[typo](sub/b.md#frist-steps)', verdict: 'broken', shape: 'no heading "frist-steps"' },
      { file: 'docs/a.md', link: '[up](../README.md)', verdict: 'fine', shape: 'Markdown link' },
      { file: 'docs/a.md', link: '[[link]]', verdict: 'not a link', shape: '[[…]] in plain Markdown (text, not a link)' },
      { file: 'docs/a.md', link: '[b by name](b.md)', verdict: 'broken', shape: 'no such file' },
    ]);
  });

  it("eval:vaults counts a vault's notes and links as its tool reads them and judges every report", () => {
    ensureBuilt();
    const { dir } = writeVault(`
//- .obsidian/app.json
{}
//- pic.png
png
//- a.md
[[b]] ![[pic.png|50]] [c](b.md) [web](https://example.com) \`[[code]]\` %% [[comment]] %%
[[missing]]
//- b.md
# B
\`\`\`
[[in a fence]]
\`\`\`
//- .trash/old.md
[[gone]]
`);
    try {
      const r = spawnSync(process.execPath, [join(REPO, 'scripts/eval-vaults.mjs'), '--judge', '--json', '--runs', '1', dir], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      assert.equal(r.status, 0, r.stderr);
      const [v] = JSON.parse(r.stdout).results;
      assert.deepEqual([v.convention, v.notes, v.links, v.linkKinds], ['obsidian', 2, 4, { wiki: 2, embed: 1, markdown: 1 }]);
      const judged = v.verdicts.broken + v.verdicts.fine + v.verdicts['not a link'] + v.verdicts['by hand'];
      assert.equal(judged, v.reports);
      assert.equal(v.brokenLinks, 1, 'the judge finds [[missing]] broken');
      assert.equal(
        Object.values(v.byCode as Record<string, number>).reduce((a, b) => a + b, 0),
        v.reports,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * A generated vault in each convention (Obsidian, Foam, Dendron, plain Markdown) in
 * which every link works reports nothing; with N broken links planted (a renamed
 * target, a heading typo, a missing block, a missing attachment, a Markdown link to a
 * file that is not there) it reports exactly those N, where they stand.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createNotesService, MemoryWorkspace } from '../../server/src/core/index.js';
import { defaultConfig } from '../../server/src/core/config.js';
import { PROPERTY_SEED } from './seed.js';

const ROOT = 'memory:///ws';
type Style = 'obsidian' | 'foam' | 'dendron' | 'markdown';

interface Page {
  path: string;
  name: string;
  headings: string[];
  block: string;
}

/** A link that works, in the convention's form, to `to` from the note at `from`. */
function goodLink(style: Style, from: Page, to: Page, kind: number, attachment: string): string {
  const up = from.path.split('/').length - 1;
  const rel = '../'.repeat(up) + to.path;
  switch (style === 'markdown' ? 4 + (kind % 2) : kind % 6) {
    case 0:
      return style === 'dendron' ? `[[see|${to.name}]]` : `[[${to.name}]]`;
    case 1:
      return style === 'dendron'
        ? `[[${to.name}#${to.headings[0]!.toLowerCase().replace(/ /g, '-')}]]`
        : `[[${to.name}#${to.headings[0]}]]`;
    case 2:
      return style === 'dendron'
        ? `![[${to.name}#${to.headings[1]!.toLowerCase().replace(/ /g, '-')}:#*]]`
        : `[[${to.name}#${to.headings[0]}#${to.headings[1]}]]`;
    case 3:
      return style === 'dendron' ? `![[${attachment}]]` : `[[${to.name}#^${to.block}]] ![[${attachment}|100]]`;
    case 4:
      return `[link](${encodeURI(rel)})`;
    default:
      return `[link](${encodeURI(rel)}#${to.headings[0]!.toLowerCase().replace(/ /g, '-')})`;
  }
}

/** A link that is broken in every convention, and the text the report underlines. */
function badLink(style: Style, from: Page, to: Page, kind: number): { text: string; underlined: string } {
  const up = from.path.split('/').length - 1;
  switch (style === 'markdown' ? 3 + (kind % 2) : kind % 5) {
    case 0:
      return style === 'dendron'
        ? { text: `[[see|${to.name}x]]`, underlined: `${to.name}x` }
        : { text: `[[${to.name}x]]`, underlined: `${to.name}x` };
    case 1:
      return style === 'dendron'
        ? { text: `[[${to.name}#nowhere-heading]]`, underlined: 'nowhere-heading' }
        : { text: `[[${to.name}#Nowhere Heading]]`, underlined: 'Nowhere Heading' };
    case 2:
      return style === 'dendron'
        ? { text: `![[missing-image-${kind}.png]]`, underlined: `missing-image-${kind}.png` }
        : { text: `[[${to.name}#^nope${kind}]]`, underlined: `^nope${kind}` };
    case 3:
      return { text: `[gone](${'../'.repeat(up)}gone/${kind}.md)`, underlined: `${'../'.repeat(up)}gone/${kind}.md` };
    default:
      return {
        text: `![[missing-image-${kind}.png]]`.replace(/^!\[\[(.*)\]\]$/, style === 'markdown' ? '![img](missing-image-$1)' : '![[$1]]'),
        underlined: style === 'markdown' ? `missing-image-missing-image-${kind}.png` : `missing-image-${kind}.png`,
      };
  }
}

const vault = fc.record({
  style: fc.constantFrom<Style>('obsidian', 'foam', 'dendron', 'markdown'),
  pages: fc.integer({ min: 2, max: 12 }),
  links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 40 }),
  planted: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 8 }),
});

describe('property: a generated vault reports exactly its planted broken links', function () {
  this.timeout(120000);

  it('in Obsidian, Foam, Dendron and plain Markdown conventions', async () => {
    let plantedRuns = 0;
    await fc.assert(
      fc.asyncProperty(vault, async ({ style, pages, links, planted }) => {
        const files: Record<string, string> = {};
        if (style === 'obsidian') files['.obsidian/app.json'] = '{}';
        if (style === 'foam') files['.foam/config.json'] = '{}';
        if (style === 'dendron') files['dendron.yml'] = 'workspace:\n  vaults:\n    - fsPath: vault\n';
        const page: Page[] = [];
        for (let i = 0; i < pages; i++) {
          const name = style === 'dendron' ? `topic.sub${i}.page` : `Page ${i} notes`;
          const path = style === 'dendron' ? `vault/${name}.md` : `${i % 3 === 0 ? 'top' : `dir${i % 3}/deep`}/${name}.md`;
          page.push({ path, name, headings: [`Part ${i} Intro`, `Detail ${i}`], block: `blk${i}` });
        }
        const attachment = style === 'dendron' ? 'vault/assets/pic.png' : 'assets/pic.png';
        const body = page.map(() => [] as string[]);
        for (const [a, b, k] of links) body[a % pages]!.push(goodLink(style, page[a % pages]!, page[b % pages]!, k, 'pic.png'));
        const expected: string[] = [];
        const bad = page.map(() => [] as { text: string; underlined: string }[]);
        planted.forEach(([a, b, k], n) => bad[a % pages]!.push(badLink(style, page[a % pages]!, page[b % pages]!, k * 10 + n)));
        page.forEach((p, i) => {
          const lines = [`# ${p.headings[0]}`, '', `## ${p.headings[1]}`, '', `Some text ^${p.block}`, ''];
          for (const l of body[i]!) lines.push(`- ${l} and more`);
          for (const b of bad[i]!) {
            const line = `- broken ${b.text} here`;
            expected.push(`${p.path}:${lines.length + 1}:${line.indexOf(b.underlined) + 1} ${b.underlined}`);
            lines.push(line);
          }
          files[p.path] = lines.join('\n') + '\n';
        });
        files[attachment] = 'PNG';
        // In plain Markdown images sit beside the notes that show them.
        if (style === 'markdown') for (const p of page) files[p.path.replace(/[^/]*$/, 'missing-image-x.png')] = 'PNG';
        const workspace = new MemoryWorkspace([ROOT], files);
        const service = createNotesService({
          workspace,
          config: { ...defaultConfig, linkStyle: style === 'markdown' ? 'markdown' : 'auto' },
        });
        await service.initialize();
        const reported: string[] = [];
        for (const [uri, problems] of service.allProblems()) {
          for (const p of problems) {
            if (!['GN001', 'GN002', 'GN003', 'GN004'].includes(p.code)) continue;
            const text = workspace.files.get(uri)!;
            const lines = text.split('\n');
            const line = lines[p.range.start.line]!;
            const { start, end } = p.range;
            reported.push(
              `${uri.slice(ROOT.length + 1)}:${start.line + 1}:${start.character + 1} ${line.slice(start.character, end.character)}`,
            );
          }
        }
        assert.equal(expected.length, planted.length);
        assert.deepEqual(reported.sort(), expected.sort(), `style ${style}`);
        if (planted.length > 0) plantedRuns++;
      }),
      { seed: PROPERTY_SEED, numRuns: 120 },
    );
    assert.ok(plantedRuns > 60, `only ${plantedRuns} runs planted a broken link`);
  });
});

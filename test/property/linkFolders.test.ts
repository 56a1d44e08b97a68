/**
 * A note's links mean what they mean from its own folder, whatever other notes link to:
 * in a generated vault of folders that hold files of the same names, notes in several
 * folders all write the same links (by name, by path from the root, by a path a folder
 * below the root holds, by paths that climb), and each note's link reports equal those
 * it gets as the only note that links (where nothing resolved for another note can be
 * shared with it).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createNotesService, MemoryWorkspace } from '../../server/src/core/index.js';
import { defaultConfig } from '../../server/src/core/config.js';
import { PROPERTY_SEED } from './seed.js';

const ROOT = 'memory:///ws';
const FOLDERS = ['', 'a', 'a/b', 'b', 'c', 'c/b', 'd/e'];
const NAMES = ['x', 'y', 'Index'];
const HEADINGS = ['One', 'Two'];
/** Link targets as notes write them, `N` a name; each may be given a heading. */
const TARGETS = ['N', 'b/N', 'a/b/N', 'c/b/N', './b/N', '../N', '../b/N', './N', 'e/N', 'd/e/N', 'B/N'];

const LINK_CODES = ['GN001', 'GN002', 'GN003', 'GN004'];

const vault = fc.record({
  files: fc.uniqueArray(fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAMES), fc.subarray(HEADINGS)), {
    minLength: 1,
    maxLength: 10,
    selector: ([folder, name]) => `${folder}/${name}`,
  }),
  notes: fc.uniqueArray(fc.constantFrom(...FOLDERS), { minLength: 3, maxLength: 6 }),
  links: fc.array(fc.tuple(fc.constantFrom(...TARGETS), fc.constantFrom(...NAMES), fc.option(fc.constantFrom(...HEADINGS))), {
    minLength: 1,
    maxLength: 8,
  }),
});

function path(folder: string, name: string): string {
  return folder === '' ? `${name}.md` : `${folder}/${name}.md`;
}

async function linkReports(files: Record<string, string>, note: string): Promise<string[]> {
  const service = createNotesService({ workspace: new MemoryWorkspace([ROOT], files), config: defaultConfig });
  await service.initialize();
  const problems = service.allProblems().get(`${ROOT}/${note}`) ?? [];
  return problems
    .filter((p) => LINK_CODES.includes(p.code))
    .map((p) => `${p.range.start.line}:${p.range.start.character} ${p.code} ${p.message}`);
}

describe('property: a link resolves from its note’s folder, whatever other notes link to', function () {
  this.timeout(120000);

  it('each note reports as it does when it is the only note that links', async () => {
    await fc.assert(
      fc.asyncProperty(vault, async ({ files, notes, links }) => {
        const text =
          links.map(([target, name, heading]) => `[[${target.replace('N', name)}${heading ? `#${heading}` : ''}]]`).join(' ') + '\n';
        const all: Record<string, string> = { '.obsidian/app.json': '{}' };
        for (const [folder, name, headings] of files) all[path(folder, name)] = headings.map((h) => `# ${h}\n`).join('') || 'text\n';
        const linking = notes.map((folder) => path(folder, 'linking'));
        for (const note of linking) all[note] = text;
        for (const note of linking) {
          const alone = { ...all };
          for (const other of linking) if (other !== note) alone[other] = 'no links\n';
          assert.deepEqual(await linkReports(all, note), await linkReports(alone, note), `${note}: ${text}`);
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });
});

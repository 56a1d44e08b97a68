/**
 * A listing adds every file of a workspace, a folder's files one after another, and what
 * the files of one folder share is worked out once per folder (`FileNames.add`,
 * `WorkspaceIndex.classify`). Whatever the order, the nesting, the escapes (malformed
 * ones too) and the workspace folders, each file's entry, kind and place in the workspace
 * equal what its own path alone gives.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FileNames } from '../../server/src/core/links/files.js';
import { defaultConfig } from '../../server/src/core/config.js';
import { WorkspaceIndex } from '../../server/src/core/workspaceIndex.js';
import { isInside, relativePath } from '../../server/src/core/workspace.js';
import { PROPERTY_SEED } from './seed.js';

const FOLDERS = ['memory:///ws', 'memory:///ws/inner', 'memory:///other/'];

/** The longest workspace folder holding `uri`, as a file's own path gives it. */
function folderOf(uri: string): string | undefined {
  let best: string | undefined;
  for (const f of FOLDERS) if (isInside(uri, f) && (!best || f.length > best.length)) best = f;
  return best;
}

/** The entry of one file from its path alone (what `FileNames.add` made for each file before). */
function entryOf(uri: string) {
  const folder = folderOf(uri);
  if (!folder || uri === folder) return undefined;
  const rel = relativePath(folder, uri);
  const lowerRel = rel.toLowerCase();
  const name = lowerRel.slice(lowerRel.lastIndexOf('/') + 1);
  return { uri, folder, rel, lowerRel, name, markdown: name.endsWith('.md') };
}

const segment = fc.constantFrom(
  'ws',
  'inner',
  'other',
  'Notes',
  'a%20b',
  '%C3%A9t%C3%A9',
  '%E2%82',
  '%zz',
  'logseq',
  'bak',
  '.git',
  'sources',
  'x%2Fy',
);
const file = fc.constantFrom('n.md', 'N.MD', 'a%20b.md', 'pic.png', 'r%E2.md', '%25.md', 'x.txt', 's1_a.txt', 's1_a.anchors.yaml', 'Σ.md');
const uri = fc
  .tuple(fc.constantFrom('memory:///', 'memory:///ws/', 'memory:///other/'), fc.array(segment, { maxLength: 3 }), file)
  .map(([root, dirs, name]) => root + [...dirs, name].join('/'));

describe('listing: what a folder’s files share is worked out once, with each file’s own answers', () => {
  it('FileNames entries, paths, names and folders equal the per-file reading, in any order', () => {
    fc.assert(
      fc.property(fc.array(uri, { maxLength: 40 }), (uris) => {
        const names = new FileNames(FOLDERS);
        for (const u of uris) names.add(u);
        for (const u of uris) {
          const want = entryOf(u);
          assert.deepEqual(names.get(u) && { ...names.get(u) }, want && { ...want }, u);
          if (want) {
            // (Two files whose paths differ only in case share a key: the later one holds it.)
            assert.equal(names.atPath(want.folder, want.rel)?.lowerRel, want.lowerRel);
            assert.ok(names.named(want.name).some((e) => e.uri === u));
            // Every folder on its path holds files.
            for (let i = want.rel.indexOf('/'); i >= 0; i = want.rel.indexOf('/', i + 1))
              assert.ok(names.isFolder(want.folder, want.rel.slice(0, i)), `${want.rel.slice(0, i)} in ${u}`);
          }
        }
        // Removing every file leaves no folder behind.
        for (const u of new Set(uris)) names.remove(u);
        for (const u of uris) {
          const want = entryOf(u);
          if (want && want.rel.includes('/')) assert.ok(!names.isFolder(want.folder, want.rel.slice(0, want.rel.indexOf('/'))));
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 400 },
    );
  });

  it('classify and inWorkspace equal the per-file reading, asked in any order and after the settings change', () => {
    fc.assert(
      fc.property(fc.array(uri, { maxLength: 40 }), fc.array(fc.boolean(), { maxLength: 40 }), (uris, switches) => {
        const index = new WorkspaceIndex(defaultConfig, FOLDERS);
        const fresh = (config: typeof defaultConfig) => new WorkspaceIndex(config, FOLDERS);
        const configs = [defaultConfig, { ...defaultConfig, exclude: ['bak', 'Notes'], sourceRoots: ['sources', 'inner'] }];
        uris.forEach((u, i) => {
          // Asked again right after the settings change: a folder's answers are the settings' too.
          for (const next of switches[i] ? [configs[i % 2]!, configs[(i + 1) % 2]!] : [index.config]) {
            index.config = next;
            // A new index holds no folder's answers: it reads the file alone.
            assert.equal(index.classify(u), fresh(next).classify(u), `classify ${u}`);
            assert.equal(index.inWorkspace(u), fresh(next).inWorkspace(u), `inWorkspace ${u}`);
          }
        });
        for (const f of FOLDERS) assert.equal(index.inWorkspace(f), false);
      }),
      { seed: PROPERTY_SEED, numRuns: 400 },
    );
  });
});

/** The folder listing a server starts before its scan asks for it: the scan takes it once, later listings walk again. */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace.js';

describe('a listing started early', () => {
  it('is what the next listing of every file returns, once; the one after walks the folder again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gn-listing-'));
    try {
      mkdirSync(join(dir, 'my notes'));
      writeFileSync(join(dir, 'my notes', 'a b.md'), '# A\n');
      writeFileSync(join(dir, 'c (1).md'), '# C\n');
      const ws = new NodeWorkspace([dir]);
      ws.startListing();
      const early = await ws.listFiles(ws.folders[0]!, []);
      writeFileSync(join(dir, 'later.md'), '# Later\n');
      const again = await ws.listFiles(ws.folders[0]!, []);
      const rel = (uris: string[]) => uris.map((u) => u.slice(ws.folders[0]!.length + 1));
      assert.deepEqual(rel(early), ['c%20%281%29.md', 'my%20notes/a%20b.md']);
      assert.deepEqual(rel(again), ['c%20%281%29.md', 'later.md', 'my%20notes/a%20b.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Workspace edits over stdio, from a client that does not watch files (as Neovim on
 * Linux): a rename is computed on the notes as they are on disk now, and a client that
 * takes `documentChanges` gets each file's edits with the version they were computed
 * on (null for a file it has not opened), so it can refuse a stale edit.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient } from '../helpers/lspClient.js';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gn-edits-'));
  mkdirSync(join(dir, 'sources'));
  mkdirSync(join(dir, 'notes'));
  writeFileSync(
    join(dir, 'sources/002_x.txt'),
    "National Security Council spokesperson John Kirby clarified Biden's comments in a press briefing Friday.\n",
  );
  writeFileSync(join(dir, 'sources/002_x.anchors.yaml'), "kirby-briefing: John Kirby clarified Biden's comments\n");
  writeFileSync(join(dir, 'notes/a.md'), 'Kirby spoke [[002#kirby-briefing]].\n');
  writeFileSync(join(dir, 'notes/b.md'), 'Also [[002#kirby-briefing]].\n');
  return dir;
}

interface Edit {
  range: { start: { line: number; character: number } };
  newText: string;
}

describe('rename over stdio, with files changed on disk and no file events', function () {
  this.timeout(30_000);
  const clients: LspClient[] = [];
  after(async () => Promise.all(clients.map((c) => c.stop())));

  async function renameAfterDiskEdit(capabilities: object) {
    const client = await LspClient.start(workspace(), capabilities);
    clients.push(client);
    const b = client.uri('notes/b.md');
    await client.waitForReady();
    client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: b, languageId: 'markdown', version: 3, text: 'Also [[002#kirby-briefing]].\n' },
    });
    writeFileSync(join(client.folder, 'notes/a.md'), '# Added\n\nKirby spoke [[002#kirby-briefing]].\n');
    return {
      client,
      edit: (await client.connection.sendRequest('textDocument/rename', {
        textDocument: { uri: b },
        position: { line: 0, character: 14 },
        newName: 'kirby-remarks',
      })) as Record<string, unknown>,
    };
  }

  it('versioned documentChanges for a client that takes them, at the positions on disk', async () => {
    const { client, edit } = await renameAfterDiskEdit({ workspace: { workspaceEdit: { documentChanges: true } } });
    const changes = (edit.documentChanges as { textDocument: { uri: string; version: number | null }; edits: Edit[] }[]).map((c) => ({
      file: c.textDocument.uri.slice(client.uri('').length + 1),
      version: c.textDocument.version,
      at: c.edits.map((e) => `${e.range.start.line}:${e.range.start.character} ${e.newText}`),
    }));
    assert.deepEqual(
      changes.sort((x, y) => x.file.localeCompare(y.file)),
      [
        { file: 'notes/a.md', version: null, at: ['2:18 kirby-remarks'] },
        { file: 'notes/b.md', version: 3, at: ['0:11 kirby-remarks'] },
        { file: 'sources/002_x.anchors.yaml', version: null, at: ['0:0 kirby-remarks'] },
      ],
    );
  });

  it('plain changes for a client that does not, at the positions on disk', async () => {
    const { client, edit } = await renameAfterDiskEdit({});
    const changes = edit.changes as Record<string, Edit[]>;
    assert.deepEqual(
      changes[client.uri('notes/a.md')]?.map((e) => `${e.range.start.line}:${e.range.start.character}`),
      ['2:18'],
    );
  });
});

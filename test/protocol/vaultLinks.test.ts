/**
 * Vault links over the protocol: the server asks to hear of file renames, a file moved
 * in the explorer brings the edits that keep its links right, a rename of a note from a
 * link to it renames the file in the same edit, and the index follows a renamed file.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ClientToServer } from '../../shared/protocol.js';
import { LspClient } from '../helpers/lspClient.js';

/** A small Obsidian vault on disk. */
function vault(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gn-vault-'));
  const files: Record<string, string> = {
    '.obsidian/app.json': '{}\n',
    'Guides/Setup.md': '# Setup\n## Install\nRun it.\n',
    'pics/Outline.png': 'PNG',
    'notes/a.md': 'See [[Setup#Install|how]] and [setup](../Guides/Setup.md#install) and ![[Outline.png]].\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

interface Edit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}
const at = (e: Edit) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character} ${e.newText}`;

describe('vault links over the protocol', function () {
  this.timeout(30000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start(vault(), {
      workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } },
    });
    await client.connection.sendRequest(ClientToServer.checkWorkspace, {});
  });
  after(async () => client?.stop());

  it('asks the editor for every file and folder rename, before and after', () => {
    const caps = (client.initializeResult as { capabilities: { workspace: { fileOperations: Record<string, unknown> } } }).capabilities
      .workspace.fileOperations;
    assert.deepEqual(caps.willRename, { filters: [{ pattern: { glob: '**/*' } }] });
    assert.deepEqual(caps.didRename, { filters: [{ pattern: { glob: '**/*' } }] });
  });

  it('answers willRenameFiles with the link edits, each link in its own form', async () => {
    const edit = (await client.connection.sendRequest('workspace/willRenameFiles', {
      files: [{ oldUri: client.uri('Guides/Setup.md'), newUri: client.uri('Manual/Getting Started.md') }],
    })) as { documentChanges: { textDocument: { uri: string; version: number | null }; edits: Edit[] }[] };
    // One file's edits, with the version they were computed on (the client takes versioned edits).
    assert.deepEqual(
      edit.documentChanges.map((d) => d.textDocument.uri),
      [client.uri('notes/a.md')],
    );
    assert.deepEqual(edit.documentChanges[0]!.edits.map(at), ['0:6-0:11 Getting Started', '0:38-0:56 ../Manual/Getting%20Started.md']);
  });

  it('renames a note from a link to it: the links first, then the file, in one edit', async () => {
    const edit = (await client.connection.sendRequest('textDocument/rename', {
      textDocument: { uri: client.uri('notes/a.md') },
      position: { line: 0, character: 8 },
      newName: 'Install guide',
    })) as {
      documentChanges: (
        { textDocument: { uri: string; version: null }; edits: Edit[] } | { kind: string; oldUri: string; newUri: string }
      )[];
    };
    const [text, rename] = edit.documentChanges;
    assert.ok(text && 'textDocument' in text);
    assert.deepEqual({ uri: text.textDocument.uri, version: text.textDocument.version }, { uri: client.uri('notes/a.md'), version: null });
    assert.deepEqual(text.edits.map(at), ['0:6-0:11 Install guide', '0:38-0:56 ../Guides/Install%20guide.md']);
    assert.deepEqual(rename, { kind: 'rename', oldUri: client.uri('Guides/Setup.md'), newUri: client.uri('Guides/Install guide.md') });
  });

  it('follows a file renamed in the explorer: the link that still names the old file is reported', async () => {
    const note = client.uri('notes/a.md');
    await client.waitForReady();
    assert.deepEqual(client.diagnostics.get(note) ?? [], []);
    renameSync(join(client.folder, 'pics/Outline.png'), join(client.folder, 'pics/Diagram.png'));
    client.connection.sendNotification('workspace/didRenameFiles', {
      files: [{ oldUri: client.uri('pics/Outline.png'), newUri: client.uri('pics/Diagram.png') }],
    });
    const diags = await client.waitForDiagnostics(note, (d) => d.length > 0);
    assert.deepEqual(
      diags.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`),
      ['0:73 GN001'],
    );
  });
});

import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver-protocol/node';
import { ClientToServer, ServerToClient } from '../../shared/protocol.js';
import { LspClient, REPO, tempCopy } from '../helpers/lspClient.js';
import { golden, goldenOf } from '../helpers/golden.js';

/** The position of `needle` (plus `delta` characters) in a file's text. */
function positionOf(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

describe('the language server over stdio', function () {
  this.timeout(30000);
  let client: LspClient;
  let summitText: string;

  before(async () => {
    client = await LspClient.start(tempCopy(join(REPO, 'examples/briefings')));
    summitText = readFileSync(join(client.folder, 'notes/december-summit.md'), 'utf8');
  });
  after(async () => client?.stop());

  it('publishes diagnostics for notes that are not open', async () => {
    const diags = await client.waitForDiagnostics(client.uri('notes/broken-citations.md'), (d) => d.length > 0);
    // What the command line reports (the golden file), with LSP's 0-based positions.
    assert.deepEqual(
      diags.map((d) => [
        d.code,
        d.range.start.line + 1,
        d.range.start.character + 1,
        d.range.end.line + 1,
        d.range.end.character + 1,
        d.message,
      ]),
      goldenOf('notes/broken-citations.md').map((f) => [f.code, f.line, f.column, f.endLine, f.endColumn, f.message]),
    );
    assert.equal(diags[1]!.code, 'GN002');
    assert.equal(diags[1]!.source, 'grounded-notes');
    assert.equal(diags[1]!.codeDescription?.href, 'https://github.com/grounded-notes/grounded-notes#gn002-unknown-anchor');
  });

  it('answers hover over [[002#kirby-briefing]] with the Kirby sentence of source 002', async () => {
    const uri = client.uri('notes/december-summit.md');
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(summitText, '[[002#kirby-briefing]]', 5),
    })) as { contents: { kind: string; value: string } };
    assert.equal(hover.contents.kind, 'markdown');
    assert.ok(
      hover.contents.value.includes(
        '**National Security Council spokesperson John Kirby clarified Biden’s comments in a press briefing Friday**',
      ),
      hover.contents.value,
    );
  });

  it('completes anchors after [[002#', async () => {
    const uri = client.uri('notes/new.md');
    client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: 'See [[002#' },
    });
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: 10 },
    })) as { label: string }[];
    assert.equal(items[0]?.label, 'kirby-briefing');
    assert.ok(items.some((i) => i.label === 'macron-no-compromise'));
  });

  it('goes to the passage in source 002', async () => {
    const uri = client.uri('notes/december-summit.md');
    const [link] = (await client.connection.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(summitText, '[[002#kirby-briefing]]', 5),
    })) as { targetUri: string; targetRange: { start: { line: number } } }[];
    assert.equal(link!.targetUri, client.uri('sources/002_a3f28121737e2d7d.txt'));
    assert.equal(link!.targetRange.start.line, 13);
  });

  it('re-checks a note on didChange and offers the did-you-mean quick fix', async () => {
    const uri = client.uri('notes/edited.md');
    client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: 'Fine [[002#p1]].\n' },
    });
    assert.deepEqual(await client.waitForDiagnostics(uri), []);
    client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 13 } }, text: 'kirby-brief' }],
    });
    const [d] = await client.waitForDiagnostics(uri, (ds) => ds.length === 1);
    assert.equal(d!.code, 'GN002');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d!.range,
      context: { diagnostics: [d] },
    })) as { title: string; edit: { changes: Record<string, { newText: string }[]> } }[];
    assert.equal(actions[0]!.title, 'Change to `kirby-briefing`');
    assert.equal(actions[0]!.edit.changes[uri]![0]!.newText, 'kirby-briefing');
  });

  it('updates a closed note when its source changes on disk', async () => {
    const note = client.uri('notes/broken-citations.md');
    await client.waitForDiagnostics(note, (d) => d.length > 0);
    const anchors = join(client.folder, 'sources/002_a3f28121737e2d7d.anchors.yaml');
    writeFileSync(anchors, readFileSync(anchors, 'utf8') + 'kirby-brifing: John Kirby clarified\n');
    client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: client.uri('sources/002_a3f28121737e2d7d.anchors.yaml'), type: 2 }],
    });
    const diags = await client.waitForDiagnostics(note, (d) => !d.some((x) => x.code === 'GN002' && x.range.start.line === 5));
    // The golden file's findings but the one the new anchor settles.
    const expected = goldenOf('notes/broken-citations.md').filter((f) => !f.message.includes('`kirby-brifing`'));
    assert.equal(expected.length, 7);
    assert.deepEqual(
      diags.map((d) => [d.code, d.range.start.line + 1]),
      expected.map((f) => [f.code, f.line]),
    );
  });

  it('answers a request for a document it does not know with nothing, and keeps running', async () => {
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///nowhere.md' },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover, null);
    const symbols = (await client.connection.sendRequest('workspace/symbol', { query: 'kirby' })) as { name: string }[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['002#kirby-briefing', '002#kirby-brifing'],
    );
  });

  it('answers a cancelled references request with RequestCancelled, then answers the next one', async () => {
    const uri = client.uri('notes/december-summit.md');
    const params = { textDocument: { uri }, position: { line: 15, character: 42 }, context: { includeDeclaration: true } };
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest('textDocument/references', params, source.token);
    source.cancel();
    await assert.rejects(cancelled, (e: { code?: number }) => e.code === LSPErrorCodes.RequestCancelled);
    const refs = (await client.connection.sendRequest('textDocument/references', params)) as { uri: string }[];
    assert.ok(refs.length > 0, 'the same request, not cancelled, is answered');
  });

  it('serves the Insert Citation lists and Check Workspace counts', async () => {
    const sources = await client.connection.sendRequest(ClientToServer.sources, {});
    assert.deepEqual(
      sources.map((s) => s.id),
      ['000', '002', 'letter', 'readout_draft', 'readout_final', 'report', 'vox'],
    );
    const anchors = await client.connection.sendRequest(ClientToServer.anchors, { source: '002' });
    assert.deepEqual(anchors.slice(0, 2), [
      {
        anchor: 'kirby-briefing',
        kind: 'named',
        preview: 'National Security Council spokesperson John Kirby clarified Biden’s comments in a press briefing Friday',
      },
      { anchor: 'macron-no-compromise', kind: 'named', preview: 'we will never urge the Ukrainians to make a compromise' },
    ]);
    const counts = await client.connection.sendRequest(ClientToServer.checkWorkspace, {});
    assert.equal(counts!.notes >= 4, true);
    assert.equal(counts!.errors >= 5, true);
    assert.ok(
      client.notifications.some((n) => n.method === ServerToClient.status.method && (n.params as { state: string }).state === 'ready'),
    );
  });

  it('sends diagnostics to the files with problems, and an empty list only to clear them', async () => {
    const own = await LspClient.start(tempCopy(join(REPO, 'examples/briefings')));
    try {
      await own.waitForReady();
      // A file without problems is never sent anything: the editor has nothing of it to clear.
      const sent = new Set(own.published.map((p) => p.uri));
      const withFindings = new Set(golden().map((f) => own.uri(f.file)));
      assert.deepEqual([...sent].sort(), [...withFindings].sort());
      assert.ok(!sent.has(own.uri('notes/december-summit.md')));
      // A note whose problems are mended on disk is sent the empty list that clears them.
      const note = 'notes/broken-citations.md';
      writeFileSync(join(own.folder, note), '# Mended\n\nNothing cited.\n');
      own.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: own.uri(note), type: 2 }] });
      assert.deepEqual(await own.waitForDiagnostics(own.uri(note), (d) => d.length === 0), []);
    } finally {
      await own.stop();
    }
  });
});

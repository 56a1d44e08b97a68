/**
 * One file, one document, however a client spells its URI. The scan names
 * `sources/002_report(final).txt` as `…%28final%29.txt` (as VS Code does); Neovim and
 * Helix send `(`. Opened that way it was a second source 002: a false GN003 on every
 * citation of 002, and diagnostics published twice.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient } from '../helpers/lspClient.js';

describe('document URIs as different clients spell them', function () {
  this.timeout(30_000);
  let client: LspClient;

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gn-uris-'));
    mkdirSync(join(dir, 'sources'));
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'sources/002_report(final).txt'), 'The report.\n\nIts second paragraph.\n');
    writeFileSync(join(dir, 'notes/a.md'), 'See [[002#p1]] and [[002#nope]].\n');
    client = await LspClient.start(dir);
  });
  after(async () => client?.stop());

  it('a source opened with `(` unencoded is the scanned source: no GN003, one set of diagnostics', async () => {
    const note = client.uri('notes/a.md');
    const codes = (d: { code?: unknown }[]) => d.map((x) => String(x.code)).sort();
    assert.deepEqual(codes(await client.waitForDiagnostics(note, (d) => d.length > 0)), ['GN002']);
    const raw = client.uri('sources/002_report(final).txt');
    assert.ok(raw.includes('(final)'), 'the client spells the parentheses as they are');
    client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: raw, languageId: 'plaintext', version: 1, text: 'The report.\n\nIts second paragraph.\n' },
    });
    // An edit to the note after the open: its diagnostics are computed with the source open.
    client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: note, languageId: 'markdown', version: 1, text: 'See [[002#p1]] and [[002#nope]] and [[002#p9]].\n' },
    });
    assert.deepEqual(codes(await client.waitForDiagnostics(note, (d) => d.length === 2 || d.some((x) => x.code === 'GN003'))), [
      'GN002',
      'GN002',
    ]);
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: note },
      position: { line: 0, character: 8 },
    })) as { contents: { value: string } };
    assert.match(hover.contents.value, /^\*\*Source 002\*\*/);
    // Diagnostics for the source went to one URI only: the scan's spelling.
    const sourceUris = [...client.diagnostics.keys()].filter((u) => u.includes('002_report'));
    assert.deepEqual(sourceUris, [raw.replace('(final)', '%28final%29')]);
  });
});

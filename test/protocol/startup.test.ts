/**
 * Right from the first second: a note open when the server starts is never told that a
 * source or note that exists is unknown, and a hover sent right after didOpen answers
 * with the passage — on the example and on a generated workspace of 2,000 notes. On a
 * warm start (a persisted index in `cacheDir`) the saved problems are published before
 * the index is built, each file's once, and never for a file changed since.
 */
import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ServerToClient } from '../../shared/protocol.js';
import { LspClient, REPO, tempCopy } from '../helpers/lspClient.js';

/** The position of `needle` (plus `delta` characters) in a text. */
function positionOf(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Every GN001 message published so far, as `file:line message`. */
function unknowns(client: LspClient): string[] {
  const out: string[] = [];
  for (const p of client.published)
    for (const d of p.diagnostics)
      if (d.code === 'GN001') out.push(`${p.uri.slice(p.uri.lastIndexOf('/') + 1)}:${d.range.start.line + 1} ${d.message}`);
  return out;
}

/** A workspace of `n` notes citing 20 sources and linking each other; only `missing` names nothing. */
function generated(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'gn-start-'));
  mkdirSync(join(dir, 'sources'));
  mkdirSync(join(dir, 'notes'));
  for (let s = 0; s < 20; s++) {
    const id = String(s).padStart(3, '0');
    writeFileSync(
      join(dir, `sources/${id}_report.txt`),
      `Report ${id}\n\nThe council met on Tuesday, December 7, 2021.\n\nIt agreed to meet again.\n`,
    );
  }
  for (let i = 0; i < n; i++) {
    const id = String(i % 20).padStart(3, '0');
    writeFileSync(
      join(dir, `notes/note ${i}.md`),
      `# Note ${i}\n\n- The council met [[${id}#p2]] and [[note ${(i * 7) % n}]].\n- See [[${id}]] and [[missing ${i % 3}]].\n`,
    );
  }
  return dir;
}

describe('the language server at start-up', function () {
  this.timeout(120000);

  it('answers a hover sent right after didOpen with the passage, and never reports a source that exists (the example)', async () => {
    const folder = tempCopy(join(REPO, 'examples/briefings'));
    const note = 'notes/december-summit.md';
    const client = await LspClient.start(folder, {}, [note]);
    try {
      const text = readFileSync(join(folder, note), 'utf8');
      const hover = (await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: client.uri(note) },
        position: positionOf(text, '[[002#kirby-briefing]]', 5),
      })) as { contents: { value: string } } | null;
      assert.ok(hover, 'a hover right after didOpen answers');
      assert.ok(hover.contents.value.includes('John Kirby clarified'), hover.contents.value);
      await client.waitForDiagnostics(client.uri('notes/broken-citations.md'), (d) => d.length > 0, 60000);
      // The one GN001 of the example is its labelled `[[001#…]]`: source 001 does not exist.
      assert.deepEqual(
        [...new Set(unknowns(client))],
        ['broken-citations.md:5 Unknown source `001`: no source has that id and no note that name; did you mean `000` or `002`?'],
      );
    } finally {
      await client.stop();
    }
  });

  it('publishes no GN001 for a citation or link whose target exists, on 2,000 notes with one open at start', async () => {
    const folder = generated(2000);
    const client = await LspClient.start(folder, {}, ['notes/note 1.md', 'notes/note 2.md']);
    try {
      const text = readFileSync(join(folder, 'notes/note 1.md'), 'utf8');
      const hover = (await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: client.uri('notes/note 1.md') },
        position: positionOf(text, '[[001#p2]]', 4),
      })) as { contents: { value: string } } | null;
      assert.ok(hover?.contents.value.includes('The council met on Tuesday'), JSON.stringify(hover));
      // Until every note has had its problems published.
      const deadline = Date.now() + 110000;
      while (new Set(client.published.map((p) => p.uri)).size < 2000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      const wrong = unknowns(client).filter((u) => !/No note or file `missing [0-2]`|Unknown source `missing [0-2]`/.test(u));
      assert.deepEqual(wrong, []);
      assert.ok(unknowns(client).length >= 2000, 'the missing links are reported');
    } finally {
      await client.stop();
    }
  });
});

/** The diagnostics last published per file (relative path), as `line:column code message` lines; files without any left out. */
function shown(client: LspClient): Map<string, string[]> {
  const last = new Map<string, PublishDiagnosticsParams>();
  for (const p of client.published) last.set(p.uri, p);
  const out = new Map<string, string[]>();
  for (const [uri, p] of [...last].sort((a, b) => a[0].localeCompare(b[0])))
    if (p.diagnostics.length > 0)
      out.set(
        decodeURIComponent(uri.slice(client.uri('').length + 1)),
        p.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`),
      );
  return out;
}

/** The status notifications received so far. */
function statuses(client: LspClient): { state: string; errors: number; warnings: number; notes: number }[] {
  return client.notifications.filter((n) => n.method === ServerToClient.status.method).map((n) => n.params as never);
}

/** A generated workspace of 300 notes and a cache folder for it, removed after `test` runs. */
async function withWorkspace(test: (folder: string, cacheDir: string) => Promise<void>): Promise<void> {
  const folder = generated(300);
  const cacheDir = mkdtempSync(join(tmpdir(), 'gn-cache-'));
  try {
    await test(folder, cacheDir);
  } finally {
    for (const dir of [folder, cacheDir]) rmSync(dir, { recursive: true, force: true });
  }
}

/** The server says it is ready before the scan's progress ends (with the saved problems, published before the index is built). */
function assertReadyBeforeScanEnds(client: LspClient): void {
  const order = client.notifications.map((n) =>
    n.method === '$/progress'
      ? `progress ${(n.params as { value?: { kind?: string } }).value?.kind}`
      : `${n.method} ${(n.params as { state?: string }).state}`,
  );
  const readyAt = order.indexOf(`${ServerToClient.status.method} ready`);
  assert.ok(readyAt >= 0 && readyAt < order.indexOf('progress end'), order.join('\n'));
}

/**
 * Starts the server with a persisted index in `cacheDir`, waits for its first full check, and
 * stops it (the index is written on shutdown). With `open`, that note is open from the start
 * and hovered at once on `link`, whose file is then read on demand.
 */
async function runOnce(folder: string, cacheDir: string, open?: { note: string; link: string }): Promise<LspClient> {
  const client = await LspClient.start(folder, {}, open ? [open.note] : [], { cacheDir });
  try {
    if (open) {
      const text = readFileSync(join(folder, open.note), 'utf8');
      const hover = (await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: client.uri(open.note) },
        position: positionOf(text, open.link, 3),
      })) as { contents: { value: string } } | null;
      assert.ok(hover?.contents.value.startsWith('**Note'), JSON.stringify(hover));
    }
    await client.waitForReady(60000);
    // Ready comes first from the saved problems on a warm start: the scan's own check ends after.
    while (
      client.notifications.filter((n) => n.method === '$/progress' && (n.params as { value?: { kind?: string } }).value?.kind === 'end')
        .length === 0
    )
      await new Promise((r) => setTimeout(r, 20));
  } finally {
    await client.stop(true);
  }
  return client;
}

describe('the language server on a warm start (a persisted index in cacheDir)', function () {
  this.timeout(120000);

  // A workspace without PDFs or web pages: their extracted text is not in the persisted index, so a
  // warm start with them checks as a cold one does (see the README).
  it('publishes what a cold start publishes before the index is built, each file once, with the same counts', () =>
    withWorkspace(async (folder, cacheDir) => {
      const cold = await runOnce(folder, cacheDir);
      const warm = await runOnce(folder, cacheDir);
      assert.equal(shown(cold).size, 300, 'every note links to a missing page');
      assert.deepEqual(shown(warm), shown(cold));
      const uris = warm.published.filter((p) => p.diagnostics.length > 0).map((p) => p.uri);
      assert.deepEqual(uris, [...new Set(uris)], 'no file is sent the same diagnostics twice');
      // Ready before the scan's progress ends: the saved problems were published before the index was built.
      assertReadyBeforeScanEnds(warm);
      const firstReady = statuses(warm).find((s) => s.state === 'ready')!;
      const lastCold = statuses(cold)
        .filter((s) => s.state === 'ready')
        .at(-1)!;
      assert.deepEqual([firstReady.errors, firstReady.warnings, firstReady.notes], [lastCold.errors, lastCold.warnings, lastCold.notes]);
    }));

  it('publishes each saved problem once, and ends as a cold start does, when an open note has a link read on demand', () =>
    withWorkspace(async (folder, cacheDir) => {
      const cold = await runOnce(folder, cacheDir);
      // Note 42 links to note 294, which the scan reads late: the hover has it read first.
      const warm = await runOnce(folder, cacheDir, { note: 'notes/note 42.md', link: '[[note 294]]' });
      assert.deepEqual(shown(warm), shown(cold));
      const uris = warm.published.filter((p) => p.diagnostics.length > 0).map((p) => p.uri);
      assert.deepEqual(
        uris.filter((uri, i) => uris.indexOf(uri) !== i),
        [],
        'no file is sent its diagnostics twice',
      );
      // Ready with the saved problems before the scan ends: the file read on demand waits for it.
      assertReadyBeforeScanEnds(warm);
    }));

  it('publishes no saved problem when a file changed since: each file is checked as it is now', () =>
    withWorkspace(async (folder, cacheDir) => {
      const cold = await runOnce(folder, cacheDir);
      assert.ok(shown(cold).get('notes/note 5.md')?.length, 'the note has problems to begin with');
      appendFileSync(join(folder, 'notes/note 5.md'), '\nAnd [[no such page]].\n');
      const warm = await runOnce(folder, cacheDir);
      const sent = warm.published.filter((p) => p.uri === warm.uri('notes/note 5.md'));
      assert.equal(sent.length, 1);
      for (const p of sent)
        assert.ok(
          p.diagnostics.some((d) => String(d.message).includes('no such page')),
          'never the saved list without the new link',
        );
    }));
});

// Fault isolation as a user meets it: the language server process dies under the client
// (killed, crashed, out of memory) and comes back by itself with its diagnostics.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const { activate, diagnosticsOf, fileUri, positionOf, waitFor } = require('./helpers.cjs');

/** Pids of this extension host's child processes that run the bundled server (through dist/launch.js, as the extension starts it). */
function serverPids() {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid (after the parenthesised name).
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (parent === process.pid && cmdline.includes('dist/launch.js')) pids.push(Number(entry));
    } catch {
      // The process ended while it was being read.
    }
  }
  return pids;
}

describe('Server restart', function () {
  before(async function () {
    if (process.platform !== 'linux') this.skip();
    await activate();
  });

  it('a killed server restarts and its diagnostics and hovers come back', async function () {
    const before = serverPids();
    assert.equal(before.length, 1, `expected one server process under the extension host, found ${before.length}`);
    process.kill(before[0], 'SIGKILL');
    await waitFor(
      'a new server process',
      () => serverPids(),
      (pids) => pids.length === 1 && pids[0] !== before[0],
      30_000,
    );
    await waitFor(
      'GN002 in notes/broken-citations.md from the restarted server',
      () => diagnosticsOf('notes/broken-citations.md'),
      (diagnostics) => diagnostics.some((d) => d[0] === 'GN002'),
      60_000,
    );
    const summit = await vscode.workspace.openTextDocument(fileUri('notes/december-summit.md'));
    const hovers = await waitFor(
      'a hover from the restarted server',
      () => vscode.commands.executeCommand('vscode.executeHoverProvider', summit.uri, positionOf(summit, '[[002#kirby-briefing]]', 8)),
      (list) => list.length > 0,
      30_000,
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Source 002/);
  });
});

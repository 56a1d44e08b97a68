// The extension's commands, run as a user runs them from the command palette.
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const vscode = require('vscode');
const { activate, fileUri, sleep } = require('./helpers.cjs');

describe('Commands', function () {
  let api;
  before(async function () {
    api = await activate();
  });

  it('registers every command of the manifest', async function () {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of [
      'groundedNotes.insertCitation',
      'groundedNotes.checkWorkspace',
      'groundedNotes.createAnchorFromSelection',
      'groundedNotes.showSourceTimeline',
      'groundedNotes.openSourceAt',
      'groundedNotes.createExampleWorkspace',
      'groundedNotes.showMenu',
      'groundedNotes.showOutput',
    ]) {
      assert.ok(registered.has(id), `${id} is not registered`);
    }
  });

  it('Check Workspace counts notes, sources and problems as the command line does', async function () {
    const result = await vscode.commands.executeCommand('groundedNotes.checkWorkspace');
    // `grounded-notes check examples/briefings`: 7 notes, 7 sources, and the problems of the golden file.
    const golden = JSON.parse(readFileSync(join(__dirname, '../golden/briefings.json'), 'utf8'));
    const count = (severity) => golden.filter((f) => f.severity === severity).length;
    assert.deepEqual(result, { notes: 7, sources: 7, errors: count('error'), warnings: count('warning'), infos: count('information') });
  });

  it('Insert Citation inserts the citation picked in its two quick picks', async function () {
    const document = await vscode.workspace.openTextDocument(fileUri('notes/anchor-kinds.md'));
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const [first] = await api.client.sendRequest(api.protocol.ClientToServer.sources, {});

    // The command asks for a source, then an anchor. Accepting the highlighted item of
    // each quick pick picks the first source and "(whole source)".
    let done = false;
    const command = Promise.resolve(vscode.commands.executeCommand('groundedNotes.insertCitation')).finally(() => (done = true));
    const deadline = Date.now() + 20_000;
    while (!done && Date.now() < deadline) {
      await sleep(300);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    await command;
    try {
      assert.equal(document.lineAt(end.line).text.slice(end.character), `[[${first.id}]]`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});

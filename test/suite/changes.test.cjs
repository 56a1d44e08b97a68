// Diagnostics follow changes to sources and anchor files: an open note is re-checked
// without being reopened or edited.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const { activate, diagnosticsOf, fileUri, waitFor } = require('./helpers.cjs');

const codesOn = (file, line) =>
  diagnosticsOf(file)
    .filter((d) => d[2] === line)
    .map((d) => d[0]);

describe('Changes to sources and anchor files', function () {
  before(async function () {
    await activate();
    for (const note of ['notes/broken-citations.md', 'notes/anchor-kinds.md']) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(note)), { preview: false });
    }
  });
  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('adding the anchor to the anchor file (edit + save) clears GN002 in the open note', async function () {
    const anchors = await vscode.workspace.openTextDocument(fileUri('sources/002_a3f28121737e2d7d.anchors.yaml'));
    const original = anchors.getText();
    assert.deepEqual(codesOn('notes/broken-citations.md', 6), ['GN002']);

    const edit = new vscode.WorkspaceEdit();
    edit.insert(anchors.uri, anchors.positionAt(original.length), 'kirby-brifing: John Kirby clarified\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await anchors.save());
    await waitFor(
      'GN002 on line 6 to go',
      () => codesOn('notes/broken-citations.md', 6),
      (codes) => codes.length === 0,
    );

    const undo = new vscode.WorkspaceEdit();
    undo.replace(anchors.uri, new vscode.Range(anchors.positionAt(0), anchors.positionAt(anchors.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(undo));
    assert.ok(await anchors.save());
    await waitFor(
      'GN002 on line 6 to return',
      () => codesOn('notes/broken-citations.md', 6),
      (codes) => codes.includes('GN002'),
    );
  });

  it('removing a heading from a source on disk flags the citations of it', async function () {
    const source = fileUri('sources/000_73692c68c32165cb.txt').fsPath;
    const original = fs.readFileSync(source, 'utf8');
    assert.ok(original.includes('What next?'), 'source 000 has no "What next?" heading');
    assert.deepEqual(codesOn('notes/anchor-kinds.md', 4), []);
    try {
      // Written behind the editor's back: only the file watcher can tell the server.
      fs.writeFileSync(source, original.replace('What next?', 'What comes next, then, in the weeks ahead of the talks.'));
      await waitFor(
        'GN002 on [[000#what-next]]',
        () => codesOn('notes/anchor-kinds.md', 4),
        (codes) => codes.includes('GN002'),
      );
    } finally {
      fs.writeFileSync(source, original);
    }
    await waitFor(
      '[[000#what-next]] to resolve again',
      () => codesOn('notes/anchor-kinds.md', 4),
      (codes) => codes.length === 0,
    );
  });

  it('renaming a note as the explorer does rewrites the links to it, and renaming it back restores them', async function () {
    const summit = await vscode.workspace.openTextDocument(fileUri('notes/december-summit.md'));
    const linkLine = () =>
      summit
        .getText()
        .split('\n')
        .find((l) => l.startsWith('See also '));
    assert.equal(linkLine(), 'See also [[reading list]] for what to read next.');
    const rename = async (from, to) => {
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(fileUri(from), fileUri(to));
      // Like the explorer, applyEdit asks the server (willRenameFiles) for the link edits first.
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    await rename('notes/reading list.md', 'notes/reading notes.md');
    try {
      await waitFor('the link to follow the rename', linkLine, (l) => l === 'See also [[reading notes]] for what to read next.');
    } finally {
      await rename('notes/reading notes.md', 'notes/reading list.md');
    }
    await waitFor('the link to follow back', linkLine, (l) => l === 'See also [[reading list]] for what to read next.');
    await summit.save();
  });
});

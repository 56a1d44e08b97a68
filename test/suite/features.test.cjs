// Hover, completion, go to definition and quick fixes, asked for through VS Code's own
// provider commands, so the answer is what the editor would show.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const { activate, fileUri, positionOf, waitFor } = require('./helpers.cjs');

const KIRBY = 'John Kirby clarified Biden';

/** The plain text of hover contents (MarkdownString or MarkedString). */
function hoverText(hovers) {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

function labelsOf(list) {
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('Language features', function () {
  let summit;
  before(async function () {
    await activate();
    summit = await vscode.workspace.openTextDocument(fileUri('notes/december-summit.md'));
  });

  it('hover over [[002#kirby-briefing]] quotes the Kirby sentence', async function () {
    const position = positionOf(summit, '[[002#kirby-briefing]]', 8);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', summit.uri, position);
    const text = hoverText(hovers);
    assert.match(text, /Source 002/);
    assert.ok(text.replace(/\*\*/g, '').replace(/’/g, "'").includes(KIRBY.replace(/’/g, "'")), `the hover does not quote Kirby:\n${text}`);
  });

  describe('completion', function () {
    // A new note holding just the typed prefixes; it is removed afterwards.
    const scratch = () => fileUri('notes/completion-scratch.md');
    let document;
    before(async function () {
      fs.writeFileSync(scratch().fsPath, 'See [[\nSee [[002#\n');
      document = await vscode.workspace.openTextDocument(scratch());
    });
    after(async function () {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(scratch().fsPath, { force: true });
    });

    it('after [[ lists the sources and the notes', async function () {
      const list = await vscode.commands.executeCommand(
        'vscode.executeCompletionItemProvider',
        document.uri,
        new vscode.Position(0, 6),
        '[',
      );
      const labels = labelsOf(list);
      for (const expected of ['000', '002', 'december-summit'])
        assert.ok(labels.includes(expected), `${expected} missing from ${labels.join(', ')}`);
    });

    it('after [[002# lists the named anchors of source 002', async function () {
      const list = await vscode.commands.executeCommand(
        'vscode.executeCompletionItemProvider',
        document.uri,
        new vscode.Position(1, 10),
        '#',
      );
      const labels = labelsOf(list);
      for (const expected of ['kirby-briefing', 'macron-no-compromise', 'pifer-position'])
        assert.ok(labels.includes(expected), `${expected} missing from ${labels.join(', ')}`);
    });
  });

  it('go to definition lands on the Kirby passage in source 002', async function () {
    const position = positionOf(summit, '[[002#kirby-briefing]]', 8);
    const [target] = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', summit.uri, position);
    assert.ok(target, 'no definition');
    const uri = target.targetUri || target.uri;
    const range = target.targetSelectionRange || target.targetRange || target.range;
    assert.ok(uri.path.endsWith('/sources/002_a3f28121737e2d7d.txt'), `definition in ${uri.path}`);
    const source = await vscode.workspace.openTextDocument(uri);
    assert.equal(range.start.line, 13);
    assert.match(
      source.getText(range),
      /^National Security Council spokesperson John Kirby clarified Biden.s comments in a press briefing Friday/,
    );
  });

  it('the "N citations" lens over an anchor key runs Find References with a Uri and a Position', async function () {
    const document = await vscode.workspace.openTextDocument(fileUri('sources/002_a3f28121737e2d7d.anchors.yaml'));
    await vscode.window.showTextDocument(document);
    const keyLine = positionOf(document, 'kirby-briefing:').line;
    const lens = await waitFor(
      'the code lens over kirby-briefing',
      async () =>
        ((await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri)) || []).find(
          (l) => l.range.start.line === keyLine && l.command,
        ),
      (l) => !!l,
    );
    assert.match(lens.command.title, /^[1-9]\d* citations?$/);
    assert.equal(lens.command.command, 'editor.action.findReferences');
    const [uri, position] = lens.command.arguments;
    assert.ok(uri instanceof vscode.Uri, `the first argument is a ${typeof uri}: ${JSON.stringify(uri)}`);
    assert.equal(uri.toString(), document.uri.toString());
    assert.ok(position instanceof vscode.Position, `the second argument is ${JSON.stringify(position)}`);
    assert.equal(position.line, keyLine);
    // What clicking the lens runs: the command with its arguments. With a string and an
    // LSP position it failed ("Invalid argument"), and the click did nothing.
    await vscode.commands.executeCommand(lens.command.command, ...lens.command.arguments);
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  it('quick fixes for GN002 offer the anchor it meant', async function () {
    const document = await vscode.workspace.openTextDocument(fileUri('notes/broken-citations.md'));
    const diagnostic = vscode.languages
      .getDiagnostics(document.uri)
      .find((d) => d.range.start.line === 5 && (d.code.value || d.code) === 'GN002');
    assert.ok(diagnostic, 'no GN002 on line 6');
    const actions = await vscode.commands.executeCommand(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.includes('kirby-briefing'));
    assert.ok(fix, `no fix naming kirby-briefing among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind.value, 'quickfix');
    const [[uri, edits]] = fix.edit.entries();
    assert.equal(uri.toString(), document.uri.toString());
    const edited = edits.reduce(
      (text, e) => text.slice(0, document.offsetAt(e.range.start)) + e.newText + text.slice(document.offsetAt(e.range.end)),
      document.getText(),
    );
    assert.ok(edited.split('\n')[5].includes('[[002#kirby-briefing]]'), `the fix writes: ${edited.split('\n')[5]}`);
  });
});

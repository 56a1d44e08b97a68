// PDF and web-page sources in VS Code: the hover over a PDF citation opens the PDF
// viewer at its page; a web page opens as its extracted text with the passage selected.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { activate, fileUri, waitFor } = require('./helpers.cjs');

/** The hover's "Open …" command link, decoded: [command, args]. */
function openLink(markdown) {
  const m = /\]\(command:(groundedNotes\.openSourceAt)\?([^)]+)\)/.exec(markdown);
  assert.ok(m, `no open link in ${markdown}`);
  return [m[1], JSON.parse(decodeURIComponent(m[2]))];
}

async function hoverAt(note, needle) {
  const document = await vscode.workspace.openTextDocument(fileUri(note));
  const line = document
    .getText()
    .split('\n')
    .findIndex((l) => l.includes(needle));
  const position = new vscode.Position(line, document.lineAt(line).text.indexOf(needle) + 3);
  const hovers = await waitFor(
    `a hover over ${needle}`,
    () => vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position),
    (h) => h && h.length > 0,
  );
  return hovers.map((h) => h.contents.map((c) => c.value ?? String(c)).join('\n')).join('\n');
}

const webviewTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('groundedNotes.pdfViewer'));

describe('PDF and web-page sources', function () {
  before(async function () {
    await activate();
  });

  it('hover over a PDF citation shows the page, and its link opens the PDF viewer', async function () {
    const text = await hoverAt('notes/pdf-and-web-sources.md', '[[report#consultations-expert-level]]');
    assert.match(text, /\*\*Source report\*\* — Biden – Putin video summit/);
    assert.match(text, /page 2, paragraph \d+ · \[Open PDF at page 2\]/);
    const [command, args] = openLink(text);
    assert.equal(args[0].page, 2);
    assert.equal(args[0].quote, 'further consultations');
    await vscode.commands.executeCommand(command, ...args);
    const tabs = await waitFor(
      'the PDF viewer tab',
      () => webviewTabs(),
      (t) => t.length === 1,
    );
    assert.equal(tabs[0].label, 'report_summit-2021.pdf');
  });

  it('a web page citation opens the page’s extracted text with the passage selected', async function () {
    const text = await hoverAt('notes/pdf-and-web-sources.md', '[[vox#macron]]');
    assert.match(text, /\*\*Source vox\*\* — Biden and Putin diplomacy/);
    const [command, args] = openLink(text);
    await vscode.commands.executeCommand(command, ...args);
    const editor = await waitFor(
      'the extracted text',
      () => vscode.window.activeTextEditor,
      (e) => e && e.document.uri.scheme === 'grounded-notes-source',
    );
    assert.match(
      editor.document.getText(editor.selection),
      /^Biden made the remarks during an official state visit from French President Emmanuel Macron/,
    );
  });
});

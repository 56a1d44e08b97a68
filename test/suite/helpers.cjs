// Shared steps of the extension-host tests: the opened example workspace, waiting for the
// language server, and diagnostics in the shape `grounded-notes check --format json` prints.
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'grounded-notes.grounded-notes';

/** The workspace folder the runner opened: a temp copy of examples/briefings. */
function workspaceRoot() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'the suite needs a workspace folder (a copy of examples/briefings)');
  return folder.uri;
}

function fileUri(relativePath) {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `accept` holds for its value; fails with the last value seen. */
async function waitFor(what, read, accept, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let value;
  for (;;) {
    value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(value, null, 1)}`);
    await sleep(200);
  }
}

/**
 * Activates the extension and waits until the server has indexed the sources: before that,
 * every citation is an unknown source (GN001), so the GN002 of a misspelt anchor is the sign.
 */
async function activate() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  await waitFor(
    'GN002 in notes/broken-citations.md (the sources indexed)',
    () => diagnosticsOf('notes/broken-citations.md'),
    (diagnostics) => diagnostics.some((d) => d[0] === 'GN002'),
    60_000,
  );
  return api;
}

const SEVERITY = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** A diagnostic as `[code, severity, line, column, endLine, endColumn]`, 1-based like the command line. */
function describeDiagnostic(d) {
  const code = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
  return [
    String(code),
    SEVERITY[d.severity],
    d.range.start.line + 1,
    d.range.start.character + 1,
    d.range.end.line + 1,
    d.range.end.character + 1,
  ];
}

/** The language server's diagnostics of a file (a task's problem matcher adds others, with its own source). */
function diagnosticsOf(relativePath, source = 'grounded-notes') {
  return vscode.languages
    .getDiagnostics(fileUri(relativePath))
    .filter((d) => d.source === source)
    .map(describeDiagnostic)
    .sort((a, b) => a[2] - b[2] || a[3] - b[3] || a[0].localeCompare(b[0]));
}

/** The position of the first occurrence of `text` in a document, plus `offset` characters. */
function positionOf(document, text, offset = 0) {
  const index = document.getText().indexOf(text);
  assert.ok(index >= 0, `${text} not found in ${document.uri.path}`);
  return document.positionAt(index + offset);
}

module.exports = { workspaceRoot, fileUri, sleep, waitFor, activate, diagnosticsOf, positionOf };

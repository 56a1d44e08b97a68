/**
 * The note the user was last editing. Commands run from the walkthrough, the status bar
 * menu or a webview find no active text editor (those views have the focus), so they
 * return to this note, where the user left the cursor.
 */
import * as vscode from 'vscode';

let last: { uri: vscode.Uri; selection: vscode.Selection } | undefined;

const isNote = (editor: vscode.TextEditor | undefined): editor is vscode.TextEditor =>
  !!editor && editor.document.languageId === 'markdown';

/** Starts following the active editor; the returned disposable stops it. */
export function trackLastNote(): vscode.Disposable {
  const remember = (editor: vscode.TextEditor | undefined) => {
    if (isNote(editor)) last = { uri: editor.document.uri, selection: editor.selection };
  };
  remember(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(remember),
    vscode.window.onDidChangeTextEditorSelection((e) => remember(e.textEditor)),
  );
}

/** The URI of the active note, else of the last note edited, if any. */
export function currentNoteUri(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor;
  return isNote(active) ? active.document.uri : last?.uri;
}

/** The active note's editor, else the last note shown again with its cursor where it was. */
export async function noteEditor(): Promise<vscode.TextEditor | undefined> {
  const active = vscode.window.activeTextEditor;
  if (isNote(active)) return active;
  if (!last) return undefined;
  const document = await vscode.workspace.openTextDocument(last.uri);
  return vscode.window.showTextDocument(document, { selection: last.selection, preview: false });
}

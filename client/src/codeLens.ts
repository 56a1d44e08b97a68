/**
 * The server's "N citations" code lenses name VS Code's `editor.action.findReferences`
 * with the arguments LSP can carry, a URI string and an LSP position; the command wants
 * a `Uri` and a `Position` and failed on what it got. This middleware turns them into
 * those types before VS Code shows the lens, so a click opens the references.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const FIND_REFERENCES = 'editor.action.findReferences';

/** A lens whose command the editor can run as it is. */
export function withEditorArguments(lens: vscode.CodeLens): vscode.CodeLens {
  const command = lens.command;
  const [uri, position] = command?.arguments ?? [];
  if (
    command?.command !== FIND_REFERENCES ||
    typeof uri !== 'string' ||
    typeof position?.line !== 'number' ||
    typeof position?.character !== 'number'
  )
    return lens;
  command.arguments = [vscode.Uri.parse(uri), new vscode.Position(position.line, position.character)];
  return lens;
}

export const codeLensMiddleware: Middleware = {
  async provideCodeLenses(document, token, next) {
    const lenses = await next(document, token);
    return lenses?.map(withEditorArguments);
  },
};

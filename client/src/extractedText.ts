/**
 * A saved web page (or a PDF) opened as the text Grounded Notes reads from it: a
 * read-only document whose lines are the extracted text's lines, so a passage can
 * be selected there and Create Anchor from Selection works on it. Its URI names the
 * source: `grounded-notes-source:/sources/page.html.txt?<source URI>`.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientToServer } from '../../shared/protocol';

export const EXTRACTED_SCHEME = 'grounded-notes-source';

/** Serves the extracted text of sources from the server. */
export function registerExtractedText(context: vscode.ExtensionContext, client: LanguageClient): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const r = await client.sendRequest(ClientToServer.sourceText, { uri: sourceUriOf(uri) });
      return r?.text ?? '';
    },
  };
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_SCHEME, provider));
}

/** The extracted-text document of a source. */
export function extractedTextUri(source: string): vscode.Uri {
  const path = vscode.Uri.parse(source).path;
  return vscode.Uri.from({ scheme: EXTRACTED_SCHEME, path: `${path}.txt`, query: source });
}

/** The source a document stands for: an extracted-text document's source, else the document itself. */
export function sourceUriOf(uri: vscode.Uri): string {
  return uri.scheme === EXTRACTED_SCHEME ? uri.query : uri.toString();
}

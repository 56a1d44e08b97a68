/** Show Source Timeline: a webview with one timeline per source. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Opens the timeline view. */
export async function showTimeline(_context: vscode.ExtensionContext, _client: LanguageClient): Promise<void> {
  throw new Error('the source timeline is not available in this build');
}

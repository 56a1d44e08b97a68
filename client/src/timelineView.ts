/**
 * Show Source Timeline: a webview with one timeline per source — its stated date, the
 * span of the dates its text refers to, every resolved date, flagged ones in red.
 * Source text is escaped; the page runs one nonce'd script and loads nothing remote.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { timelineHtml, type SourceTimeline } from './timelineHtml';

/** Opens the timeline view for every source. */
export async function showTimeline(context: vscode.ExtensionContext, client: LanguageClient): Promise<void> {
  const timelines = await client.sendRequest<SourceTimeline[]>('groundedNotes/timeline', {});
  const panel = vscode.window.createWebviewPanel('groundedNotes.timeline', 'Source Timeline', vscode.ViewColumn.Beside, {
    enableScripts: false,
    localResourceRoots: [],
  });
  const nonce = Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  panel.webview.html = timelineHtml(timelines, panel.webview.cspSource, nonce);
  context.subscriptions.push(panel);
}

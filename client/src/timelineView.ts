/**
 * Show Source Timeline: one webview panel with every source's timeline and the current
 * note's citations on it. It follows the active note, and a click on a mark opens that
 * line of the source. The page may only post `{ type: 'open', source, line }`; the source
 * is looked up among the timelines shown, so the page cannot name any other file.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientToServer } from '../../shared/protocol';
import { currentNoteUri } from './lastNote';
import { timelineHtml, type OpenMessage } from './timelineHtml';

let current: TimelinePanel | undefined;

const nonce = () => Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');

function isOpenMessage(m: unknown): m is OpenMessage {
  const o = m as Partial<OpenMessage> | null;
  return !!o && o.type === 'open' && Number.isInteger(o.source) && Number.isInteger(o.line) && o.line! >= 1;
}

class TimelinePanel implements vscode.Disposable {
  private timelines: ClientToServer.SourceTimeline[] = [];
  private note: vscode.Uri | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly client: LanguageClient,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.open(m)),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e?.document.languageId === 'markdown' && e.document.uri.toString() !== this.note?.toString()) void this.refresh();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Asks the server for the timelines (with the current note's citations) and redraws. */
  async refresh(): Promise<void> {
    this.note = currentNoteUri();
    const params: ClientToServer.TimelineParams = this.note ? { note: this.note.toString() } : {};
    this.timelines = await this.client.sendRequest(ClientToServer.timeline, params);
    this.panel.webview.html = timelineHtml(this.timelines, nonce(), this.note ? path.basename(this.note.fsPath) : undefined);
  }

  private async open(message: unknown): Promise<void> {
    if (!isOpenMessage(message)) return;
    const timeline = this.timelines[message.source];
    if (!timeline) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(timeline.uri));
    const line = document.lineAt(Math.min(message.line, document.lineCount) - 1).range;
    await vscode.window.showTextDocument(document, { selection: line, viewColumn: vscode.ViewColumn.One, preview: true });
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    if (current === this) current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** Opens the timeline view (or brings it forward and refreshes it). */
export async function showTimeline(context: vscode.ExtensionContext, client: LanguageClient): Promise<void> {
  if (!current) {
    const panel = vscode.window.createWebviewPanel('groundedNotes.timeline', 'Source Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [],
    });
    current = new TimelinePanel(panel, client);
    context.subscriptions.push(current);
  } else {
    current.reveal();
  }
  await current.refresh();
}

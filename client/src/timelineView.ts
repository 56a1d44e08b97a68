/**
 * Show Source Timeline: one webview panel with every source's timeline and the current
 * note's citations on it. It follows the active note, and a click on a mark opens that
 * line of the source. The page may only post `{ type: 'open', source, line }`, where the
 * source is looked up among the timelines shown (so the page cannot name any other file),
 * and `{ type: 'width', width }`, which lays the page out again for its width.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientToServer } from '../../shared/protocol';
import { currentNoteUri } from './lastNote';
import { DEFAULT_WIDTH, MIN_WIDTH, timelineHtml, type OpenMessage, type WidthMessage } from './timelineHtml';

let current: TimelinePanel | undefined;

const nonce = () => Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');

function isOpenMessage(m: unknown): m is OpenMessage {
  const o = m as Partial<OpenMessage> | null;
  return !!o && o.type === 'open' && Number.isInteger(o.source) && Number.isInteger(o.line) && o.line! >= 1;
}

function isWidthMessage(m: unknown): m is WidthMessage {
  const o = m as Partial<WidthMessage> | null;
  return !!o && o.type === 'width' && Number.isInteger(o.width) && o.width! >= MIN_WIDTH && o.width! <= 10_000;
}

class TimelinePanel implements vscode.Disposable {
  private timelines: ClientToServer.SourceTimeline[] = [];
  private note: vscode.Uri | undefined;
  /** The width the page last reported; every layout after the first fits it. */
  private width = DEFAULT_WIDTH;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly client: LanguageClient,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isWidthMessage(m)) this.relayout(m.width);
        else void this.open(m);
      }),
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
    this.render();
  }

  private relayout(width: number): void {
    if (width === this.width) return;
    this.width = width;
    this.render();
  }

  private render(): void {
    this.panel.webview.html = timelineHtml(this.timelines, nonce(), this.note ? path.basename(this.note.fsPath) : undefined, this.width);
  }

  private async open(message: unknown): Promise<void> {
    if (!isOpenMessage(message)) return;
    const timeline = this.timelines[message.source];
    if (!timeline) return;
    if (/\.(pdf|html?|mht|mhtml)$/i.test(timeline.uri)) {
      // A PDF or web page: its lines are those of its extracted text, which this command opens.
      const at = { uri: timeline.uri, line: message.line - 1, character: 0, endLine: message.line, endCharacter: 0 };
      await vscode.commands.executeCommand('groundedNotes.openSourceAt', at);
      return;
    }
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
    const panel = vscode.window.createWebviewPanel(
      'groundedNotes.timeline',
      'Source Timeline',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [],
      },
    );
    current = new TimelinePanel(panel, client);
    context.subscriptions.push(current);
  } else {
    current.reveal();
  }
  await current.refresh();
}

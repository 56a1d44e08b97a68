/** The status bar item: indexing progress, then the workspace's error and warning counts. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Mirrors `groundedNotes/status` from the server (see server/src/protocol.ts). */
interface StatusParams {
  state: 'indexing' | 'ready';
  notes: number;
  sources: number;
  errors: number;
  warnings: number;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('groundedNotes.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(client: LanguageClient) {
    this.item.name = 'Grounded Notes';
    this.item.command = 'groundedNotes.checkWorkspace';
    this.item.text = '$(sync~spin) Grounded Notes';
    this.item.tooltip = 'Grounded Notes is starting';
    this.item.show();
    this.subscription = client.onNotification('groundedNotes/status', (s: StatusParams) => this.update(s));
  }

  private update(s: StatusParams): void {
    if (s.state === 'indexing') {
      this.item.text = '$(sync~spin) Grounded Notes: indexing…';
      this.item.tooltip = `Indexing ${s.notes} notes and ${s.sources} sources`;
      return;
    }
    const icon = s.errors > 0 ? '$(error)' : s.warnings > 0 ? '$(warning)' : '$(check)';
    this.item.text = `${icon} Grounded Notes: ${s.errors} errors, ${s.warnings} warnings`;
    this.item.tooltip = `${s.notes} notes, ${s.sources} sources. Click to check the workspace.`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

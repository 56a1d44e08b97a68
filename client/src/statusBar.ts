/** The status bar item: indexing progress, then the workspace's error and warning counts; a click opens the menu. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServerToClient } from '../../shared/protocol';
import { STATUS_MENU_COMMAND } from './statusMenu';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('groundedNotes.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(client: LanguageClient) {
    this.item.name = 'Grounded Notes';
    this.item.command = STATUS_MENU_COMMAND;
    this.item.text = '$(sync~spin) Grounded Notes';
    this.item.tooltip = 'Grounded Notes is starting';
    this.item.show();
    this.subscription = client.onNotification(ServerToClient.status, (s) => this.update(s));
  }

  private update(s: ServerToClient.StatusParams): void {
    if (s.state === 'indexing') {
      this.item.text = '$(sync~spin) Grounded Notes: indexing…';
      this.item.tooltip = `Indexing ${s.notes} notes and ${s.sources} sources`;
      return;
    }
    const icon = s.errors > 0 ? '$(error)' : s.warnings > 0 ? '$(warning)' : '$(check)';
    this.item.text = `${icon} Grounded Notes: ${s.errors} errors, ${s.warnings} warnings`;
    this.item.tooltip = `${s.notes} notes, ${s.sources} sources. Click for the Grounded Notes menu.`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

/**
 * The VS Code client: starts the language server, registers the commands, shows the
 * server's state in the status bar. Everything else happens in the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { codeLensMiddleware } from './codeLens';
import { registerCommands } from './commands';
import { StatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** What the extension exports (the extension-host tests reach the client through it). */
export interface GroundedNotesApi {
  client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<GroundedNotesApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', pattern: '**/*.anchors.yaml' },
      { scheme: 'file', pattern: '**/*.txt' },
    ],
    synchronize: {
      configurationSection: 'groundedNotes',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{md,txt,yaml}'),
    },
    // Hover Markdown may run only the extension's own command that opens a source.
    markdown: { isTrusted: { enabledCommands: ['groundedNotes.openSourceAt'] }, supportHtml: false },
    // The persisted index goes to the editor's storage for this workspace, never among the user's files.
    initializationOptions: { cacheDir: context.storageUri?.fsPath },
    // "N citations" lenses open the references: their arguments become a Uri and a Position.
    middleware: codeLensMiddleware,
  };
  client = new LanguageClient('groundedNotes', 'Grounded Notes', serverOptions, clientOptions);
  const status = new StatusBar(client);
  context.subscriptions.push(status);
  registerCommands(context, client);
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

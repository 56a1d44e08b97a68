/**
 * The VS Code client: starts the language server, registers the commands, the check task
 * and the status bar item. Everything else happens in the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import * as protocol from '../../shared/protocol';
import { codeLensMiddleware } from './codeLens';
import { registerCommands } from './commands';
import { createExampleWorkspace } from './exampleWorkspace';
import { trackLastNote } from './lastNote';
import { StatusBar } from './statusBar';
import { showStatusMenu, STATUS_MENU_COMMAND } from './statusMenu';
import { registerTasks } from './tasks';
import { registerExtractedText } from './extractedText';

let client: LanguageClient | undefined;

/** What the extension exports (the extension-host tests reach the client through it). */
export interface GroundedNotesApi {
  client: LanguageClient;
  /** The custom requests and notifications, for callers of `client.sendRequest`. */
  protocol: typeof protocol;
}

export async function activate(context: vscode.ExtensionContext): Promise<GroundedNotesApi> {
  // The server with its compiled code kept between starts (dist/launch.js); under a debugger, as built.
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: context.asAbsolutePath(path.join('dist', 'launch.js')), transport: TransportKind.ipc },
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
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{md,txt,yaml,pdf,html,htm,mhtml,mht}'),
    },
    // Hover Markdown may run only the extension's own command that opens a source.
    markdown: { isTrusted: { enabledCommands: ['groundedNotes.openSourceAt'] }, supportHtml: false },
    // The persisted index goes to the editor's storage for this workspace, never among the user's files.
    initializationOptions: { cacheDir: context.storageUri?.fsPath },
    // "N citations" lenses open the references: their arguments become a Uri and a Position.
    middleware: codeLensMiddleware,
  };
  client = new LanguageClient('groundedNotes', 'Grounded Notes', serverOptions, clientOptions);
  const started = client;
  context.subscriptions.push(
    new StatusBar(client),
    trackLastNote(),
    registerTasks(context.asAbsolutePath(path.join('dist', 'cli.js'))),
    vscode.commands.registerCommand(STATUS_MENU_COMMAND, showStatusMenu),
    vscode.commands.registerCommand('groundedNotes.createExampleWorkspace', createExampleWorkspace),
    vscode.commands.registerCommand('groundedNotes.showOutput', () => started.outputChannel.show()),
  );
  registerCommands(context, client);
  registerExtractedText(context, client);
  await client.start();
  return { client, protocol };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

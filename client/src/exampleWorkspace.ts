/**
 * Create Example Workspace: writes the example (sources, anchor files and notes with one
 * labelled mistake per diagnostic) into a `briefings` folder inside a folder the user
 * picks, then offers to open it. It never overwrites: an existing `briefings` is left alone.
 */
import * as vscode from 'vscode';
import files from 'grounded-notes:example';

export const EXAMPLE_FOLDER = 'briefings';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Writes the example under `parent/briefings`; returns its folder, or undefined when `briefings` exists. */
export async function writeExample(parent: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.Uri.joinPath(parent, EXAMPLE_FOLDER);
  if (await exists(folder)) return undefined;
  for (const [path, content] of Object.entries(files)) {
    const bytes =
      typeof content === 'string' ? new TextEncoder().encode(content) : Uint8Array.from(atob(content.base64), (c) => c.charCodeAt(0));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, ...path.split('/')), bytes);
  }
  return folder;
}

/**
 * The command. Given a folder (tests, other extensions) it writes there without asking;
 * otherwise it asks for the folder and then offers to open the example.
 */
export async function createExampleWorkspace(parent?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const interactive = !(parent instanceof vscode.Uri);
  if (interactive) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: 'Create Example Here',
      title: `Grounded Notes: the folder to create the example workspace (${EXAMPLE_FOLDER}/) in`,
      ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
    });
    parent = picked?.[0];
    if (!parent) return undefined;
  }
  const folder = await writeExample(parent!);
  if (!folder) {
    void vscode.window.showErrorMessage(
      `Grounded Notes: ${vscode.Uri.joinPath(parent!, EXAMPLE_FOLDER).fsPath} already exists; nothing was written. Pick another folder.`,
    );
    return undefined;
  }
  if (interactive) void offerToOpen(folder);
  return folder;
}

async function offerToOpen(folder: vscode.Uri): Promise<void> {
  const open = 'Open Folder';
  const choice = await vscode.window.showInformationMessage(
    `Grounded Notes: the example workspace is in ${folder.fsPath}. Open notes/december-summit.md there and hover a citation.`,
    open,
  );
  if (choice === open) await vscode.commands.executeCommand('vscode.openFolder', folder);
}

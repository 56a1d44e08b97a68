/** The menu the status bar item opens: the extension's main actions in one quick pick. */
import * as vscode from 'vscode';

export const STATUS_MENU_COMMAND = 'groundedNotes.showMenu';
export const WALKTHROUGH_ID = 'grounded-notes.grounded-notes#gettingStarted';

interface MenuItem extends vscode.QuickPickItem {
  run: () => Thenable<unknown>;
}

/** The menu's entries, in the order shown. */
export function menuItems(): MenuItem[] {
  const command =
    (id: string, ...args: unknown[]) =>
    () =>
      vscode.commands.executeCommand(id, ...args);
  return [
    {
      label: '$(check-all) Check Workspace',
      detail: 'Check every note and source now and open the Problems panel',
      run: command('groundedNotes.checkWorkspace'),
    },
    {
      label: '$(calendar) Show Source Timeline',
      detail: "Each source's dates, and the current note's citations on them",
      run: command('groundedNotes.showSourceTimeline'),
    },
    {
      label: '$(quote) Insert Citation',
      detail: 'Pick a source, then an anchor, and cite it in the current note',
      run: command('groundedNotes.insertCitation'),
    },
    {
      label: '$(gear) Open Settings',
      detail: 'Source folders, severities per diagnostic code, …',
      run: command('workbench.action.openSettings', '@ext:grounded-notes.grounded-notes'),
    },
    {
      label: '$(book) Get Started',
      detail: 'The walkthrough: sources, citations, hovers, problems, dates',
      run: command('workbench.action.openWalkthrough', WALKTHROUGH_ID, false),
    },
    { label: '$(output) Show Server Output', detail: "The language server's log", run: command('groundedNotes.showOutput') },
  ];
}

/** Shows the menu and runs the picked entry. */
export async function showStatusMenu(): Promise<void> {
  const picked = await vscode.window.showQuickPick(menuItems(), { title: 'Grounded Notes', matchOnDetail: true });
  await picked?.run();
}

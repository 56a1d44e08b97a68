/**
 * The `grounded-notes` task type: `Grounded Notes: check` runs the bundled command line
 * (`dist/cli.js check`) on a workspace folder, and the `$grounded-notes` problem matcher
 * (package.json) reads its `file:line:col severity code message` lines into the Problems
 * panel. The command line runs in the editor's own Node (`ELECTRON_RUN_AS_NODE`), so
 * nothing needs to be installed.
 */
import * as path from 'path';
import * as vscode from 'vscode';

export const TASK_TYPE = 'grounded-notes';
export const PROBLEM_MATCHER = '$grounded-notes';

/** What a `tasks.json` entry of type `grounded-notes` may say (contributes.taskDefinitions). */
export interface CheckTaskDefinition extends vscode.TaskDefinition {
  type: typeof TASK_TYPE;
  /** The folder to check, relative to the workspace folder (default: the workspace folder). */
  folder?: string;
  /** Fail when there are more warnings than this (`--max-warnings`). */
  maxWarnings?: number;
}

/** The check task for one workspace folder. */
export function checkTask(cli: string, scope: vscode.WorkspaceFolder, definition: CheckTaskDefinition): vscode.Task {
  const cwd = definition.folder ? path.resolve(scope.uri.fsPath, definition.folder) : scope.uri.fsPath;
  const args = [cli, 'check', '.'];
  if (definition.maxWarnings !== undefined) args.push('--max-warnings', String(definition.maxWarnings));
  const execution = new vscode.ProcessExecution(process.execPath, args, { cwd, env: { ELECTRON_RUN_AS_NODE: '1' } });
  const task = new vscode.Task(definition, scope, 'check', 'Grounded Notes', execution, PROBLEM_MATCHER);
  task.detail = 'Check every note and source; problems go to the Problems panel';
  task.group = vscode.TaskGroup.Test;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

/** Registers the task provider; `cli` is the bundled command line. */
export function registerTasks(cli: string): vscode.Disposable {
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((folder) => checkTask(cli, folder, { type: TASK_TYPE })),
    resolveTask: (task) => {
      const definition = task.definition as CheckTaskDefinition;
      const scope = task.scope;
      if (definition.type !== TASK_TYPE || typeof scope !== 'object') return undefined;
      // VS Code requires the task to keep the definition object it was given.
      return checkTask(cli, scope, definition);
    },
  });
}

// What the extension adds to the workbench beyond the language server: the example
// workspace command, the check task with its problem matcher, the walkthrough, the menu.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');
const { activate, diagnosticsOf, waitFor } = require('./helpers.cjs');

const EXTENSION_ID = 'grounded-notes.grounded-notes';

describe('Workbench contributions', function () {
  let tmp;
  before(async function () {
    await activate();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gn-suite-'));
  });
  after(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('Create Example Workspace writes the example into briefings/ of the folder given, and never over an existing one', async function () {
    const parent = vscode.Uri.file(tmp);
    const folder = await vscode.commands.executeCommand('groundedNotes.createExampleWorkspace', parent);
    assert.equal(folder.fsPath, path.join(tmp, 'briefings'));
    const summit = path.join(tmp, 'briefings/notes/december-summit.md');
    assert.match(fs.readFileSync(summit, 'utf8'), /\[\[002#kirby-briefing\]\]/);
    assert.ok(fs.existsSync(path.join(tmp, 'briefings/sources/002_a3f28121737e2d7d.anchors.yaml')));
    // The example's PDF is written byte for byte (it is binary, not text).
    const pdf = 'sources/report_summit-2021.pdf';
    assert.ok(
      fs
        .readFileSync(path.join(tmp, 'briefings', pdf))
        .equals(
          fs.readFileSync(
            vscode.Uri.joinPath(vscode.extensions.getExtension('grounded-notes.grounded-notes').extensionUri, 'examples/briefings', pdf)
              .fsPath,
          ),
        ),
    );
    fs.writeFileSync(summit, 'my own words');
    assert.equal(await vscode.commands.executeCommand('groundedNotes.createExampleWorkspace', parent), undefined);
    assert.equal(fs.readFileSync(summit, 'utf8'), 'my own words', 'an existing example is left alone');
  });

  it('provides the task "Grounded Notes: check": the bundled command line with the $grounded-notes problem matcher', async function () {
    const tasks = await vscode.tasks.fetchTasks({ type: 'grounded-notes' });
    assert.equal(tasks.length, 1);
    const [task] = tasks;
    assert.deepEqual([task.source, task.name, task.problemMatchers], ['Grounded Notes', 'check', ['$grounded-notes']]);
    const execution = task.execution;
    assert.ok(execution instanceof vscode.ProcessExecution);
    assert.deepEqual(execution.args.slice(1), ['check', '.']);
    assert.match(execution.args[0], /dist[\\/]cli\.js$/);
    assert.equal(execution.options.cwd, vscode.workspace.workspaceFolders[0].uri.fsPath);

    const ended = new Promise((resolve) => {
      const listener = vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution.task.definition.type !== 'grounded-notes') return;
        listener.dispose();
        resolve(e.exitCode);
      });
    });
    await vscode.tasks.executeTask(task);
    assert.equal(await ended, 1, 'the example has errors, so check exits 1');

    // The matcher's problems sit beside the server's, at the same places with the same codes.
    const startOf = (d) => d.slice(0, 4).join(' ');
    for (const file of ['notes/broken-citations.md', 'notes/dates.md', 'sources/002_a3f28121737e2d7d.txt']) {
      const server = diagnosticsOf(file).map(startOf);
      const matched = await waitFor(
        `the task's problems in ${file}`,
        () => diagnosticsOf(file, 'grounded-notes check').map(startOf),
        (list) => list.length === server.length,
      );
      assert.deepEqual(matched, server);
    }
  });

  it('contributes the walkthrough, whose pictures ship with the extension', function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const [walkthrough] = extension.packageJSON.contributes.walkthroughs;
    for (const step of walkthrough.steps) assert.ok(fs.existsSync(path.join(extension.extensionPath, step.media.image)), step.media.image);
  });
});

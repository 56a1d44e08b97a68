/**
 * `.vscode/settings.json` in a cloned workspace is written by whoever wrote the
 * workspace: linked to `/etc/passwd` it printed `root:x:0:0` into the error, to
 * `/proc/self/environ` the environment, to `/dev/urandom` it cost 1.2 GB, and to
 * `/dev/stdin` it blocked. It is read like a note: inside the workspace, a regular
 * file, of bounded size, and an error never quotes it.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../../server/src/node/nodeWorkspace.js';
import { ensureBuilt, REPO } from '../helpers/lspClient.js';

const DEFAULTS = { sourceRoots: ['sources'], diagnostics: {}, maxFileSize: 5242880, exclude: ['node_modules', '.git'], linkStyle: 'auto' };

describe('settings from .vscode/settings.json', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  /** A workspace whose `.vscode/settings.json` is made by `make(path)`. */
  const ws = (make: (path: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'gn-settings-'));
    dirs.push(dir);
    mkdirSync(join(dir, '.vscode'));
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes/a.md'), 'A note.\n');
    make(join(dir, '.vscode/settings.json'));
    return dir;
  };
  const refused = (why: string) => [`.vscode/settings.json is not read: ${why}; the default settings are used`];

  for (const target of ['/etc/passwd', '/proc/self/environ', '/dev/urandom', '/dev/zero']) {
    it(`a link to ${target} is not read, and nothing of it is shown`, async () => {
      const { config, errors } = await loadSettings(ws((p) => symlinkSync(target, p)));
      assert.deepEqual(config, DEFAULTS);
      assert.deepEqual(errors, refused('it resolves outside the workspace folder'));
    });
  }

  it('a FIFO inside the workspace is not opened for a blocking read', async () => {
    const dir = ws((p) => execFileSync('mkfifo', [p]));
    assert.deepEqual((await loadSettings(dir)).errors, refused('it is not a regular file'));
  });

  it('a settings file over 1 MB is not read', async () => {
    const dir = ws((p) => writeFileSync(p, `{"x": "${'a'.repeat(2 * 1024 * 1024)}"}`));
    assert.deepEqual((await loadSettings(dir)).errors, refused('it is 2097161 bytes, over the limit of 1048576'));
  });

  it('invalid JSON is reported by line and column, without quoting the file', async () => {
    const dir = ws((p) => writeFileSync(p, '{\n  "groundedNotes.sourceRoots": [root:x:0:0:root]\n}\n'));
    const { config, errors } = await loadSettings(dir);
    assert.deepEqual(config, DEFAULTS);
    assert.deepEqual(errors, refused('invalid JSON at line 2, column 33 (InvalidSymbol)'));
  });

  it('comments and trailing commas are fine, and a comma inside a string stays in it', async () => {
    const dir = ws((p) =>
      writeFileSync(
        p,
        '{\n  // roots\n  "groundedNotes.sourceRoots": ["refs,]", "sources",],\n  /* off */ ' +
          '"groundedNotes.diagnostics": { "GN020": "off" },\n}\n',
      ),
    );
    assert.deepEqual(await loadSettings(dir), {
      config: { ...DEFAULTS, sourceRoots: ['refs,]', 'sources'], diagnostics: { GN020: 'off' } },
      errors: [],
    });
  });

  it('the command line does not block on a link to /dev/stdin, and says why it ignored the file', async () => {
    ensureBuilt();
    const dir = ws((p) => symlinkSync('/dev/stdin', p));
    // stdin stays open and silent, as in a CI job: a read of it would never end.
    const child = spawn(process.execPath, [join(REPO, 'bin/grounded-notes.js'), 'check', dir], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve(null);
      }, 30_000);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    assert.equal(code, 0, `blocked or failed: ${stderr}`);
    assert.match(
      stderr,
      new RegExp(
        '^grounded-notes: \\.vscode/settings\\.json is not read: it (resolves outside the workspace folder|' +
          'cannot be resolved \\(a broken or looping link\\)); the default settings are used\\n',
      ),
    );
  });
});

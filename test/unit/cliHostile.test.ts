/**
 * `grounded-notes check` on a workspace written by someone else, as CI runs it: what
 * it prints cannot drive the terminal or the CI service, and a failure or a flood of
 * problems never passes for a clean check.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terminalSafe, terminalSafePath } from '../../server/src/cli/terminal.js';
import { ensureBuilt, REPO } from '../helpers/lspClient.js';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/grounded-notes.js'), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('grounded-notes check on hostile workspaces', function () {
  this.timeout(180_000);
  const dirs: string[] = [];
  before(() => ensureBuilt());
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const ws = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'gn-hostile-'));
    dirs.push(dir);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };

  describe('text output', () => {
    it('escapes terminal controls in a citation: no ESC reaches the terminal', () => {
      const d = ws({ 'notes/a.md': 'Fine [[\u001b[2K\u001b[1A\u001b]0;pwned\u0007]].\n' });
      const r = cli('check', d);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, 'notes/a.md:1:8 error GN001 No note or file `\\x1b[2K\\x1b[1A\\x1b]0;pwned\\x07` in the workspace\n');
    });

    it('a file name holding a line break cannot start a line a CI service reads as a command', () => {
      const d = ws({
        'notes/x\n::error file=README.md,line=1::Forged.md': '[[998]]\n',
        '::warning::root.md': '[[997]]\n',
        'notes/##vso[task.complete result=Succeeded]x.md': '[[996]]\n',
      });
      const r = cli('check', d);
      assert.equal(r.code, 1);
      assert.deepEqual(r.stdout.split('\n'), [
        './::warning::root.md:1:3 error GN001 No note or file `997` in the workspace',
        'notes/##vso\\x5btask.complete result=Succeeded]x.md:1:3 error GN001 No note or file `996` in the workspace',
        'notes/x\\n::error file=README.md,line=1::Forged.md:1:3 error GN001 No note or file `998` in the workspace',
        '',
      ]);
    });

    it('escapes C0 and C1 controls, DEL, line separators and bidirectional overrides, and nothing else', () => {
      assert.equal(
        terminalSafe('a\tb\r\n\u0000\u007f\u009b\u2028\u202e\u2066 é 😀 “x”'),
        'a\\tb\\r\\n\\x00\\x7f\\x9b\\u2028\\u202e\\u2066 é 😀 “x”',
      );
      assert.equal(terminalSafe('see ##[group]x and ##VSO[task]y'), 'see ##\\x5bgroup]x and ##VSO\\x5btask]y');
      assert.equal(terminalSafePath('  ::error::x.md'), './  ::error::x.md');
      assert.equal(terminalSafePath('notes/a.md'), 'notes/a.md');
    });
  });

  describe('never a clean result by mistake', () => {
    it('130,000 `[[999]]` on one line: exit 1, the first 999 errors and one GN009 that counts the rest', () => {
      const d = ws({ 'notes/many.md': '[[999]] '.repeat(130_000) + '\n' });
      const r = cli('check', d, '--format', 'json');
      assert.equal(r.code, 1, r.stderr);
      const findings = JSON.parse(r.stdout) as { code: string; severity: string; message: string }[];
      assert.equal(findings.length, 1000);
      assert.deepEqual(findings.at(-1), {
        file: 'notes/many.md',
        line: 1,
        column: 7995,
        endLine: 1,
        endColumn: 7995,
        severity: 'error',
        code: 'GN009',
        message: '129,001 more problems in this file are not listed (129,001 errors): only the first 999 are',
      });
      assert.match(r.stderr, /1 notes, 0 sources: 1000 errors/);
    });
  });
});

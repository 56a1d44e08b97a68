import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipEntries } from '../helpers/zip.js';

const root = join(import.meta.dirname, '../..');
const WALKTHROUGH = ['hover', 'insert-citation', 'problems', 'sources', 'timeline'].map((n) => `media/walkthrough/${n}.png`);
/** What runs, and nothing else: the manifest, the bundles, the grammar, the icon, the walkthrough's pictures, the three documents. */
const SHIPPED = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'media/icon.png',
  ...WALKTHROUGH,
  'dist/extension.js',
  'dist/server.js',
  'dist/launch.js',
  'dist/cli.js',
  'dist/indexWorker.js',
  'dist/readWorker.js',
  'dist/suggestWorker.js',
  'dist/extractWorker.mjs',
  'dist/webview/pdfViewer.js',
  'dist/webview/pdf_viewer.css',
  'syntaxes/citation.tmLanguage.json',
].sort();
/**
 * The .vsix budget: the bundles are about 1.8 MB before compression, and pdf.js twice
 * (the extraction worker's build for Node, the viewer's for the webview) about 0.9 MB
 * compressed on top.
 */
const MAX_VSIX_BYTES = 3 * 1024 * 1024;

const vsce = (...args: string[]) =>
  execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), ...args], { cwd: root, encoding: 'utf8' });

describe('packaging', function () {
  this.timeout(180_000);

  it('vsce ls accepts the manifest and lists only what runs', () => {
    assert.deepEqual(vsce('ls', '--no-dependencies').trim().split('\n').sort(), SHIPPED);
  });

  it('npm run package writes a .vsix holding exactly those files, within its size budget', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gn-vsix-'));
    try {
      const out = join(dir, 'grounded-notes.vsix');
      const r = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', out], { cwd: root, encoding: 'utf8' });
      assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
      const names = zipEntries(out).map((e) => e.name);
      // vsce stores the files under extension/, renames LICENSE and lower-cases the two documents.
      const renamed: Record<string, string> = { 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' };
      assert.deepEqual(
        names.sort(),
        ['[Content_Types].xml', 'extension.vsixmanifest', ...SHIPPED.map((f) => `extension/${renamed[f] ?? f}`)].sort(),
      );
      const size = statSync(out).size;
      console.log(`      .vsix: ${(size / 1024).toFixed(0)} KB, ${names.length} files`);
      assert.ok(size < MAX_VSIX_BYTES, `the .vsix is ${size} bytes`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("npm pack prints only the tarball's name, which pre-commit reads as the file to install", () => {
    const r = spawnSync('npm', ['pack', '--dry-run'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), `grounded-notes-${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}.tgz`);
  });

  it('npm pack (what pre-commit installs) holds the command line and the server, bundled', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
    assert.deepEqual(files, [
      'LICENSE',
      'README.md',
      'bin/grounded-notes.js',
      'dist/cli.js',
      'dist/extractWorker.mjs',
      'dist/indexWorker.js',
      'dist/launch.js',
      'dist/readWorker.js',
      'dist/server.js',
      'dist/suggestWorker.js',
      'package.json',
    ]);
  });
});

/**
 * The bad-input corpus (test/corpus/cases.ts) through the core service over the real
 * file system (NodeWorkspace), and a representative subset through the CLI: never a
 * crash or a hang, exactly the declared problems, and the base note still checked.
 * Also: hovers never let a source inject HTML, links or commands, and the README's
 * robustness table is the one `test/corpus/table.ts` prints.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { createNotesService } from '../../server/src/core/index.js';
import type { NotesService } from '../../server/src/core/api.js';
import type { Workspace } from '../../server/src/core/workspace.js';
import { isInside } from '../../server/src/core/workspace.js';
import type { DocUri, Problem } from '../../server/src/core/types.js';
import { LineIndex } from '../../server/src/core/text.js';
import { loadSettings, NodeWorkspace, pathToUri, uriToPath } from '../../server/src/node/nodeWorkspace.js';
import { BASE_FILES, BASE_PROBLEM, cases, type CorpusCase, type Expected } from '../corpus/cases.js';
import { robustnessTable } from '../corpus/table.js';
import { ensureBuilt, REPO } from '../helpers/lspClient.js';
import { testExtractor } from '../helpers/extract.js';
import type { Extractor } from '../../server/src/node/extract/extractor.js';

/** PDFs and web pages are read as the server reads them: on the bundled extraction worker. */
let extractor: Extractor;

const FIXTURES = join(REPO, 'test/corpus/fixtures');
/** A hang detector, not a timing assertion. */
const TIME_LIMIT_MS = 30_000;

interface Built {
  parent: string;
  dir: string;
}

function build(c: CorpusCase): Built {
  const parent = mkdtempSync(join(tmpdir(), `gn-corpus-${c.id}-`));
  const dir = join(parent, 'ws');
  for (const sub of ['notes', 'sources']) mkdirSync(join(dir, sub), { recursive: true });
  for (const [path, text] of Object.entries(BASE_FILES)) writeFileSync(join(dir, path), text);
  if (c.fixture) cpSync(join(FIXTURES, c.id), dir, { recursive: true });
  c.generate?.(dir);
  if (c.settings) {
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode/settings.json'), JSON.stringify(c.settings));
  }
  if (c.id === 'symlinks') {
    // Outside the workspace: a folder of notes and a source that must never be read.
    mkdirSync(join(parent, 'outside'));
    writeFileSync(join(parent, 'outside/secret.md'), 'Secret [[992]].\n');
    writeFileSync(join(parent, 'outside/008_secret.txt'), 'Secret source.\n');
    symlinkSync(join(parent, 'outside'), join(dir, 'notes/outside'));
    symlinkSync(join(parent, 'outside/008_secret.txt'), join(dir, 'sources/008_secret.txt'));
    symlinkSync('/etc/passwd', join(dir, 'sources/009_passwd.txt'));
    // Loops: a folder that contains itself, two files that point at each other.
    symlinkSync(join(dir, 'notes'), join(dir, 'notes/loop'));
    symlinkSync(join(dir, 'notes/l2.md'), join(dir, 'notes/l1.md'));
    symlinkSync(join(dir, 'notes/l1.md'), join(dir, 'notes/l2.md'));
  }
  if (c.id === 'settings-outside') {
    mkdirSync(join(dir, '.vscode'));
    symlinkSync('/etc/passwd', join(dir, '.vscode/settings.json'));
  }
  if (c.id === 'outside-roots') {
    // What `../..` would reach: files beside and above the workspace folder.
    mkdirSync(join(parent, 'sources'));
    writeFileSync(join(parent, 'sources/666_secret.txt'), 'Secret.\n');
    writeFileSync(join(parent, 'secret.md'), 'Secret [[991]].\n');
  }
  return { parent, dir };
}

/** Records every URI the core asks for, and applies the case's misbehaviour. */
class CaseWorkspace implements Workspace {
  readonly listed: DocUri[] = [];
  readonly read: DocUri[] = [];
  readonly stated: DocUri[] = [];
  constructor(
    private readonly inner: NodeWorkspace,
    private readonly c: CorpusCase,
    private readonly dir: string,
  ) {}
  get folders() {
    return this.inner.folders;
  }
  async exists(uri: DocUri): Promise<boolean> {
    return this.inner.exists(uri);
  }
  async listFiles(folder: DocUri, extensions: readonly string[]): Promise<DocUri[]> {
    this.listed.push(folder);
    const files = await this.inner.listFiles(folder, extensions);
    if (this.c.wrapper === 'deleteWhileIndexing') unlinkSync(join(this.dir, 'notes/ghost.md'));
    return files;
  }
  async readFile(uri: DocUri): Promise<string | undefined> {
    this.read.push(uri);
    if (this.c.wrapper === 'deleteWhileIndexing' && uri.endsWith('/notes/vanishing.md')) unlinkSync(uriToPath(uri));
    if (this.c.wrapper === 'throwEacces' && /locked/.test(uri))
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    return this.inner.readFile(uri);
  }
  async stat(uri: DocUri) {
    this.stated.push(uri);
    return this.inner.stat(uri);
  }
  async readExtracted(uri: DocUri) {
    this.read.push(uri);
    return this.inner.readExtracted(uri);
  }
}

interface Finding {
  file: string;
  line: number;
  code: string;
  message: string;
}

const show = (f: Finding) => `${f.file}:${f.line} ${f.code} ${f.message}`;

/** Compares the findings outside the base files with the case's expectations. */
function assertOutcome(c: CorpusCase, findings: Finding[], how: string): void {
  const base = findings.filter((f) => f.file === BASE_PROBLEM.file);
  assert.deepEqual(
    base.map((f) => [f.line, f.code, f.message]),
    [[BASE_PROBLEM.line, BASE_PROBLEM.code, BASE_PROBLEM.message]],
    `${c.id} (${how}): the base note is still checked`,
  );
  const rest = findings.filter((f) => !(f.file in BASE_FILES));
  const expected = c.expect.map((e: Expected) => ({ file: e.file, code: e.code, message: e.message, line: e.line }));
  const actual = rest.map((f) => ({
    file: f.file,
    code: f.code,
    message: f.message,
    line: expected.some((e) => e.file === f.file && e.line !== undefined) ? f.line : undefined,
  }));
  const sort = (xs: typeof actual) => xs.map((x) => JSON.stringify(x)).sort();
  assert.deepEqual(sort(actual), sort(expected), `${c.id} (${how}):\n${rest.map(show).join('\n')}`);
}

function findingsOf(problems: Map<DocUri, Problem[]>, dir: string): Finding[] {
  const folder = pathToUri(dir);
  return [...problems.values()]
    .flat()
    .map((p) => ({ file: p.uri.slice(folder.length + 1), line: p.range.start.line + 1, code: p.code, message: p.message }));
}

async function runService(c: CorpusCase, dir: string): Promise<{ service: NotesService; workspace: CaseWorkspace; errors: string[] }> {
  const { config } = await loadSettings(dir);
  const workspace = new CaseWorkspace(new NodeWorkspace([dir], () => {}, extractor), c, dir);
  const errors: string[] = [];
  const service = createNotesService({ workspace, config, logger: { info() {}, warn() {}, error: (m) => errors.push(m) } });
  const started = Date.now();
  await service.initialize();
  const problems = service.allProblems();
  assert.ok(Date.now() - started < TIME_LIMIT_MS, `${c.id}: took ${Date.now() - started} ms`);
  assertOutcome(c, findingsOf(problems, dir), 'service');
  return { service, workspace, errors };
}

function assertStaysInside(w: CaseWorkspace, dir: string): void {
  const folder = pathToUri(dir);
  const real = realpathSync(dir);
  for (const uri of [...w.listed, ...w.read, ...w.stated]) {
    assert.ok(isInside(uri, folder), `asked for ${uri}, outside ${folder}`);
    let target: string;
    try {
      target = realpathSync(uriToPath(uri));
    } catch {
      continue; // gone, or a looping link: nothing was read
    }
    if (w.read.includes(uri)) assert.ok(target === real || target.startsWith(real + sep), `read ${uri}, which resolves to ${target}`);
  }
}

/** Strips the extension's own command links, then checks nothing a source wrote is live Markdown. */
function assertInert(markdown: string, what: string): void {
  const commands = markdown.match(/command:[A-Za-z.]+/g) ?? [];
  for (const cmd of commands) assert.equal(cmd, 'command:groundedNotes.openSourceAt', `${what}: command link ${cmd}`);
  const withoutOwnLinks = markdown.replace(/\[[^\]]*\]\(command:groundedNotes\.openSourceAt\?[^)\s]*\)/g, '');
  assert.doesNotMatch(withoutOwnLinks, /<[A-Za-z!/]/, `${what}: raw HTML in ${withoutOwnLinks}`);
  assert.doesNotMatch(withoutOwnLinks, /(?<!\\)\]\(/, `${what}: a live link in ${withoutOwnLinks}`);
  assert.doesNotMatch(withoutOwnLinks, /(?<!\\)(?:javascript|https?|command):/i, `${what}: a live URI in ${withoutOwnLinks}`);
}

describe('bad-input corpus', function () {
  this.timeout(120_000);
  before(() => (extractor = testExtractor()));
  after(() => extractor.close());
  const built = new Map<string, Built>();
  const dirOf = (c: CorpusCase) => {
    let b = built.get(c.id);
    if (!b) built.set(c.id, (b = build(c)));
    return b.dir;
  };
  after(() => {
    for (const b of built.values()) rmSync(b.parent, { recursive: true, force: true });
  });

  it('every case is declared once with an outcome', () => {
    assert.equal(new Set(cases.map((c) => c.id)).size, cases.length);
    for (const c of cases) if (c.fixture) assert.ok(existsSync(join(FIXTURES, c.id)), c.id);
  });

  describe('through the core service (NodeWorkspace)', () => {
    for (const c of cases) {
      it(`${c.class}: ${c.input}`, async () => {
        const dir = dirOf(c);
        const { service, workspace, errors } = await runService(c, dir);
        const folder = pathToUri(dir);
        if (c.wrapper === 'recordReads') assertStaysInside(workspace, dir);
        if (c.id === 'big-note') assert.ok(!workspace.read.includes(`${folder}/notes/big.md`), 'the 20 MB note is never read');
        if (c.id === 'symlinks') {
          const listed = await workspace.listFiles(folder, ['.md', '.txt', '.yaml']);
          assert.deepEqual(
            listed.map((u) => u.slice(folder.length + 1)),
            ['notes/base.md', 'sources/001_base.txt'],
            'links that loop or leave the workspace are not listed',
          );
        }
        if (c.id === 'front-matter-bomb')
          assert.equal(service.view.note(`${folder}/notes/bomb.md`)?.citations.length, 1, 'the note is read');
        if (c.id === 'yaml-nesting')
          for (const n of ['deep-a', 'deep-b'])
            assert.equal(service.view.note(`${folder}/notes/${n}.md`)?.citations.length, 1, `${n} is read`);
        if (c.id === 'big-anchor-file')
          assert.ok(!workspace.read.includes(`${folder}/sources/031_big.anchors.yaml`), 'the 20 MB anchor file is never read');
        if (c.id === 'markdown-in-names') {
          const text = readFileSync(join(dir, 'notes/names.md'), 'utf8');
          const lines = new LineIndex(text);
          for (let at = text.indexOf('October'); at >= 0; at = text.indexOf('October', at + 1)) {
            const h = service.hover(`${folder}/notes/names.md`, lines.positionAt(at + 2));
            assert.ok(h, 'a date hover');
            assertInert(h.contents, 'the date hover');
            assert.match(h.contents, /GN020/);
          }
        }
        if (c.id === 'padded-anchor-file') {
          const r = await service.createAnchor(
            `${folder}/sources/001_base.txt`,
            { start: { line: 2, character: 0 }, end: { line: 2, character: 17 } },
            'second',
          );
          assert.deepEqual(
            r.edits.map((e) => [e.range.start, e.newText]),
            [[{ line: 200_001, character: 0 }, 'second: Second paragraph.\n']],
          );
        }
        if (c.id === 'settings-outside') {
          for (const target of ['/etc/passwd', '/proc/self/environ', '/dev/urandom', '/dev/stdin']) {
            unlinkSync(join(dir, '.vscode/settings.json'));
            symlinkSync(target, join(dir, '.vscode/settings.json'));
            const { errors } = await loadSettings(dir);
            assert.equal(errors.length, 1, target);
            assert.match(
              errors[0]!,
              new RegExp(
                '^\\.vscode/settings\\.json is not read: it (resolves outside the workspace folder|' +
                  'cannot be resolved \\(a broken or looping link\\)); the default settings are used$',
              ),
              target,
            );
          }
          unlinkSync(join(dir, '.vscode/settings.json'));
          symlinkSync('/etc/passwd', join(dir, '.vscode/settings.json'));
        }
        if (c.id === 'unreadable') {
          assert.ok(
            errors.some((e) => e.includes('locked.md') && e.includes('EACCES')),
            errors.join('\n'),
          );
          assert.equal(service.view.note(`${folder}/notes/locked.md`), undefined);
        }
        if (c.id === 'hostile-html') {
          const page = service.view.source(`${folder}/sources/040_hostile.html`)!;
          assert.equal(page.title, 'Quarterly figures', 'the script that sets the title never ran');
          assert.ok(page.text.startsWith('Revenue rose in the third quarter'), 'the script that replaces the body never ran');
          assert.doesNotMatch(
            page.text,
            /alert\(1\)|alert\(2\)|alert\(3\)|steal|written by a script|svg text|noscript|template|typed|fetch/,
            page.text,
          );
          const uri = `${folder}/notes/hostile-page.md`;
          const lines = new LineIndex(readFileSync(join(dir, 'notes/hostile-page.md'), 'utf8'));
          for (const cit of service.view.note(uri)!.citations)
            assertInert(service.hover(uri, lines.positionAt(cit.start + 3))!.contents, `hover at ${cit.start}`);
        }
        if (c.id === 'hostile-source') {
          const uri = `${folder}/notes/hostile.md`;
          const text = readFileSync(join(dir, 'notes/hostile.md'), 'utf8');
          const lines = new LineIndex(text);
          const citations = service.view.note(uri)!.citations;
          assert.equal(citations.length, 6);
          for (const cit of citations) {
            const h = service.hover(uri, lines.positionAt(cit.start + 3));
            assert.ok(h, `hover at ${cit.start}`);
            assertInert(h.contents, `hover at ${cit.start}`);
          }
          const hover = service.hover(uri, lines.positionAt(citations[0]!.start + 3))!.contents;
          assert.match(hover, /&lt;script&gt;/, 'the script tag is shown, escaped');
          assert.match(hover, /\[groundedNotes|command:groundedNotes\.openSourceAt\?/, 'the passage link is there');
          // Completion after `[[` (sources) and after `[[020#` (anchors with their passages).
          service.openDocument(`${folder}/notes/typing.md`, 'x [[ y [[020#', 1);
          const typing = new LineIndex('x [[ y [[020#');
          const items = [
            ...service.completion(`${folder}/notes/typing.md`, typing.positionAt(4)),
            ...service.completion(`${folder}/notes/typing.md`, typing.positionAt(13)),
          ];
          assert.ok(
            items.some((i) => i.kind === 'anchor'),
            'anchor completions',
          );
          for (const i of items) if (i.documentation) assertInert(i.documentation, `completion ${i.label}`);
        }
      });
    }

    // NodeWorkspace never throws, but a Workspace that breaks the contract must still
    // not break the service: a change event for a file that now throws is a GN007.
    it('a file that starts throwing EACCES after indexing: a change event does not reject', async () => {
      const c = cases.find((x) => x.id === 'unreadable')!;
      const dir = dirOf(c);
      let locked = false;
      const inner = new NodeWorkspace([dir]);
      const workspace: Workspace = {
        folders: inner.folders,
        listFiles: (f, e) => inner.listFiles(f, e),
        stat: (u) => inner.stat(u),
        exists: (u) => inner.exists(u),
        readFile: async (u) => {
          if (locked && u.endsWith('/notes/base.md')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
          return inner.readFile(u);
        },
      };
      const service = createNotesService({ workspace });
      await service.initialize();
      locked = true;
      // The Workspace contract says readFile returns undefined rather than throwing
      // (NodeWorkspace does); a wrapper that throws must still not break the service.
      const uri = `${pathToUri(dir)}/notes/base.md`;
      await service.filesChanged([{ uri, kind: 'changed' }]);
      assert.deepEqual(
        service
          .allProblems()
          .get(uri)
          ?.map((p) => `${p.code} ${p.message}`),
        ['GN007 Not checked: the file could not be read (EACCES: permission denied)'],
      );
    });
  });

  describe('through the CLI (grounded-notes check --format json)', () => {
    before(() => ensureBuilt());
    for (const c of cases.filter((x) => x.cli)) {
      it(`${c.class}: ${c.input}`, () => {
        const dir = dirOf(c);
        const r = spawnSync(process.execPath, [join(REPO, 'bin/grounded-notes.js'), 'check', dir, '--format', 'json'], {
          encoding: 'utf8',
          timeout: TIME_LIMIT_MS * 2,
          maxBuffer: 64 * 1024 * 1024,
        });
        assert.equal(r.error, undefined, `${c.id}: ${r.error?.message} (a hang is a failure)`);
        assert.equal(r.signal, null, `${c.id}: killed by ${r.signal}`);
        assert.ok(r.status === 0 || r.status === 1, `${c.id}: exit ${r.status}\n${r.stderr}`);
        const findings = (JSON.parse(r.stdout) as { file: string; line: number; code: string; message: string }[]).map((f) => ({
          file: f.file,
          line: f.line,
          code: f.code,
          message: f.message,
        }));
        assertOutcome(c, findings, 'CLI');
        if (c.id === 'settings-outside') {
          assert.doesNotMatch(r.stderr, /root:|PATH=/, 'nothing of the linked file is printed');
          assert.match(r.stderr, /settings\.json is not read: it resolves outside the workspace folder/);
        }
      });
    }
  });

  it('the README robustness table is what test/corpus/table.ts prints', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const m = /<!-- robustness:start -->\n([\s\S]*?)\n<!-- robustness:end -->/.exec(readme);
    assert.ok(m, 'README has the robustness markers');
    assert.equal(m[1], robustnessTable(), 'run `npx tsx test/corpus/table.ts` and paste its output between the markers');
  });
});

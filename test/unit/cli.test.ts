import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, REPO } from '../helpers/lspClient.js';
import { golden, GOLDEN_FILE } from '../helpers/golden.js';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/grounded-notes.js'), ...args], { cwd: REPO, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gn-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('grounded-notes check', function () {
  this.timeout(20000);
  const dirs: string[] = [];
  before(() => ensureBuilt());
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const ws = (files: Record<string, string>) => {
    const d = workspace(files);
    dirs.push(d);
    return d;
  };

  it('prints file:line:col severity code message and exits 1 on the example', () => {
    const r = cli('check', 'examples/briefings');
    assert.equal(r.code, 1);
    // The notes' lines, as the golden file has them (a PDF's line also names its page).
    const expected = golden()
      .filter((f) => f.file.startsWith('notes/'))
      .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
    assert.deepEqual(
      r.stdout
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('notes/')),
      expected,
    );
    assert.match(r.stderr, /notes, 7 sources: \d+ errors/);
  });

  it('--format json prints one array with 1-based positions and relative paths: the golden file (UPDATE=1 rewrites it)', () => {
    const r = cli('check', 'examples/briefings', '--format', 'json');
    assert.equal(r.code, 1);
    if (process.env.UPDATE) writeFileSync(GOLDEN_FILE, r.stdout);
    assert.equal(
      r.stdout,
      readFileSync(GOLDEN_FILE, 'utf8'),
      "the example's findings differ from test/golden/briefings.json; if the change is meant, rerun with UPDATE=1 and review the diff",
    );
    assert.deepEqual(Object.keys(golden()[0]!), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
  });

  it('--format sarif prints SARIF 2.1.0 with the rules and results', () => {
    const r = cli('check', 'examples/briefings', '--format=sarif');
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'grounded-notes');
    assert.ok(run.tool.driver.rules.some((rule: { id: string }) => rule.id === 'GN002'));
    const result = run.results[1];
    assert.equal(result.ruleId, 'GN002');
    assert.equal(result.level, 'error');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'GN002');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'notes/broken-citations.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 6, startColumn: 86, endLine: 6, endColumn: 99 },
    });
  });

  it('reports positions in a PDF as page and line on the page (text), and the extracted text’s line plus the page (JSON, SARIF)', () => {
    const text = cli('check', 'examples/briefings');
    assert.ok(
      text.stdout.includes(
        'sources/report_summit-2021.pdf#page=2:52:10 information GN020 October 8, 2021 was a Friday, ' +
          "not a Wednesday (year from source report's metadata date)\n",
      ),
      text.stdout,
    );
    const json = JSON.parse(cli('check', 'examples/briefings', '--format', 'json').stdout) as Record<string, unknown>[];
    assert.deepEqual(
      json.find((f) => f.file === 'sources/report_summit-2021.pdf' && f.code === 'GN020'),
      {
        file: 'sources/report_summit-2021.pdf',
        line: 135,
        column: 10,
        endLine: 135,
        endColumn: 30,
        severity: 'information',
        code: 'GN020',
        message: "October 8, 2021 was a Friday, not a Wednesday (year from source report's metadata date)",
        page: 2,
        pageLine: 52,
      },
    );
    const sarif = JSON.parse(cli('check', 'examples/briefings', '--format', 'sarif').stdout);
    const result = sarif.runs[0].results.find(
      (r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.ruleId === 'GN020' && r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('.pdf'),
    );
    assert.deepEqual(result.locations[0].physicalLocation.region, {
      startLine: 135,
      startColumn: 10,
      endLine: 135,
      endColumn: 30,
      properties: { page: 2, pageLine: 52 },
    });
  });

  it('exits 0 on a clean workspace, and honours --max-warnings and settings', () => {
    const clean = ws({ 'sources/001_x.txt': 'Hello there.\n', 'notes/a.md': 'Cites [[001#p1]].\n' });
    assert.deepEqual(cli('check', clean), { code: 0, stdout: '', stderr: '1 notes, 1 sources: 0 errors, 0 warnings, 0 infos\n' });
    const warned = ws({
      'sources/001_x.txt': 'Hello.\n',
      'notes/a.md': '[[002]]\n',
      '.vscode/settings.json': '{\n  // GN001 as a warning\n  "groundedNotes.diagnostics": { "GN001": "warning" },\n}\n',
    });
    assert.equal(cli('check', warned).code, 0);
    assert.equal(cli('check', warned, '--max-warnings', '0').code, 1);
  });

  it('reads sources from groundedNotes.sourceRoots', () => {
    const d = ws({
      'refs/001_x.txt': 'Hello.\n',
      'notes/a.md': '[[001]]\n',
      '.vscode/settings.json': '{"groundedNotes.sourceRoots": ["refs"]}',
    });
    assert.equal(cli('check', d).code, 0);
  });

  it('--cache-dir: a warm run prints what a fresh run prints, follows edits, and writes only in the cache folder', () => {
    const d = ws({
      'sources/001_x.txt': 'Kirby spoke on Friday.\n\nThe talks went on.\n',
      'sources/001_x.anchors.yaml': 'friday: Kirby spoke on Friday\n',
      'notes/a.md': 'Cites [[001#friday]] and [[001#thursday]].\n',
      'notes/b.md': '# Plain\n\nCites [[002]].\n',
    });
    const cache = mkdtempSync(join(tmpdir(), 'gn-cache-'));
    dirs.push(cache);
    const fresh = () => cli('check', d, '--format', 'json').stdout;
    const cached = () => cli('check', d, '--format', 'json', '--cache-dir', cache);
    const first = cached();
    assert.equal(first.stdout, fresh());
    assert.deepEqual(readdirSync(cache), ['index.gnidx']);
    // The second run reuses every parse and the saved problems.
    assert.equal(cached().stdout, first.stdout);
    writeFileSync(join(d, 'notes/a.md'), 'Cites [[001#friday]] only.\n');
    writeFileSync(join(d, 'sources/001_x.anchors.yaml'), 'friday: Kirby spoke on Thursday\n');
    const edited = cached();
    assert.equal(edited.stdout, fresh());
    assert.notEqual(edited.stdout, first.stdout);
    assert.deepEqual(readdirSync(d).sort(), ['notes', 'sources']);
    // Single-threaded parsing gives the same answer.
    assert.equal(cli('check', d, '--format', 'json', '--threads', '0').stdout, edited.stdout);
  });

  it('exits 2 with a clear message on usage errors', () => {
    assert.deepEqual(
      [cli('check', 'no/such/folder').code, cli('check', '--format', 'xml').code, cli('check', '--frobnicate').code, cli('frob').code],
      [2, 2, 2, 2],
    );
    assert.match(cli('check', '--format', 'xml').stderr, /unknown format "xml": use text, json, sarif or github/);
  });
});

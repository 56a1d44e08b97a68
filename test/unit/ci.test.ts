import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/github.js';
import { ensureBuilt, REPO } from '../helpers/lspClient.js';

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/grounded-notes.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_WORKSPACE: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Step {
  uses?: string;
  run?: string;
  if?: string;
}

describe('the CI workflow (.github/workflows/ci.yml)', () => {
  const text = readFileSync(join(REPO, '.github/workflows/ci.yml'), 'utf8');
  const workflow = parse(text) as {
    jobs: Record<string, { strategy?: { matrix: Record<string, string[]> }; steps: Step[]; env?: Record<string, string> }>;
  };

  it("is valid for GitHub Actions (GitHub's own workflow parser and schema)", async () => {
    const result = parseWorkflow({ name: 'ci.yml', content: text }, new NoOperationTraceWriter());
    assert.deepEqual(
      result.context.errors.getErrors().map((e) => e.message),
      [],
    );
    const template = await convertWorkflowTemplate(result.context, result.value!);
    assert.equal(template.errors, undefined, JSON.stringify(template.errors));
  });

  it('the schema check catches a mistake (the check can fail)', () => {
    const broken = text.replace('runs-on: ${{ matrix.os }}', 'run-on: ${{ matrix.os }}');
    const result = parseWorkflow({ name: 'ci.yml', content: broken }, new NoOperationTraceWriter());
    assert.ok(result.context.errors.getErrors().some((e) => /run-on/.test(e.message)));
  });

  it('runs the extension-host suite on Linux under xvfb-run, macOS and Windows, at the minimum VS Code and the latest stable', () => {
    const job = workflow.jobs['extension-host']!;
    assert.deepEqual(job.strategy!.matrix.os, ['ubuntu-latest', 'macos-latest', 'windows-latest']);
    const minimum = /^\^(\d+\.\d+\.\d+)$/.exec(manifest.engines.vscode)![1];
    assert.deepEqual(job.strategy!.matrix.vscode, [minimum, 'stable'], 'the matrix holds engines.vscode and stable');
    assert.equal(job.env!.VSCODE_VERSION, '${{ matrix.vscode }}');
    const runs = job.steps.filter((s) => s.run?.includes('test/suite/run-electron.mjs'));
    assert.deepEqual(
      runs.map((s) => [s.if, s.run]),
      [
        ["runner.os == 'Linux'", 'xvfb-run -a node test/suite/run-electron.mjs'],
        ["runner.os != 'Linux'", 'node test/suite/run-electron.mjs'],
      ],
    );
    const runner = readFileSync(join(REPO, 'test/suite/run-electron.mjs'), 'utf8');
    assert.match(runner, /version: process\.env\.VSCODE_VERSION/, 'run-electron.mjs downloads the version the matrix names');
    assert.match(runner, /extensionTestsPath: join\(repo, 'test\/suite\/index\.cjs'\)/, 'the same suite code-server runs');
  });

  it('pins every action to a major version', () => {
    for (const job of Object.values(workflow.jobs))
      for (const s of job.steps) if (s.uses) assert.match(s.uses, /^[\w-]+\/[\w-]+@v\d+$/, s.uses);
  });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];

  it('declares grounded-notes: check of the whole workspace when a note, source or anchor file is staged', () => {
    assert.equal(hooks.length, 1);
    const hook = hooks[0]!;
    assert.deepEqual(
      { id: hook.id, entry: hook.entry, language: hook.language, pass_filenames: hook.pass_filenames },
      { id: 'grounded-notes', entry: 'grounded-notes check', language: 'node', pass_filenames: false },
    );
    assert.ok(typeof hook.name === 'string' && hook.name.length > 0, 'pre-commit requires a name');
    assert.equal(manifest.bin[String(hook.entry).split(' ')[0]!], './bin/grounded-notes.js', "the entry is the package's command");
    const files = new RegExp(String(hook.files));
    for (const staged of [
      'notes/december-summit.md',
      'sources/002_a3f2.txt',
      'sources/002_a3f2.anchors.yaml',
      'sources/report.pdf',
      'sources/page.html',
    ])
      assert.ok(files.test(staged), staged);
    for (const other of ['src/app.ts', 'package.json', 'image.png']) assert.ok(!files.test(other), other);
  });
});

describe('grounded-notes check --format github', function () {
  this.timeout(60_000);
  before(() => ensureBuilt());

  it('escapes %, CR and LF in messages, and : and , in properties, as the runner reads them', () => {
    assert.equal(escapeData('100% sure\r\nnext: a, b'), '100%25 sure%0D%0Anext: a, b');
    assert.equal(escapeProperty('notes/a,b:c%.md'), 'notes/a%2Cb%3Ac%25.md');
    const line = formatGithub(
      [{ file: 'n,1:x.md', line: 2, column: 3, endLine: 2, endColumn: 9, severity: 'information', code: 'GN023', message: 'a\nb' }],
      'docs',
    );
    assert.equal(line, '::notice file=docs/n%2C1%3Ax.md,line=2,col=3,endLine=2,endColumn=9,title=GN023 source-date-inconsistent::a%0Ab');
  });

  it('prints one annotation per problem, with paths from the directory it runs in', () => {
    const r = cli(join(REPO, 'examples'), 'check', 'briefings', '--format', 'github');
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.equal(
      lines[0],
      '::error file=briefings/notes/broken-citations.md,line=5,col=61,endLine=5,endColumn=64,title=GN001 unknown-source::' +
        'Unknown source `001`: no source has that id and no note that name; did you mean `000` or `002`?',
    );
    assert.ok(
      lines.some(
        (l) => l.startsWith('::warning file=briefings/notes/dates.md,line=15,col=48,') && l.includes('title=GN020 weekday-mismatch::'),
      ),
    );
    assert.ok(lines.some((l) => l.startsWith('::notice file=briefings/sources/002_a3f28121737e2d7d.txt,line=1,col=1,')));
    const json = JSON.parse(cli(join(REPO, 'examples'), 'check', 'briefings', '--format', 'json').stdout) as unknown[];
    assert.equal(lines.length, json.length, 'every finding is annotated');
  });

  it('keeps a hostile file name and citation inside their properties', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gn-github-'));
    try {
      mkdirSync(join(dir, 'notes'));
      writeFileSync(join(dir, 'notes', 'a,b:c.md'), 'See [[x%0A::error::y]].\n');
      const r = cli(dir, 'check', '.', '--format', 'github');
      assert.deepEqual(r.stdout.trim().split('\n').length, 1);
      assert.match(
        r.stdout,
        new RegExp(
          '^::error file=notes/a%2Cb%3Ac\\.md,line=1,col=7,endLine=1,endColumn=\\d+,' +
            'title=GN001 unknown-source::No note or file `x%250A::error::y` in the workspace',
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the $grounded-notes problem matcher', function () {
  this.timeout(60_000);
  before(() => ensureBuilt());

  it("reads every line of check's text output as the JSON output states it", () => {
    const [matcher] = manifest.contributes.problemMatchers as {
      name: string;
      fileLocation: string[];
      pattern: Record<string, string | number>;
    }[];
    assert.equal(matcher!.name, 'grounded-notes');
    const p = matcher!.pattern;
    const regexp = new RegExp(String(p.regexp));
    const text = cli(join(REPO, 'examples/briefings'), 'check', '.').stdout.trim().split('\n');
    const json = JSON.parse(cli(join(REPO, 'examples/briefings'), 'check', '.', '--format', 'json').stdout) as Record<
      string,
      string | number
    >[];
    // VS Code's matcher knows error, warning, info and hint (a hint shows as information).
    const severity = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as Record<string, string>;
    const read = text.map((line) => {
      const m = regexp.exec(line);
      assert.ok(m, `the matcher misses: ${line}`);
      return {
        file: m[p.file as number],
        line: Number(m[p.line as number]),
        column: Number(m[p.column as number]),
        severity: m[p.severity as number],
        code: m[p.code as number],
        message: m[p.message as number],
      };
    });
    // In a PDF the text output gives the page and the line on it (`report.pdf#page=2:52:10`): the matcher takes the file and that line.
    assert.deepEqual(
      read,
      json.map((f) => ({
        file: f.file,
        line: f.pageLine ?? f.line,
        column: f.column,
        severity: severity[f.severity as string],
        code: f.code,
        message: f.message,
      })),
    );
  });
});

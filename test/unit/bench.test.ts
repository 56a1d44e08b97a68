import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, REPO } from '../helpers/lspClient.js';

/** Every figure the benchmark takes per workspace size, by its key in the results file. */
const FIGURES = [
  'coldCheckMs',
  'floorMs',
  'checkOverFloor',
  'warmCheckMs',
  'checkPeakRssMB',
  'firstDiagnosticsMs',
  'allDiagnosticsMs',
  'recheckP50Ms',
  'recheckP95Ms',
  'hoverP50Ms',
  'hoverP95Ms',
  'completionP50Ms',
  'completionP95Ms',
  'hoverDuringIndexP50Ms',
  'hoverDuringIndexP95Ms',
  'warmStartMs',
  'serverPeakRssMB',
];

/** Every figure the benchmark takes per vault shape. */
const SHAPE_FIGURES = [
  'coldCheckMs',
  'floorMs',
  'checkOverFloor',
  'checkPeakRssMB',
  'floorPeakRssMB',
  'links',
  'warmCheckMs',
  'allDiagnosticsMs',
  'hoverDuringIndexP95Ms',
  'warmStartMs',
];

/** The rows of the printed tables. */
const ROWS = [
  'cold check, CLI (median)',
  'regex floor (median)',
  'cold check / floor',
  'warm check, CLI (median)',
  'real shape, 200 notes',
  'path-link shape, 130 notes',
  'check runs',
  'peak RSS of check',
  'findings of check',
  'first diagnostics, LSP',
  'all notes diagnosed, LSP',
  're-check after edit p50',
  're-check after edit p95',
  'hover p50',
  'hover p95',
  'completion p50',
  'completion p95',
  'hover during indexing p50',
  'hover during indexing p95',
  'warm start, all diagnosed',
  'server peak RSS',
  'cold check cost per note',
  'remark-validate-links',
  'grounded-notes check',
  'check speed-up over remark-validate-links',
  'broken references found',
];

describe('npm run bench --quick', function () {
  this.timeout(180000);
  const dir = mkdtempSync(join(tmpdir(), 'gn-bench-test-'));
  before(() => ensureBuilt());
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('completes, prints every row and writes every figure', () => {
    const out = join(dir, 'results.json');
    const r = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--out', out, '--workdir', join(dir, 'workspaces')], {
      cwd: REPO,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    for (const row of ROWS) assert.ok(r.stdout.includes(row), `row "${row}" missing from:\n${r.stdout}`);
    const results = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(
      results.sizes.map((s: { notes: number }) => s.notes),
      [50, 100],
    );
    for (const size of results.sizes) {
      for (const key of FIGURES) assert.equal(typeof size[key], 'number', `${key} at ${size.notes} notes`);
    }
    assert.deepEqual(
      results.shapes.map((s: { shape: string; notes: number }) => [s.shape, s.notes]),
      [
        ['real', 200],
        ['paths', 130],
      ],
    );
    for (const shape of results.shapes) {
      for (const key of SHAPE_FIGURES) assert.equal(typeof shape[key], 'number', `${key} of the ${shape.shape} shape`);
      assert.ok(
        shape.links > 0 && shape.checkFindings >= shape.brokenLinks,
        `the ${shape.shape} shape has links and its broken ones are reported`,
      );
    }
    assert.equal(typeof results.sideBySide.speedup, 'number');
    assert.ok(results.sideBySide.remarkBrokenLinksFound > 0, 'remark-validate-links must find the broken links');
  });
});

// The diagnostics VS Code shows for the example workspace. The expectations are the golden
// file test/golden/briefings.json, the output of
// `npx grounded-notes check examples/briefings --format json`: the product's contract, so
// the editor must show exactly what the command line reports.
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { isDeepStrictEqual } = require('node:util');
const { activate, diagnosticsOf, waitFor } = require('./helpers.cjs');

/** The files of the example on which the command line finds nothing: the editor must show nothing either. */
const CLEAN = [
  'notes/anchor-kinds.md',
  'notes/december-summit.md',
  'notes/reading list.md',
  'sources/000_73692c68c32165cb.anchors.yaml',
  'sources/002_a3f28121737e2d7d.anchors.yaml',
  'sources/readouts/readout_draft.md',
  'sources/readouts/readout_final.md',
];

/**
 * Per file: [code, severity, line, column, endLine, endColumn], 1-based, sorted by
 * position, from the golden file (test/golden/briefings.json, the command line's output).
 */
const EXPECTED = Object.fromEntries(CLEAN.map((file) => [file, []]));
for (const f of JSON.parse(readFileSync(join(__dirname, '../golden/briefings.json'), 'utf8'))) {
  (EXPECTED[f.file] ??= []).push([f.code, f.severity, f.line, f.column, f.endLine, f.endColumn]);
}
for (const list of Object.values(EXPECTED)) list.sort((a, b) => a[2] - b[2] || a[3] - b[3] || a[0].localeCompare(b[0]));

describe('Diagnostics of the example workspace', function () {
  before(async function () {
    await activate();
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.length ? expected.map((d) => d[0]).join(', ') : 'none'}`, async function () {
      // The server checks the workspace in the background; wait until this file has settled.
      const actual = await waitFor(
        `the diagnostics of ${file}`,
        () => diagnosticsOf(file),
        (d) => isDeepStrictEqual(d, expected),
        10_000,
      );
      assert.deepEqual(actual, expected);
    });
  }
});

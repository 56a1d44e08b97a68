// The diagnostics VS Code shows for the example workspace. The fixture is the output of
// `npx grounded-notes check examples/briefings --format json`: the product's contract, so
// the editor must show exactly what the command line reports.
const assert = require('node:assert/strict');
const { isDeepStrictEqual } = require('node:util');
const { activate, diagnosticsOf, waitFor } = require('./helpers.cjs');

/** Per file: [code, severity, line, column, endLine, endColumn], 1-based, sorted by position. */
const EXPECTED = {
  'notes/anchor-kinds.md': [],
  'notes/broken-citations.md': [
    ['GN001', 'error', 5, 61, 5, 64],
    ['GN002', 'error', 6, 86, 6, 99],
    ['GN002', 'error', 7, 72, 7, 75],
    ['GN004', 'error', 8, 67, 8, 75],
    ['GN004', 'error', 9, 66, 9, 79],
    ['GN004', 'error', 10, 61, 10, 81],
    ['GN003', 'error', 11, 86, 11, 93],
    ['GN005', 'warning', 12, 85, 12, 96],
  ],
  'notes/dates.md': [
    ['GN020', 'warning', 15, 48, 15, 69],
    ['GN021', 'warning', 15, 48, 15, 69],
    ['GN022', 'warning', 16, 52, 16, 63],
    ['GN024', 'warning', 17, 44, 17, 55],
    ['GN025', 'information', 18, 75, 18, 98],
  ],
  'notes/december-summit.md': [],
  'notes/pdf-and-web-sources.md': [
    ['GN002', 'error', 22, 71, 22, 77],
    ['GN004', 'error', 23, 49, 23, 68],
    ['GN002', 'error', 24, 55, 24, 64],
    ['GN005', 'warning', 25, 61, 25, 73],
    ['GN010', 'warning', 26, 54, 26, 74],
    ['GN022', 'warning', 27, 52, 27, 63],
    ['GN025', 'information', 28, 75, 28, 101],
  ],
  'notes/quotes.md': [['GN010', 'warning', 8, 42, 8, 85]],
  'notes/reading list.md': [],
  'sources/000_73692c68c32165cb.txt': [
    ['GN020', 'information', 29, 50, 29, 70],
    ['GN021', 'information', 29, 50, 29, 70],
  ],
  'sources/000_73692c68c32165cb.anchors.yaml': [],
  'sources/002_a3f28121737e2d7d.txt': [['GN023', 'information', 1, 1, 1, 14]],
  'sources/002_a3f28121737e2d7d.anchors.yaml': [],
  'sources/readouts/readout_draft.md': [],
  'sources/readouts/readout_final.md': [],
  'sources/readouts/readout_draft.anchors.yaml': [
    ['GN005', 'warning', 4, 14, 4, 75],
    ['GN006', 'error', 6, 1, 6, 14],
  ],
  'sources/readouts/scan_page-1.txt': [['GN007', 'information', 1, 1, 1, 1]],
  // A PDF's and a web page's positions are in their extracted text.
  'sources/report_summit-2021.pdf': [
    ['GN020', 'information', 135, 10, 135, 30],
    ['GN021', 'information', 135, 10, 135, 30],
  ],
  'sources/report_summit-2021.anchors.yaml': [['GN005', 'warning', 10, 15, 10, 75]],
  'sources/vox_legal-system.html': [['GN023', 'information', 1, 1, 1, 1]],
  'sources/letter_scanned.pdf': [['GN007', 'information', 1, 1, 1, 1]],
};

describe('Diagnostics of the example workspace', function () {
  before(async function () {
    await activate();
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.length ? expected.map((d) => d[0]).join(', ') : 'none'}`, async function () {
      // The server checks the workspace in the background; wait until this file has settled.
      const actual = await waitFor(`the diagnostics of ${file}`, () => diagnosticsOf(file), (d) => isDeepStrictEqual(d, expected), 10_000);
      assert.deepEqual(actual, expected);
    });
  }
});

// Entry of the extension-host suite: VS Code loads this file (extensionTestsPath) in the
// extension host and awaits run(). Results also go to a JSON report because the web
// workbench does not hand run()'s outcome to anyone: the path is in GROUNDED_NOTES_TEST_REPORT.
const fs = require('node:fs');
const path = require('node:path');

// Order matters: the edits in changes.test.cjs come after the tests that read the example as
// shipped, and the server is killed last.
const FILES = [
  'diagnostics.test.cjs',
  'commands.test.cjs',
  'features.test.cjs',
  'pdf.test.cjs',
  'workbench.test.cjs',
  'changes.test.cjs',
  'restart.test.cjs',
];

async function run() {
  // Mocha is an ES module; import() loads it in every Node that VS Code ships.
  const { Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of FILES) mocha.addFile(path.join(__dirname, file));
  const results = [];
  const startedAt = Date.now();
  try {
    await mocha.loadFilesAsync();
  } catch (e) {
    writeReport({ passed: 0, failed: 1, tests: [{ title: 'loading the suite', state: 'failed', error: String(e.stack || e) }] });
    throw e;
  }
  const failures = await new Promise((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('fail', (test, err) => results.push({ title: test.fullTitle(), state: 'failed', error: String((err && err.stack) || err) }));
  });
  writeReport({
    passed: results.filter((r) => r.state === 'passed').length,
    failed: failures,
    durationMs: Date.now() - startedAt,
    tests: results,
  });
  if (failures > 0) throw new Error(`${failures} extension-host tests failed`);
}

function writeReport(report) {
  const file = process.env.GROUNDED_NOTES_TEST_REPORT;
  if (!file) return;
  // Write then rename, so a harness polling for the file never reads half of it.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(report, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

module.exports = { run };

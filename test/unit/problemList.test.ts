/**
 * A file's problems at any size: 130,000 unknown citations on one line gave `0 errors`
 * (a spread of the rule's results threw, and the failure was swallowed). Now a rule
 * that fails is a GN008 error on the file, and past 1,000 problems one GN009 entry
 * counts the rest with the worst severity among them.
 */
import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../server/src/core/config.js';
import { createNotesService, MemoryWorkspace, ruleByCode } from '../../server/src/core/index.js';
import { fixture, problemsOf, ROOT } from '../helpers/fixture.js';

describe('problem lists', function () {
  this.timeout(180_000);

  it('a note with 130,000 `[[999]]` on one line lists 999 GN001 and one GN009 error counting the rest', async () => {
    const f = await fixture(`//- notes/n.md\n${'[[999]] '.repeat(130_000)}\n`);
    const problems = f.service.allProblems().get(`${ROOT}/notes/n.md`)!;
    assert.equal(problems.length, 1000);
    assert.deepEqual(
      problems.slice(0, 2).map((p) => `${p.range.start.character} ${p.severity} ${p.code} ${p.message}`),
      ['2 error GN001 No note or file `999` in the workspace', '10 error GN001 No note or file `999` in the workspace'],
    );
    const last = problems[999]!;
    assert.deepEqual(
      { range: last.range, severity: last.severity, code: last.code, message: last.message },
      {
        range: { start: { line: 0, character: 7994 }, end: { line: 0, character: 7994 } },
        severity: 'error',
        code: 'GN009',
        message: '129,001 more problems in this file are not listed (129,001 errors): only the first 999 are',
      },
    );
  });

  it('the GN009 entry takes the worst severity it counts, and can be turned off like any code', async () => {
    const text = `//- notes/n.md\n${'[[999]] '.repeat(1200)}\n`;
    const warn = await fixture(text, { diagnostics: { GN001: 'warning' } });
    assert.deepEqual(problemsOf(warn, 'notes/n.md').slice(-1), [
      '1:7995-1:7995 GN009 201 more problems in this file are not listed (201 warnings): only the first 999 are',
    ]);
    assert.equal(warn.service.allProblems().get(`${ROOT}/notes/n.md`)!.at(-1)!.severity, 'warning');
    const off = await fixture(text, { diagnostics: { GN009: 'off' } });
    assert.deepEqual(problemsOf(off, 'notes/n.md', ['GN009']), []);
    assert.equal(problemsOf(off, 'notes/n.md').length, 999);
  });

  it('a check that throws is a GN008 error on the file; the other checks still report', async () => {
    const rule = ruleByCode('GN010')!;
    const original = rule.checkNote;
    rule.checkNote = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    try {
      const f = await fixture('//- notes/n.md\nSee [[999]].\n');
      assert.deepEqual(problemsOf(f, 'notes/n.md'), [
        '1:1-1:1 GN008 Not fully checked: check GN010 (misquote) failed on this file (RangeError: ' +
          'Maximum call stack size exceeded); its problems may be missing',
        '1:7-1:10 GN001 No note or file `999` in the workspace',
      ]);
      assert.equal(f.service.allProblems().get(`${ROOT}/notes/n.md`)![0]!.severity, 'error');
    } finally {
      rule.checkNote = original;
    }
  });

  it('a service made without quick fixes (the command line) reports the same problems, with no fixes', async () => {
    const files = {
      'notes/harbour.md': '# Harbour\n',
      'notes/n.md': 'See [[harbor]] and [[Harbour#Dock]].\n',
    };
    const problems = async (quickFixes?: boolean) => {
      const service = createNotesService({
        workspace: new MemoryWorkspace([ROOT], files),
        config: defaultConfig,
        ...(quickFixes === undefined ? {} : { quickFixes }),
      });
      await service.initialize();
      return service.allProblems().get(`${ROOT}/notes/n.md`)!;
    };
    const withFixes = await problems();
    const without = await problems(false);
    assert.deepEqual(
      withFixes.map((p) => [p.code, p.message, p.fixes?.map((f) => f.title)]),
      [
        ['GN001', 'No note or file `harbor` in the workspace; did you mean `harbour`?', ['Change to `harbour`']],
        ['GN002', 'No heading `Dock` in note `harbour`', undefined],
      ],
    );
    assert.deepEqual(
      without,
      withFixes.map(({ fixes: _fixes, ...rest }) => rest),
    );
  });
});

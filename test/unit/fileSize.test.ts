/**
 * One size limit for every file, however it arrives: anchor files were parsed at any
 * size (53 MB took 4.5 GB and 41 s), and a note opened in the editor was checked at
 * any size (a 20 MB note full of citations got no answer in 140 s).
 */
import { strict as assert } from 'node:assert';
import { utf8Length } from '../../server/src/core/fileSize.js';
import { fixture, problemsOf, ROOT } from '../helpers/fixture.js';

const MB = 1024 * 1024;

describe('groundedNotes.maxFileSize', function () {
  this.timeout(60_000);

  it('an anchor file over the limit is GN007 and never parsed; its source still checks', async () => {
    const anchors = 'k: Hello there\n'.repeat(Math.ceil((1.5 * MB) / 15));
    const f = await fixture(
      `//- sources/001_a.txt\nHello there.\n//- sources/001_a.anchors.yaml\n${anchors}//- notes/n.md\n[[001#k]] [[001#p1]]\n`,
      { maxFileSize: MB },
    );
    assert.deepEqual(problemsOf(f, 'sources/001_a.anchors.yaml'), [
      '1:1-1:1 GN007 Not checked: the file is 1.5 MB, over groundedNotes.maxFileSize (1.0 MB)',
    ]);
    assert.equal(f.service.view.anchorFile(`${ROOT}/sources/001_a.anchors.yaml`), undefined);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), ['1:7-1:8 GN002 No anchor `k` in source 001']);
  });

  it('a note opened in the editor over the limit is GN007 and not parsed, and is checked again once it is small enough', async () => {
    const f = await fixture('//- sources/001_a.txt\nHello there.\n//- notes/n.md\nSmall [[001#p9]].\n', { maxFileSize: MB });
    const uri = `${ROOT}/notes/n.md`;
    f.service.openDocument(uri, '[[999]] '.repeat((2 * MB) / 8), 1);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:1-1:1 GN007 Not checked: the file is 2.0 MB, over groundedNotes.maxFileSize (1.0 MB)',
    ]);
    assert.equal(f.service.view.note(uri), undefined);
    // UTF-8 bytes count, not characters: 600,000 × "é" is 1.1 MB.
    f.service.openDocument(uri, 'é'.repeat(600_000), 2);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:1-1:1 GN007 Not checked: the file is 1.1 MB, over groundedNotes.maxFileSize (1.0 MB)',
    ]);
    f.service.openDocument(uri, 'Small again [[001#p9]].\n', 3);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), ['1:19-1:21 GN002 No anchor `p9` in source 001: source 001 has 1 paragraphs (p1–p1)']);
  });

  it('counts UTF-8 bytes without encoding', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a\u0301', '\ud800x', 'x\udc00'])
      assert.equal(utf8Length(s), new TextEncoder().encode(s).length, JSON.stringify(s));
  });
});

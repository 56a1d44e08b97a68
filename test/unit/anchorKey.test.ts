import { strict as assert } from 'node:assert';
import { isCitableAnchorName } from '../../shared/anchorKey.js';
import { fixture, problemsOf } from '../helpers/fixture.js';

describe('anchor names: one rule for anchor files, Create Anchor and rename', () => {
  it('accepts what a citation can write after `#`, and nothing with white space, `#`, `|`, brackets or quotes', () => {
    for (const name of ['kirby-briefing', 'jensen2', '12', 'été-ß', 'a.b_c']) assert.equal(isCitableAnchorName(name), true, name);
    for (const name of ['', 'a b', 'a\tb', 'x#y', 'a|b', '[a', 'a]', '"a"', '\u201ca\u201d', 'a\u00a0b'])
      assert.equal(isCitableAnchorName(name), false, JSON.stringify(name));
  });

  it('reports an anchor file key that breaks it, and keeps the keys that follow it', async () => {
    const f = await fixture(
      '//- sources/002_abc.txt\nJohn Kirby clarified the remarks.\n' +
        '//- sources/002_abc.anchors.yaml\n"kirby briefing": John Kirby\nkirby: John Kirby\n' +
        '//- notes/n.md\n[[002#kirby]]\n',
    );
    assert.deepEqual(problemsOf(f, 'sources/002_abc.anchors.yaml'), [
      '1:1-1:17 GN006 The anchor name `kirby briefing` cannot be cited: use no spaces, `#`, `|`, brackets or quotes',
    ]);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), []);
  });
});

import { strict as assert } from 'node:assert';
import { fixture, ROOT } from '../helpers/fixture.js';
import { VOX, VOX_ANCHORS, VOX_SOURCE } from '../helpers/vox.js';

/** The code lenses of `path` in the fixture's workspace, as `line title` (1-based). */
async function checkCodeLenses(text: string, path: string, expected: string[]): Promise<void> {
  const f = await fixture(text);
  assert.deepEqual(
    f.service.codeLenses(`${ROOT}/${path}`).map((l) => `${l.range.start.line + 1} ${l.title}`),
    expected,
  );
}

const NOTES =
  '//- notes/a.md\nFirst [[002#macron]] and [[002#jensen]].\n//- notes/b.md\nAgain ' +
  '[[002#Macron|label]].\n//- notes/c.md\n[[002#vox-on-the-talks]]\n';

describe('code lenses: “N citations”', () => {
  it('over each named anchor of an anchor file, counting citations in any case', async () => {
    await checkCodeLenses(`${VOX}${NOTES}`, 'sources/002_vox.anchors.yaml', ['2 2 citations', '3 1 citation']);
  });

  it('over each heading of a source', async () => {
    await checkCodeLenses(`${VOX}${NOTES}`, 'sources/002_vox.txt', ['1 1 citation']);
  });

  it('a lost anchor counts its own citations, as references and rename see them', async () => {
    const anchors = `${VOX_ANCHORS}gone: words that the source never held at all\nalso-gone: other words the source does not hold either\n`;
    await checkCodeLenses(
      `//- sources/002_vox.txt\n${VOX_SOURCE}//- sources/002_vox.anchors.yaml\n${anchors}//- ` +
        `notes/a.md\n[[002#gone]] [[002#gone]] [[002#also-gone]]\n`,
      'sources/002_vox.anchors.yaml',
      ['2 0 citations', '3 0 citations', '4 2 citations', '5 1 citation'],
    );
  });
});

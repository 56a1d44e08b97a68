import { strict as assert } from 'node:assert';
import { fixture, rangeText, ROOT } from '../helpers/fixture.js';
import { VOX, VOX_ANCHORS, VOX_SOURCE } from '../helpers/vox.js';
import type { Location } from '../../server/src/core/api.js';

const NOTES = '//- notes/a.md\nFirst [[002#macron]] and [[002#jensen]].\n//- notes/b.md\nAgain [[002#Macron|label]].\n';

const shown = (l: Location) => `${l.uri.slice(ROOT.length + 1)} ${rangeText(l.range)}`;

/** Find References at the fixture's `$0`: each location as `path line:col-line:col` (1-based), in order. */
async function checkReferences(text: string, expected: string[], includeDeclaration = false): Promise<void> {
  const f = await fixture(text);
  assert.ok(f.cursor, 'the fixture has a $0 cursor');
  assert.deepEqual(f.service.references(f.cursor.uri, f.cursor.position, includeDeclaration).map(shown), expected);
}

describe('references of a passage', () => {
  it('from a citation: every citation of the anchor, in any case and with a label', async () => {
    await checkReferences(
      `${VOX}//- notes/a.md\nFirst [[002#mac$0ron]] and [[002#jensen]].\n//- notes/b.md\nAgain [[002#Macron|label]].\n`,
      ['notes/a.md 1:7-1:21', 'notes/b.md 1:7-1:27'],
    );
  });

  it('from an anchor key: the key itself, then its citations', async () => {
    const anchors = VOX_ANCHORS.replace('macron:', 'mac$0ron:');
    await checkReferences(
      `//- sources/002_vox.txt\n${VOX_SOURCE}//- sources/002_vox.anchors.yaml\n${anchors}${NOTES}`,
      ['sources/002_vox.anchors.yaml 2:1-2:7', 'notes/a.md 1:7-1:21', 'notes/b.md 1:7-1:27'],
      true,
    );
  });

  it('from inside a source: the citations whose passage holds that place', async () => {
    const source = VOX_SOURCE.replace('exploit those', 'exp$0loit those');
    await checkReferences(`//- sources/002_vox.txt\n${source}//- sources/002_vox.anchors.yaml\n${VOX_ANCHORS}${NOTES}`, [
      'notes/a.md 1:26-1:40',
    ]);
  });

  it('of a lost anchor: its own citations only, not those of another lost anchor', async () => {
    const anchors = `${VOX_ANCHORS}gone: words that the source never held at all\nalso-gone: other words the source does not hold either\n`;
    await checkReferences(
      `//- sources/002_vox.txt\n${VOX_SOURCE}//- sources/002_vox.anchors.yaml\n${anchors}//- ` +
        `notes/a.md\nSee [[002#go$0ne]] and [[002#also-gone]].\n`,
      ['notes/a.md 1:5-1:17'],
    );
  });
});

import { strict as assert } from 'node:assert';
import { fixture, rangeText, ROOT } from '../helpers/fixture.js';
import { VOX } from '../helpers/vox.js';

const NOTES = '//- notes/a.md\nFirst [[002#macron]] and [[002#jensen]].\n//- notes/b.md\nAgain [[002#Macron|label]].\n';

/** Rename at the fixture's `$0` to `newName`: each edit as `path line:col-line:col newText` (1-based), in order. */
async function checkRename(text: string, newName: string, expected: string[]): Promise<void> {
  const f = await fixture(text);
  assert.ok(f.cursor, 'the fixture has a $0 cursor');
  const { edits } = await f.service.rename(f.cursor.uri, f.cursor.position, newName);
  assert.deepEqual(
    edits.map((e) => `${e.uri.slice(ROOT.length + 1)} ${rangeText(e.range)} ${e.newText}`),
    expected,
  );
}

/** Prepare Rename at the fixture's `$0`: the range (1-based) and placeholder, or undefined. */
async function checkPrepareRename(text: string, expected: string | undefined): Promise<void> {
  const f = await fixture(text);
  assert.ok(f.cursor, 'the fixture has a $0 cursor');
  const r = f.service.prepareRename(f.cursor.uri, f.cursor.position);
  assert.equal(r && `${rangeText(r.range)} ${r.placeholder}`, expected);
}

describe('rename of a named anchor', () => {
  it('from a labelled citation: the anchor name is the range, the key the placeholder', async () => {
    await checkPrepareRename(`${VOX}//- notes/b.md\nAgain [[002#Mac$0ron|label]].\n`, '1:13-1:19 macron');
  });

  it('is not offered outside an anchor or a link', async () => {
    await checkPrepareRename(`${VOX}//- notes/a.md\n$0First [[002#macron]].\n`, undefined);
  });

  it('renames the key and every citation of it in one edit', async () => {
    await checkRename(`${VOX}${NOTES.replace('[[002#Macron|label]]', '[[002#Mac$0ron|label]]')}`, 'macron-never', [
      'sources/002_vox.anchors.yaml 2:1-2:7 macron-never',
      'notes/a.md 1:13-1:19 macron-never',
      'notes/b.md 1:13-1:19 macron-never',
    ]);
  });

  it('refuses a name another anchor of the source has', async () => {
    const f = await fixture(`${VOX}${NOTES.replace('[[002#macron]]', '[[002#mac$0ron]]')}`);
    await assert.rejects(f.service.rename(f.cursor!.uri, f.cursor!.position, 'jensen'), /Source 002 already has an anchor named `jensen`/);
  });
});

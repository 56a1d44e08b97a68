/**
 * Edits computed on the files as they are now. A client that does not watch files
 * (Neovim on Linux by default) sends no change events: after two lines were inserted
 * into a note on disk, renaming an anchor wrote at the old positions, into the wrong
 * places, and left the moved citations un-renamed. The files an edit touches are read
 * again first.
 */
import { strict as assert } from 'node:assert';
import { fixture, ROOT } from '../helpers/fixture.js';

const FILES = `//- sources/002_x.txt
National Security Council spokesperson John Kirby clarified Biden's comments in a press briefing Friday.
//- sources/002_x.anchors.yaml
kirby-briefing: John Kirby clarified Biden's comments
//- notes/a.md
Kirby spoke [[002#kirby-briefing]].
//- notes/b.md
Also [[002#kirby-briefing]].
`;

const show = (
  edits: { uri: string; range: { start: { line: number; character: number }; end: { character: number } }; newText: string }[],
) =>
  edits
    .map((e) => `${e.uri.slice(ROOT.length + 1)}:${e.range.start.line}:${e.range.start.character}-${e.range.end.character} ${e.newText}`)
    .sort();

describe('edits computed on what is on disk now', () => {
  it('rename after lines were inserted into a note on disk, with no change event, edits where the citation is now', async () => {
    const f = await fixture(FILES);
    f.service.openDocument(`${ROOT}/notes/b.md`, 'Also [[002#kirby-briefing]].\n', 1);
    // Written by another program; the client does not watch files.
    f.workspace.set('notes/a.md', '# Added\n\nKirby spoke [[002#kirby-briefing]], twice: [[002#kirby-briefing]].\n');
    const { edits } = await f.service.rename(`${ROOT}/notes/b.md`, { line: 0, character: 14 }, 'kirby-remarks');
    assert.deepEqual(show(edits), [
      'notes/a.md:2:18-32 kirby-remarks',
      'notes/a.md:2:49-63 kirby-remarks',
      'notes/b.md:0:11-25 kirby-remarks',
      'sources/002_x.anchors.yaml:0:0-14 kirby-remarks',
    ]);
  });

  it('rename after the anchor file changed on disk edits its key where it is now', async () => {
    const f = await fixture(FILES);
    f.workspace.set('sources/002_x.anchors.yaml', '# Anchors of 002\n\nkirby-briefing: John Kirby clarified\n');
    const { edits } = await f.service.rename(`${ROOT}/notes/a.md`, { line: 0, character: 20 }, 'kirby-remarks');
    assert.deepEqual(show(edits), [
      'notes/a.md:0:18-32 kirby-remarks',
      'notes/b.md:0:11-25 kirby-remarks',
      'sources/002_x.anchors.yaml:2:0-14 kirby-remarks',
    ]);
  });

  it('Create Anchor after the anchor file grew on disk appends after its new end', async () => {
    const f = await fixture(FILES);
    f.workspace.set('sources/002_x.anchors.yaml', 'kirby-briefing: John Kirby clarified\nfriday: press briefing Friday\n');
    const r = await f.service.createAnchor(
      `${ROOT}/sources/002_x.txt`,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 38 } },
      'nsc',
    );
    assert.deepEqual(
      r.edits.map((e) => [e.range, e.newText]),
      [[{ start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, 'nsc: National Security Council spokesperson\n']],
    );
  });
});

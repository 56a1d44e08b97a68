import { strict as assert } from 'node:assert';
import { fixture, ROOT, type Fixture } from '../helpers/fixture.js';
import { applyEdits } from '../helpers/edits.js';
import { VOX_ANCHORS, VOX_SOURCE } from '../helpers/vox.js';
import { createAnchor, proposeAnchor } from '../../server/src/core/features/createAnchor.js';
import { LineIndex } from '../../server/src/core/text.js';
import type { Range } from '../../server/src/core/types.js';

/** The range of the `nth` occurrence of `words` in a file of the fixture (the first by default), as a selection of them. */
function selectionOf(f: Fixture, path: string, words: string, nth = 1): Range {
  const text = f.workspace.files.get(`${ROOT}/${path}`)!;
  let at = text.indexOf(words);
  for (let i = 1; i < nth && at >= 0; i++) at = text.indexOf(words, at + 1);
  assert.ok(at >= 0, `${words} is in ${path}`);
  const lines = new LineIndex(text);
  return { start: lines.positionAt(at), end: lines.positionAt(at + words.length) };
}

/**
 * Create Anchor from a selection of `words` (their `nth` occurrence) in the source at
 * `path`, named `name`: the citation it returns, the anchor file's text after its edits
 * (a new file: its one edit), and whether the file is created.
 */
async function checkCreateAnchor(
  text: string,
  path: string,
  selected: { words: string; nth?: number },
  name: string,
  expected: { citation: string; anchorFile: string; create: boolean },
): Promise<void> {
  const f = await fixture(text);
  const r = createAnchor(f.service.view, `${ROOT}/${path}`, selectionOf(f, path, selected.words, selected.nth), name);
  const before = f.workspace.files.get(r.anchorFileUri) ?? '';
  assert.deepEqual({ citation: r.citation, anchorFile: applyEdits(before, r.edits), create: r.create }, expected);
}

const VOX = (anchors: string) => `//- sources/002_vox.txt\n${VOX_SOURCE}//- sources/002_vox.anchors.yaml\n${anchors}//- notes/n.md\nx\n`;

describe('Create Anchor from Selection', () => {
  it('proposes a slug of the selected words not taken yet, listing the names taken', async () => {
    const f = await fixture(VOX(VOX_ANCHORS + 'vox-on-the-talks: Vox on the talks\n'));
    const src = `${ROOT}/sources/002_vox.txt`;
    assert.deepEqual(proposeAnchor(f.service.view, src, selectionOf(f, 'sources/002_vox.txt', 'Vox on the talks')), {
      sourceId: '002',
      slug: 'vox-on-the-talks-2',
      quote: 'Vox on the talks',
      existing: ['macron', 'jensen', 'vox-on-the-talks'],
    });
  });

  it('appends the anchor, leaving comments and order byte-for-byte', async () => {
    await checkCreateAnchor(VOX(VOX_ANCHORS), 'sources/002_vox.txt', { words: 'Russia can exploit those disagreements' }, 'exploit', {
      citation: '[[002#exploit]]',
      anchorFile: VOX_ANCHORS + 'exploit: Russia can exploit those disagreements\n',
      create: false,
    });
  });

  it('refuses a name the source already has', async () => {
    const f = await fixture(VOX(VOX_ANCHORS));
    const sel = selectionOf(f, 'sources/002_vox.txt', 'Russia can exploit those disagreements');
    assert.throws(() => createAnchor(f.service.view, `${ROOT}/sources/002_vox.txt`, sel, 'macron'), /already has an anchor named `macron`/);
  });

  it('adds a prefix and suffix only when the quote occurs more than once, and creates a missing anchor file', async () => {
    await checkCreateAnchor(
      '//- sources/007_x.txt\nthe vote passed. Later, the vote passed again.\n',
      'sources/007_x.txt',
      { words: 'the vote passed', nth: 2 },
      'second-vote',
      {
        citation: '[[007#second-vote]]',
        anchorFile: 'second-vote:\n  quote: the vote passed\n  prefix: "the vote passed. Later, "\n  suffix: " again."\n',
        create: true,
      },
    );
  });
});

import { strict as assert } from 'node:assert';
import { fixture, problemsOf, ROOT } from '../helpers/fixture.js';
import type { Fixture } from '../helpers/fixture.js';
import { applyEdits } from '../helpers/edits.js';
import { VOX_ANCHORS, VOX_SOURCE } from '../helpers/vox.js';

const SOURCE = VOX_SOURCE;
const ANCHORS = VOX_ANCHORS;
const ws = (note: string, anchors = ANCHORS, source = SOURCE) =>
  fixture(`//- sources/002_vox.txt\n${source}//- sources/002_vox.anchors.yaml\n${anchors}//- notes/n.md\n${note}`);

async function applyFix(f: Fixture, path: string, line: number, character: number, code: string): Promise<void> {
  const uri = `${ROOT}/${path}`;
  const [fix] = f.service.codeActions(uri, { start: { line, character }, end: { line, character } }, [code]);
  assert.ok(fix, `a ${code} fix at ${path}:${line + 1}:${character + 1}`);
  for (const target of new Set(fix.edits.map((e) => e.uri))) {
    const next = applyEdits(
      f.workspace.files.get(target)!,
      fix.edits.filter((e) => e.uri === target),
    );
    f.workspace.files.set(target, next);
    await f.service.filesChanged([{ uri: target, kind: 'changed' }]);
  }
}

describe('GN010 misquotes', () => {
  it('accepts exact, normalised and ellipsis quotations, and a changed first letter', async () => {
    const f = await ws(
      [
        'Macron said France would "never urge the Ukrainians to make a compromise" [[002#macron]].',
        'He said “we will never urge the Ukrainians to make a compromise” [[002#macron]].',
        'Jensen: "Russia can exploit those disagreements … And they will" [[002#jensen]].',
        'Jensen: "russia can exploit those [Western] disagreements" [[002#p3]].',
        'Unquoted elsewhere: "words never said" but no citation here.',
      ].join('\n'),
    );
    assert.deepEqual(problemsOf(f, 'notes/n.md'), []);
  });

  it('flags a misquote with the source’s closest words and fixes it with them', async () => {
    const f = await ws('Macron said France would "never urge Ukrainians to make compromises" [[002#macron]].\n');
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:27-1:68 GN010 Misquote: “never urge Ukrainians to make compromises” is not in the cited ' +
        'passage of source 002; the source says “never urge the Ukrainians to make a compromise”',
    ]);
    await applyFix(f, 'notes/n.md', 0, 30, 'GN010');
    assert.equal(
      f.workspace.files.get(`${ROOT}/notes/n.md`),
      'Macron said France would "never urge the Ukrainians to make a compromise" [[002#macron]].\n',
    );
    assert.deepEqual(problemsOf(f, 'notes/n.md'), []);
  });

  it('without an anchor, looks in the whole source', async () => {
    const f = await ws('"Donald Jensen told Vox" [[002]] and "Jensen told the BBC" [[002]].\n');
    assert.deepEqual(
      problemsOf(f, 'notes/n.md').map((p) => p.split(' GN010 ')[0]),
      ['1:39-1:58'],
    );
  });
});

describe('GN005 stale and lost anchors', () => {
  it('a source edited under an anchor: stale (citations still resolve), then fixed by the quick fix', async () => {
    const f = await ws('Macron [[002#macron]].\n');
    const src = `${ROOT}/sources/002_vox.txt`;
    f.workspace.files.set(src, SOURCE.replace('we will never urge the Ukrainians', 'we shall never urge the Ukrainians'));
    await f.service.filesChanged([{ uri: src, kind: 'changed' }]);
    assert.deepEqual(problemsOf(f, 'sources/002_vox.anchors.yaml'), [
      '2:9-2:63 GN005 Anchor `macron` is stale: its quote is no longer in source 002; re-anchored to ' +
        '“we shall never urge the Ukrainians to make a compromise” (94% similar)',
    ]);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:14-1:20 GN005 Anchor `macron` is stale: re-anchored to “we shall never urge the Ukrainians ' +
        'to make a compromise” (94% similar); update the anchor file',
    ]);
    const [def] = f.service.definition(`${ROOT}/notes/n.md`, { line: 0, character: 10 });
    assert.equal(def!.targetUri, src);
    await applyFix(f, 'sources/002_vox.anchors.yaml', 1, 10, 'GN005');
    assert.equal(
      f.workspace.files.get(`${ROOT}/sources/002_vox.anchors.yaml`),
      ANCHORS.replace('we will never urge the Ukrainians to make a compromise', 'we shall never urge the Ukrainians to make a compromise'),
    );
    assert.deepEqual(problemsOf(f, 'sources/002_vox.anchors.yaml'), []);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), []);
  });

  it('below the similarity threshold the anchor is lost: an error', async () => {
    const f = await ws('Jensen [[002#jensen]].\n');
    const src = `${ROOT}/sources/002_vox.txt`;
    f.workspace.files.set(src, SOURCE.replace('Russia can exploit those disagreements', 'Moscow benefits from every quarrel'));
    await f.service.filesChanged([{ uri: src, kind: 'changed' }]);
    const list = f.service.allProblems().get(`${ROOT}/notes/n.md`)!;
    assert.deepEqual(
      list.map((p) => [p.code, p.severity, p.message]),
      [['GN005', 'error', 'Anchor `jensen` is lost: its quote is no longer in source 002']],
    );
  });
});

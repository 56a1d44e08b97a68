import { strict as assert } from 'node:assert';
import { fixture, problemsOf, ROOT } from '../helpers/fixture.js';
import type { Fixture } from '../helpers/fixture.js';
import type { TextEdit } from '../../server/src/core/types.js';
import { LineIndex } from '../../server/src/core/text.js';

const SOURCE = `Vox on the talks

Perhaps more importantly, Macron clearly stated that \u201cwe will never urge the Ukrainians to make a compromise which will not be acceptable for them.\u201d Furthermore, he added more.

\u201cRussia can exploit those disagreements, and they do. And they will,\u201d Donald Jensen told Vox.
`;
const ANCHORS = `# Named anchors for the Vox piece.
macron: we will never urge the Ukrainians to make a compromise   # the key line
jensen: Russia can exploit those disagreements
`;
const ws = (note: string, anchors = ANCHORS, source = SOURCE) =>
  fixture(`//- sources/002_vox.txt\n${source}//- sources/002_vox.anchors.yaml\n${anchors}//- notes/n.md\n${note}`);

/** Applies edits to one file's text (as the editor would). */
function apply(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  return out;
}

async function applyFix(f: Fixture, path: string, line: number, character: number, code: string): Promise<void> {
  const uri = `${ROOT}/${path}`;
  const [fix] = f.service.codeActions(uri, { start: { line, character }, end: { line, character } }, [code]);
  assert.ok(fix, `a ${code} fix at ${path}:${line + 1}:${character + 1}`);
  for (const target of new Set(fix.edits.map((e) => e.uri))) {
    const next = apply(f.workspace.files.get(target)!, fix.edits.filter((e) => e.uri === target));
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
      '1:27-1:68 GN010 Misquote: “never urge Ukrainians to make compromises” is not in the cited passage of source 002; the source says “never urge the Ukrainians to make a compromise”',
    ]);
    await applyFix(f, 'notes/n.md', 0, 30, 'GN010');
    assert.equal(f.workspace.files.get(`${ROOT}/notes/n.md`), 'Macron said France would "never urge the Ukrainians to make a compromise" [[002#macron]].\n');
    assert.deepEqual(problemsOf(f, 'notes/n.md'), []);
  });

  it('without an anchor, looks in the whole source', async () => {
    const f = await ws('"Donald Jensen told Vox" [[002]] and "Jensen told the BBC" [[002]].\n');
    assert.deepEqual(problemsOf(f, 'notes/n.md').map((p) => p.split(' GN010 ')[0]), ['1:39-1:58']);
  });
});

describe('GN005 stale and lost anchors', () => {
  it('a source edited under an anchor: stale (citations still resolve), then fixed by the quick fix', async () => {
    const f = await ws('Macron [[002#macron]].\n');
    const src = `${ROOT}/sources/002_vox.txt`;
    f.workspace.files.set(src, SOURCE.replace('we will never urge the Ukrainians', 'we shall never urge the Ukrainians'));
    await f.service.filesChanged([{ uri: src, kind: 'changed' }]);
    assert.deepEqual(problemsOf(f, 'sources/002_vox.anchors.yaml'), [
      '2:9-2:63 GN005 Anchor `macron` is stale: its quote is no longer in source 002; re-anchored to “we shall never urge the Ukrainians to make a compromise” (94% similar)',
    ]);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), [
      '1:14-1:20 GN005 Anchor `macron` is stale: re-anchored to “we shall never urge the Ukrainians to make a compromise” (94% similar); update the anchor file',
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
    assert.deepEqual(list.map((p) => [p.code, p.severity, p.message]), [['GN005', 'error', 'Anchor `jensen` is lost: its quote is no longer in source 002']]);
  });
});

describe('Create Anchor from Selection', () => {
  it('proposes a unique slug and appends the anchor, leaving comments and order byte-for-byte', async () => {
    const f = await ws('x\n', ANCHORS + 'vox-on-the-talks: Vox on the talks\n');
    const src = `${ROOT}/sources/002_vox.txt`;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 16 } };
    const proposal = f.service.view && (await import('../../server/src/core/features/createAnchor.js')).proposeAnchor(f.service.view, src, range);
    assert.deepEqual(proposal, { sourceId: '002', slug: 'vox-on-the-talks-2', quote: 'Vox on the talks', existing: ['macron', 'jensen', 'vox-on-the-talks'] });
    const { createAnchor } = await import('../../server/src/core/features/createAnchor.js');
    const sel = { start: { line: 4, character: 1 }, end: { line: 4, character: 39 } };
    const r = createAnchor(f.service.view, src, sel, 'exploit');
    assert.equal(r.citation, '[[002#exploit]]');
    assert.equal(r.create, false);
    const before = f.workspace.files.get(`${ROOT}/sources/002_vox.anchors.yaml`)!;
    const after = apply(before, r.edits);
    assert.equal(after, before + 'exploit: Russia can exploit those disagreements\n');
    assert.throws(() => createAnchor(f.service.view, src, sel, 'macron'), /already has an anchor named `macron`/);
  });

  it('adds a prefix and suffix only when the quote occurs more than once, and creates a missing anchor file', async () => {
    const f = await fixture('//- sources/007_x.txt\nthe vote passed. Later, the vote passed again.\n');
    const { createAnchor } = await import('../../server/src/core/features/createAnchor.js');
    const r = createAnchor(f.service.view, `${ROOT}/sources/007_x.txt`, { start: { line: 0, character: 24 }, end: { line: 0, character: 39 } }, 'second-vote');
    assert.equal(r.create, true);
    assert.equal(r.anchorFileUri, `${ROOT}/sources/007_x.anchors.yaml`);
    assert.equal(r.edits[0]!.newText, 'second-vote:\n  quote: the vote passed\n  prefix: "the vote passed. Later, "\n  suffix: " again."\n');
  });
});

describe('references, rename and code lens', () => {
  const notes = '//- notes/a.md\nFirst [[002#macron]] and [[002#jensen]].\n//- notes/b.md\nAgain [[002#Macron|label]].\n';

  it('finds every citation of an anchor from a citation, from its key, and from inside the source', async () => {
    const f = await fixture(`//- sources/002_vox.txt\n${SOURCE}//- sources/002_vox.anchors.yaml\n${ANCHORS}${notes}`);
    const fromCitation = f.service.references(`${ROOT}/notes/a.md`, { line: 0, character: 10 }, false);
    assert.deepEqual(fromCitation.map((l) => `${l.uri.slice(ROOT.length + 1)}:${l.range.start.character}`), ['notes/a.md:6', 'notes/b.md:6']);
    const fromKey = f.service.references(`${ROOT}/sources/002_vox.anchors.yaml`, { line: 1, character: 2 }, true);
    assert.deepEqual(fromKey.map((l) => `${l.uri.slice(ROOT.length + 1)}:${l.range.start.line}`), ['sources/002_vox.anchors.yaml:1', 'notes/a.md:0', 'notes/b.md:0']);
    const fromSource = f.service.references(`${ROOT}/sources/002_vox.txt`, { line: 4, character: 10 }, false);
    assert.deepEqual(fromSource.map((l) => `${l.uri.slice(ROOT.length + 1)}:${l.range.start.character}`), ['notes/a.md:25']);
  });

  it('renames the key and every citation in one edit, and refuses a name that exists', async () => {
    const f = await fixture(`//- sources/002_vox.txt\n${SOURCE}//- sources/002_vox.anchors.yaml\n${ANCHORS}${notes}`);
    assert.deepEqual(f.service.prepareRename(`${ROOT}/notes/b.md`, { line: 0, character: 14 }), {
      range: { start: { line: 0, character: 12 }, end: { line: 0, character: 18 } },
      placeholder: 'macron',
    });
    const { edits } = await f.service.rename(`${ROOT}/notes/b.md`, { line: 0, character: 14 }, 'macron-never');
    assert.deepEqual(
      edits.map((e) => `${e.uri.slice(ROOT.length + 1)}:${e.range.start.line}:${e.range.start.character}-${e.range.end.character} ${e.newText}`),
      ['sources/002_vox.anchors.yaml:1:0-6 macron-never', 'notes/a.md:0:12-18 macron-never', 'notes/b.md:0:12-18 macron-never'],
    );
    await assert.rejects(f.service.rename(`${ROOT}/notes/a.md`, { line: 0, character: 10 }, 'jensen'), /Source 002 already has an anchor named `jensen`/);
    assert.equal(f.service.prepareRename(`${ROOT}/notes/a.md`, { line: 0, character: 0 }), undefined);
  });

  it('shows “N citations” over each named anchor and source heading', async () => {
    const f = await fixture(`//- sources/002_vox.txt\n${SOURCE}//- sources/002_vox.anchors.yaml\n${ANCHORS}${notes}//- notes/c.md\n[[002#vox-on-the-talks]]\n`);
    assert.deepEqual(f.service.codeLenses(`${ROOT}/sources/002_vox.anchors.yaml`).map((l) => `${l.range.start.line} ${l.title}`), ['1 2 citations', '2 1 citation']);
    assert.deepEqual(f.service.codeLenses(`${ROOT}/sources/002_vox.txt`).map((l) => `${l.range.start.line} ${l.title}`), ['0 1 citation']);
  });
});

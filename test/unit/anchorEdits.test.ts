/**
 * Edits to anchor files leave them valid YAML with every other anchor intact. Create
 * Anchor appended at column 0 (an indented file became invalid and lost every anchor)
 * and after a `...` document end (a second document); the GN005 fix wrote `true` and
 * numbers unquoted (a quote became a boolean: GN006); and names such as `L5` or `p1`
 * were accepted, silently taking over every existing `[[001#p1]]`.
 */
import { strict as assert } from 'node:assert';
import { parseAnchorFile } from '../../server/src/core/parse/anchorFile.js';
import { proposeSlug } from '../../server/src/core/features/createAnchor.js';
import { applyEdits } from '../helpers/edits.js';
import { fixture, ROOT } from '../helpers/fixture.js';

const SOURCE = 'The vote passed on Friday. It was true. The count was 123 to 7.\n';
const SRC = `${ROOT}/sources/001_a.txt`;
const ANCHORS = `${ROOT}/sources/001_a.anchors.yaml`;
/** The selection of `words` in SOURCE (one line). */
const select = (words: string) => ({
  start: { line: 0, character: SOURCE.indexOf(words) },
  end: { line: 0, character: SOURCE.indexOf(words) + words.length },
});

async function withAnchors(anchors: string) {
  return fixture(`//- sources/001_a.txt\n${SOURCE}//- sources/001_a.anchors.yaml\n${anchors}//- notes/n.md\nSee [[001#p1]].\n`);
}

/** Every anchor of an anchor file text, with its problems. */
function read(text: string) {
  const file = parseAnchorFile(ANCHORS, text);
  return { problems: file.problems.map((p) => p.message), anchors: file.anchors.map((a) => [a.key, a.quote, a.prefix, a.suffix]) };
}

describe('edits to anchor files', () => {
  describe('Create Anchor', () => {
    it('indents the new entry like the file’s top-level keys', async () => {
      const f = await withAnchors('  vote: The vote passed\n  # a comment\n  day: on Friday\n');
      const r = await f.service.createAnchor(SRC, select('The count was 123'), 'count');
      const after = applyEdits(f.workspace.files.get(ANCHORS)!, r.edits);
      assert.equal(after, '  vote: The vote passed\n  # a comment\n  day: on Friday\n  count: The count was 123\n');
      assert.deepEqual(
        read(after).anchors.map((a) => a[0]),
        ['vote', 'day', 'count'],
      );
    });

    it('goes before a `...` document end, not into a second document', async () => {
      const f = await withAnchors('---\nvote: The vote passed\n...\n# trailing notes\n');
      const r = await f.service.createAnchor(SRC, select('on Friday'), 'day');
      const after = applyEdits(f.workspace.files.get(ANCHORS)!, r.edits);
      assert.equal(after, '---\nvote: The vote passed\nday: on Friday\n...\n# trailing notes\n');
      assert.deepEqual(read(after), {
        problems: [],
        anchors: [
          ['vote', 'The vote passed', undefined, undefined],
          ['day', 'on Friday', undefined, undefined],
        ],
      });
    });

    it('quotes a value or a name that YAML would read as something else, and keeps CRLF line ends', async () => {
      const f = await withAnchors('vote: The vote passed\r\n');
      const r = await f.service.createAnchor(SRC, select('true'), 'true');
      const after = applyEdits(f.workspace.files.get(ANCHORS)!, r.edits);
      assert.equal(after, 'vote: The vote passed\r\n"true": "true"\r\n');
      assert.deepEqual(read(after).anchors.at(-1), ['true', 'true', undefined, undefined]);
    });

    for (const [name, kind] of [
      ['p1', 'paragraph'],
      ['L5', 'line'],
      ['l2-l4', 'line'],
      ['page=3', 'page'],
    ] as const) {
      it(`refuses \`${name}\`, a ${kind} anchor it would take over`, async () => {
        const f = await withAnchors('vote: The vote passed\n');
        await assert.rejects(
          f.service.createAnchor(SRC, select('on Friday'), name),
          new RegExp(
            `^Error: \`${name}\` is a ${kind} anchor: a named anchor of that name would take over every ` +
              `citation \`\\[\\[001#${name}\\]\\]\`\\. Choose another name\\.$`,
          ),
        );
      });
    }

    it('never proposes a built-in anchor name', () => {
      assert.equal(proposeSlug('P1', []), 'p1-quote');
      assert.equal(proposeSlug('L12', []), 'l12-quote');
      assert.equal(proposeSlug('The vote', []), 'the-vote');
    });
  });

  describe('rename', () => {
    it('refuses a name that is a built-in anchor', async () => {
      const f = await withAnchors('vote: The vote passed\n');
      await assert.rejects(f.service.rename(ANCHORS, { line: 0, character: 1 }, 'p2'), /`p2` is a paragraph anchor/);
    });

    it('writes a key YAML would read as a boolean or a number in quotes; citations take the bare name', async () => {
      const f = await fixture(
        `//- sources/001_a.txt\n${SOURCE}//- sources/001_a.anchors.yaml\nvote: The vote passed\n//- notes/n.md\nSee [[001#vote]].\n`,
      );
      const { edits } = await f.service.rename(ANCHORS, { line: 0, character: 1 }, 'true');
      assert.deepEqual(
        edits.map((e) => [e.uri.slice(ROOT.length + 1), e.newText]),
        [
          ['sources/001_a.anchors.yaml', '"true"'],
          ['notes/n.md', 'true'],
        ],
      );
      assert.deepEqual(
        read(
          applyEdits(
            'vote: The vote passed\n',
            edits.filter((e) => e.uri === ANCHORS),
          ),
        ).anchors,
        [['true', 'The vote passed', undefined, undefined]],
      );
    });
  });

  describe('the GN005 fix', () => {
    for (const [now, written] of [
      ['true', '"true"'],
      ['123', '"123"'],
      ['null', '"null"'],
      ['yes: no', '"yes: no"'],
    ]) {
      it(`writes a re-anchored quote that YAML would not read back as text (\`${now}\`) in quotes`, async () => {
        // The anchor quoted "<now>." and the source now says "<now>".
        const anchors = `w: "${now}."\nother: Other words here\n`;
        const f = await fixture(`//- sources/001_a.txt\n${now}\n\nOther words here.\n//- sources/001_a.anchors.yaml\n${anchors}`);
        const [fix] = f.service.codeActions(ANCHORS, { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, ['GN005']);
        assert.ok(fix, 'a GN005 fix');
        assert.deepEqual(
          fix.edits.map((e) => e.newText),
          [written],
        );
        assert.deepEqual(read(applyEdits(anchors, fix.edits)), {
          problems: [],
          anchors: [
            ['w', now, undefined, undefined],
            ['other', 'Other words here', undefined, undefined],
          ],
        });
      });
    }
  });
});

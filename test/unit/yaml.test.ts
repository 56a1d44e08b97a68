/**
 * YAML nested deeper than any anchor file or front matter needs: the `yaml` library
 * composes it by recursion, and about 1,000 levels deep a second parse in one thread
 * aborted the whole process (no try/catch can stop a fatal V8 error). It is refused
 * with GN006 before it is composed, the same way on worker threads and here.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { parseAnchorFile } from '../../server/src/core/parse/anchorFile.js';
import { parseNote } from '../../server/src/core/parse/note.js';
import { ParsePool } from '../../server/src/node/parsePool.js';
import { fixture, problemsOf } from '../helpers/fixture.js';
import { ensureBuilt, REPO } from '../helpers/lspClient.js';

const ANCHORS = 'memory:///ws/sources/001_a.anchors.yaml';
const TOO_DEEP = 'Invalid YAML: collections nested more than 100 levels deep (an anchor file needs two); the file is not read';

/** Shapes that nest one collection per unit. */
const NESTING_UNITS = ['[', '{', '- ', '? ', '{a: ', '[a, ', 'x: ['];

describe('YAML nested too deep', () => {
  it('an anchor file of 4,000 `[`, read twice in one thread, is one GN006 at the 101st level', () => {
    for (let i = 0; i < 2; i++) {
      const file = parseAnchorFile(ANCHORS, '['.repeat(4000));
      assert.deepEqual(
        file.problems.map((p) => [p.range.start, p.message]),
        [[{ line: 0, character: 100 }, TOO_DEEP]],
      );
      assert.deepEqual(file.anchors, []);
    }
  });

  it('every shape of deep nesting (flow, block, compact, explicit keys) is refused, as often as it is read', () => {
    for (const unit of NESTING_UNITS) {
      for (let i = 0; i < 3; i++) {
        const problems = parseAnchorFile(ANCHORS, unit.repeat(4000)).problems;
        assert.deepEqual(
          problems.map((p) => p.message),
          [TOO_DEEP],
          unit,
        );
      }
    }
  });

  it('anchor files nested within the bound still read (a map of maps, flow values)', () => {
    const file = parseAnchorFile(ANCHORS, 'a:\n  quote: "one [two]"\n  prefix: x\nb: { quote: three }\n');
    assert.deepEqual(file.problems, []);
    assert.deepEqual(
      file.anchors.map((a) => [a.key, a.quote, a.prefix]),
      [
        ['a', 'one [two]', 'x'],
        ['b', 'three', undefined],
      ],
    );
  });

  it('a note whose front matter is `x: ` and 4,000 `[` is still read, twice', () => {
    for (let i = 0; i < 2; i++) {
      const text = `---\nx: ${'['.repeat(4000)}\ntitle: Deep\n---\nText [[001#p1]].\n`;
      const note = parseNote('memory:///ws/notes/a.md', text);
      assert.deepEqual(
        note.citations.map((c) => text.slice(c.start, c.end)),
        ['[[001#p1]]'],
      );
      // The title's own line is read even where the whole front matter is refused.
      assert.equal(note.title, 'Deep');
    }
  });

  it('through the service: GN006 on the anchor file and nothing else; the citations still resolve', async () => {
    const f = await fixture(
      `//- sources/001_a.txt\nHello there.\n//- ` +
        `sources/001_a.anchors.yaml\n${'- '.repeat(3000)}x\n//- ` +
        `notes/n.md\n---\nx: ${'{'.repeat(3000)}\n---\nSee [[001#p1]] and [[001#nope]].\n`,
    );
    assert.deepEqual(problemsOf(f, 'sources/001_a.anchors.yaml'), [`1:201-1:202 GN006 ${TOO_DEEP}`]);
    assert.deepEqual(problemsOf(f, 'notes/n.md'), ['4:26-4:30 GN002 No anchor `nope` in source 001']);
  });

  describe('on worker threads', function () {
    this.timeout(60_000);
    before(() => ensureBuilt());

    it('the problems of deeply nested YAML are those found on the main thread', async () => {
      // Near the main thread's stack limit the parser's errors depended on the thread.
      const texts = [300, 600, 900, 1200].flatMap((n) => ['[a, ', 'x: [', '- ', '{'].map((u) => u.repeat(n)));
      const pool = new ParsePool({ workerScript: join(REPO, 'dist/indexWorker.js'), threads: 1, inThreadBelow: 0 });
      try {
        const parsed = await pool.parse(texts.map((text) => ({ uri: ANCHORS, kind: 'anchorFile' as const, text })));
        texts.forEach((text, i) => {
          const worker = parsed[i];
          assert.ok(worker?.kind === 'anchorFile', 'parsed on the worker');
          assert.deepEqual(worker.index.problems, parseAnchorFile(ANCHORS, text).problems, `${text.slice(0, 8)}… × ${text.length}`);
        });
      } finally {
        await pool.close();
      }
    });
  });
});
